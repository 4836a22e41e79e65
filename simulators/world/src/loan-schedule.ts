/**
 * Repayment schedule of a guaranteed loan: equal principal instalments (等额本金) with monthly
 * interest on the outstanding balance; the last instalment takes the rounding remainder.
 */
import { addMonths } from './world-calendar.ts';

export interface SchedulePeriod {
  readonly periodNo: number;
  readonly dueDay: number;
  readonly principalDueFen: number;
  readonly interestDueFen: number;
  /** Principal still owed before this period is paid. */
  readonly outstandingBeforeFen: number;
}

export function loanSchedule(
  principalFen: number,
  annualRateBp: number,
  startDay: number,
  termMonths: number,
): SchedulePeriod[] {
  const instalment = Math.floor(principalFen / termMonths / 100) * 100;
  const periods: SchedulePeriod[] = [];
  let outstanding = principalFen;
  for (let periodNo = 1; periodNo <= termMonths; periodNo += 1) {
    const principalDueFen = periodNo === termMonths ? outstanding : instalment;
    const interestDueFen = Math.round((outstanding * annualRateBp) / 10_000 / 12);
    periods.push({
      periodNo,
      dueDay: addMonths(startDay, periodNo),
      principalDueFen,
      interestDueFen,
      outstandingBeforeFen: outstanding,
    });
    outstanding -= principalDueFen;
  }
  return periods;
}
