/**
 * Repayment schedule of a guaranteed loan by repayment type: interest monthly or quarterly with
 * the principal at maturity (the usual bank working-capital loan), equal principal (等额本金) or
 * equal instalments (等额本息). Interest is monthly on the outstanding balance; amounts are whole
 * fen and the last instalment takes the rounding remainder.
 */
import type { RepaymentType } from './guarantee-products.ts';
import { addMonths } from './world-calendar.ts';

export interface SchedulePeriod {
  readonly periodNo: number;
  readonly dueDay: number;
  readonly principalDueFen: number;
  readonly interestDueFen: number;
  /** Principal still owed before this period is paid. */
  readonly outstandingBeforeFen: number;
}

function monthsPerPeriod(type: RepaymentType, termMonths: number): number {
  if (type !== 'interest_quarterly_bullet' || termMonths % 3 !== 0) return 1;
  return 3;
}

function principalDue(
  type: RepaymentType,
  principalFen: number,
  monthlyRate: number,
  periods: number,
  outstanding: number,
  interest: number,
): number {
  if (type === 'equal_principal') return Math.floor(principalFen / periods / 100) * 100;
  if (type === 'equal_instalment') {
    const growth = (1 + monthlyRate) ** periods;
    const payment =
      monthlyRate === 0
        ? principalFen / periods
        : (principalFen * monthlyRate * growth) / (growth - 1);
    return Math.min(outstanding, Math.max(0, Math.round(payment) - interest));
  }
  return 0;
}

export function loanSchedule(
  principalFen: number,
  annualRateBp: number,
  startDay: number,
  termMonths: number,
  repaymentType: RepaymentType = 'equal_principal',
): SchedulePeriod[] {
  const step = monthsPerPeriod(repaymentType, termMonths);
  const count = termMonths / step;
  const monthlyRate = annualRateBp / 10_000 / 12;
  const periods: SchedulePeriod[] = [];
  let outstanding = principalFen;
  for (let periodNo = 1; periodNo <= count; periodNo += 1) {
    const interestDueFen = Math.round(outstanding * monthlyRate * step);
    const principalDueFen =
      periodNo === count
        ? outstanding
        : principalDue(
            repaymentType,
            principalFen,
            monthlyRate,
            count,
            outstanding,
            interestDueFen,
          );
    periods.push({
      periodNo,
      dueDay: addMonths(startDay, periodNo * step),
      principalDueFen,
      interestDueFen,
      outstandingBeforeFen: outstanding,
    });
    outstanding -= principalDueFen;
  }
  return periods;
}
