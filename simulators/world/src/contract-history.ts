/**
 * What happened to one guaranteed loan up to asOf: each instalment paid (when, how late) or not,
 * the bank's claim and the compensation, the release. Computed once per contract and rendered by
 * both the bank files and the legacy business tables, so the two sources agree.
 */
import type { SeededRandom } from '@sg/simulator-kit';
import type { Contract } from './guarantee-book.ts';
import { loanSchedule } from './loan-schedule.ts';
import type { SchedulePeriod } from './loan-schedule.ts';

export interface PeriodOutcome extends SchedulePeriod {
  /** Day paid, or null when not (yet) paid by asOf. */
  readonly paidDay: number | null;
  readonly overdueDays: number;
}

export interface ContractHistory {
  readonly periods: readonly PeriodOutcome[];
  readonly compensatedDay: number | null;
  readonly compensationFen: number;
  readonly releasedDay: number | null;
  readonly loanStatus: '正常' | '结清' | '逾期' | '代偿结清';
  readonly contractStatus: '在保' | '解保' | '代偿';
}

export function contractHistory(
  contract: Contract,
  risk: number,
  asOfDay: number,
  random: SeededRandom,
): ContractHistory {
  const schedule = loanSchedule(
    contract.amountFen,
    contract.loanRateBp,
    contract.startDay,
    contract.termMonths,
    contract.repaymentType,
  );
  const defaultDay = contract.defaultDay;
  const periods: PeriodOutcome[] = schedule.map((period) => {
    if (period.dueDay > asOfDay || (defaultDay !== null && period.dueDay >= defaultDay)) {
      return { ...period, paidDay: null, overdueDays: 0 };
    }
    let overdueDays = 0;
    if (defaultDay !== null && defaultDay - period.dueDay <= 95) {
      overdueDays = random.chance(0.6) ? random.int(3, 30) : 0;
    } else if (random.chance(0.02 + 0.12 * risk)) {
      overdueDays = random.int(1, 15);
    }
    const paidDay = period.dueDay + overdueDays;
    return paidDay > asOfDay
      ? { ...period, paidDay: null, overdueDays: 0 }
      : { ...period, paidDay, overdueDays };
  });
  let compensatedDay: number | null = null;
  let compensationFen = 0;
  if (defaultDay !== null) {
    const claimDay = defaultDay + random.int(90, 125);
    if (claimDay <= asOfDay) {
      compensatedDay = claimDay;
      const firstUnpaid = periods.find((p) => p.paidDay === null);
      compensationFen =
        (firstUnpaid?.outstandingBeforeFen ?? 0) + (firstUnpaid?.interestDueFen ?? 0);
    }
  }
  const allPaid = periods.every((p) => p.paidDay !== null);
  const lastPaid = periods.at(-1)?.paidDay ?? null;
  const releasedDay =
    defaultDay === null && allPaid && lastPaid !== null && lastPaid + 15 <= asOfDay
      ? lastPaid + random.int(3, 15)
      : null;
  const loanStatus =
    compensatedDay !== null ? '代偿结清' : defaultDay !== null ? '逾期' : allPaid ? '结清' : '正常';
  const contractStatus = compensatedDay !== null ? '代偿' : releasedDay !== null ? '解保' : '在保';
  return { periods, compensatedDay, compensationFen, releasedDay, loanStatus, contractStatus };
}
