/**
 * The guarantee book as the company's accountants see it, month by month: for every month-end of
 * the world's history, the guaranteed principal still in force, the guarantee fees charged, the
 * new guarantees, the compensations paid and the risk-sharing banks' shares of them. Fed one
 * contract at a time while the world is written (the same contract histories the bank and the
 * legacy business files render), so the finance books agree with the other sources. Memory is one
 * small array per figure, whatever the world's size.
 */
import type { ContractHistory } from './contract-history.ts';
import type { Contract } from './guarantee-book.ts';
import { feeChargedDay, guaranteeFeeFen } from './guarantee-fee.ts';
import { addMonths, monthStart, periodOf } from './world-calendar.ts';

export interface MonthFlows {
  /** 'YYYY-MM' */
  readonly period: string;
  /** Last day of the month (epoch day). */
  readonly monthEndDay: number;
  /** 在保余额: guaranteed principal still owed at month-end on contracts neither released nor compensated. */
  inForceFen: number;
  /** Contracts in force at month-end. */
  inForceCount: number;
  /** 担保费收入 charged in the month. */
  feeIncomeFen: number;
  /** 新增担保金额: contracts starting in the month. */
  newGuaranteeFen: number;
  /** 代偿: compensations paid in the month (t_compensation). */
  compensationFen: number;
  /** The partner banks' risk shares of the month's compensations, receivable from them. */
  bankShareOfCompensationFen: number;
}

/** The month-ends of the history: every month whose last day is on or before asOf. */
export function historyMonthEnds(historyStartDay: number, asOfDay: number): number[] {
  const ends: number[] = [];
  for (let first = monthStart(historyStartDay); ; first = addMonths(first, 1)) {
    const end = addMonths(first, 1) - 1;
    if (end > asOfDay) break;
    ends.push(end);
  }
  return ends;
}

export class CompanyBookFlows {
  readonly months: readonly MonthFlows[];
  readonly #indexOfPeriod: ReadonlyMap<string, number>;

  constructor(historyStartDay: number, asOfDay: number) {
    this.months = historyMonthEnds(historyStartDay, asOfDay).map((monthEndDay) => ({
      period: periodOf(monthEndDay),
      monthEndDay,
      inForceFen: 0,
      inForceCount: 0,
      feeIncomeFen: 0,
      newGuaranteeFen: 0,
      compensationFen: 0,
      bankShareOfCompensationFen: 0,
    }));
    this.#indexOfPeriod = new Map(this.months.map((m, i) => [m.period, i]));
  }

  #monthOf(day: number): MonthFlows | undefined {
    const index = this.#indexOfPeriod.get(periodOf(day));
    return index === undefined ? undefined : this.months[index];
  }

  /** Adds one contract and what happened to it. */
  addContract(contract: Contract, history: ContractHistory): void {
    const feeMonth = this.#monthOf(feeChargedDay(contract));
    if (feeMonth !== undefined) feeMonth.feeIncomeFen += guaranteeFeeFen(contract);
    const startMonth = this.#monthOf(contract.startDay);
    if (startMonth !== undefined) startMonth.newGuaranteeFen += contract.amountFen;
    if (history.compensatedDay !== null) {
      const month = this.#monthOf(history.compensatedDay);
      if (month !== undefined) {
        month.compensationFen += history.compensationFen;
        month.bankShareOfCompensationFen += Math.round(
          (history.compensationFen * contract.bank.riskSharePct) / 100,
        );
      }
    }
    const closedDay = history.compensatedDay ?? history.releasedDay;
    for (const month of this.months) {
      const end = month.monthEndDay;
      if (contract.startDay > end || (closedDay !== null && closedDay <= end)) continue;
      let repaid = 0;
      for (const period of history.periods) {
        if (period.paidDay !== null && period.paidDay <= end) repaid += period.principalDueFen;
      }
      const outstanding = contract.amountFen - repaid;
      if (outstanding <= 0) continue;
      month.inForceFen += outstanding;
      month.inForceCount += 1;
    }
  }

  /** Adds every contract of one subject (its histories as generate-world computed them). */
  addHistories(histories: ReadonlyMap<Contract, ContractHistory>): void {
    for (const [contract, history] of histories) this.addContract(contract, history);
  }
}
