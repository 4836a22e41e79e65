import { createSeededRandom } from '@sg/simulator-kit';
import { describe, expect, it } from 'vitest';
import { BANKS } from './banks.ts';
import { CompanyBookFlows } from './company-books-flows.ts';
import { guaranteeFeeFen } from './guarantee-fee.ts';
import { contractHistory } from './contract-history.ts';
import type { Contract } from './guarantee-book.ts';
import { addMonths, isoDateToEpochDay, periodOf } from './world-calendar.ts';

const HISTORY_START = isoDateToEpochDay('2024-01-01');
const AS_OF = isoDateToEpochDay('2025-06-30');

function contract(overrides: Partial<Contract> = {}): Contract {
  const bank = BANKS[0];
  if (bank === undefined) throw new Error('no banks');
  const startDay = isoDateToEpochDay('2024-03-15');
  return {
    contractNo: 'DB2024-000001',
    bank,
    amountFen: 120_000_000, // ¥120万
    termMonths: 12,
    loanRateBp: 500,
    feeRateBp: 100,
    startDay,
    endDay: addMonths(startDay, 12),
    plantedGuarantors: [],
    defaultDay: null,
    ...overrides,
  };
}

const month = (flows: CompanyBookFlows, period: string) => {
  const found = flows.months.find((m) => m.period === period);
  if (found === undefined) throw new Error(`no month ${period}`);
  return found;
};

describe('CompanyBookFlows', () => {
  it('has one month per month-end of the history', () => {
    const flows = new CompanyBookFlows(HISTORY_START, AS_OF);
    expect(flows.months.map((m) => m.period)).toHaveLength(18);
    expect(flows.months.at(-1)?.monthEndDay).toBe(AS_OF);
  });

  it('books the fee the day before the start, and the in-force balance as the loan is repaid', () => {
    const flows = new CompanyBookFlows(HISTORY_START, AS_OF);
    const repaid = contract();
    const history = contractHistory(repaid, 0, AS_OF, createSeededRandom(1));
    flows.addContract(repaid, history);
    expect(month(flows, '2024-03').feeIncomeFen).toBe(guaranteeFeeFen(repaid));
    expect(guaranteeFeeFen(repaid)).toBe(1_200_000); // 1% a year of ¥120万 for one year
    expect(month(flows, '2024-03').newGuaranteeFen).toBe(120_000_000);
    expect(month(flows, '2024-02').inForceFen).toBe(0);
    expect(month(flows, '2024-03').inForceFen).toBe(120_000_000);
    const end = month(flows, '2024-09').monthEndDay;
    const paid = history.periods
      .filter((p) => p.paidDay !== null && p.paidDay <= end)
      .reduce((sum, p) => sum + p.principalDueFen, 0);
    expect(month(flows, '2024-09').inForceFen).toBe(120_000_000 - paid);
    expect(month(flows, '2025-06').inForceFen).toBe(0);
    expect(month(flows, '2025-06').inForceCount).toBe(0);
  });

  it('books a compensation in its month with the bank’s share, and drops the contract from the book', () => {
    const flows = new CompanyBookFlows(HISTORY_START, AS_OF);
    const defaulted = contract({ defaultDay: isoDateToEpochDay('2024-07-15') });
    const history = contractHistory(defaulted, 0.8, AS_OF, createSeededRandom(2));
    flows.addContract(defaulted, history);
    if (history.compensatedDay === null) throw new Error('expected a compensation by asOf');
    const paid = month(flows, periodOf(history.compensatedDay));
    expect(paid.compensationFen).toBe(history.compensationFen);
    expect(paid.bankShareOfCompensationFen).toBe(
      Math.round((history.compensationFen * defaulted.bank.riskSharePct) / 100),
    );
    expect(paid.inForceCount).toBe(0);
    expect(flows.months.reduce((sum, m) => sum + m.compensationFen, 0)).toBe(
      history.compensationFen,
    );
  });
});
