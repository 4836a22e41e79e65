import { describe, expect, it } from 'vitest';
import { CompanyBookFlows } from './company-books-flows.ts';
import { DEFAULT_COMPANY_BOOKS_POLICY, deriveCompanyBooks } from './company-books.ts';
import { isoDateToEpochDay } from './world-calendar.ts';

/** Two years of a growing book: ¥1亿 more in force each month, fees 1.2% of the new business. */
function growingBook(): CompanyBookFlows {
  const flows = new CompanyBookFlows(
    isoDateToEpochDay('2023-07-01'),
    isoDateToEpochDay('2025-06-30'),
  );
  flows.months.forEach((month, index) => {
    month.inForceFen = (index + 1) * 10_000_000_000;
    month.inForceCount = (index + 1) * 50;
    month.newGuaranteeFen = 12_000_000_000;
    month.feeIncomeFen = 144_000_000;
    month.compensationFen = index === 10 ? 500_000_000 : 0;
    month.bankShareOfCompensationFen = index === 10 ? 100_000_000 : 0;
  });
  return flows;
}

const BOOKS = deriveCompanyBooks(growingBook(), 640000);

describe('deriveCompanyBooks', () => {
  it('covers every month-end of the history', () => {
    expect(BOOKS.map((m) => m.period)).toHaveLength(24);
    expect(BOOKS[0]?.period).toBe('2023-07');
    expect(BOOKS.at(-1)?.period).toBe('2025-06');
  });

  it('reconciles every month: assets = liabilities + equity, and profit flows into equity', () => {
    let previousEquity: number | null = null;
    for (const month of BOOKS) {
      const b = month.balances;
      expect(b.totalAssets, month.period).toBe(b.totalLiabilitiesAndEquity);
      expect(b.bankDeposits, month.period).toBeGreaterThan(0);
      if (previousEquity !== null) {
        // No capital movements: equity changes by the month's net profit only.
        expect(b.totalEquity - previousEquity, month.period).toBe(month.month.netProfit);
      }
      previousEquity = b.totalEquity;
    }
  });

  it('lands 放大倍数 (in-force / 净资产) in 2–6 at the peak and keeps 净资产 ≥ ¥2000万', () => {
    const last = BOOKS.at(-1);
    if (last === undefined) throw new Error('no books');
    const leverage = last.supplementary.inForceBalance / last.balances.totalEquity;
    expect(leverage).toBeGreaterThan(2);
    expect(leverage).toBeLessThan(6);
    expect(last.balances.paidInCapital).toBeGreaterThanOrEqual(
      DEFAULT_COMPANY_BOOKS_POLICY.minimumPaidInCapitalFen,
    );
  });

  it('holds 未到期责任准备金 at 50% of the year’s fees at December (§3.5)', () => {
    const december = BOOKS.find((m) => m.period === '2024-12');
    expect(december?.balances.unearnedReserve).toBe(Math.round(0.5 * 12 * 144_000_000));
  });

  it('provides 担保赔偿准备金 at year-end: 1% of the liability up to 10% of it', () => {
    const november = BOOKS.find((m) => m.period === '2024-11');
    const december = BOOKS.find((m) => m.period === '2024-12');
    if (november === undefined || december === undefined) throw new Error('missing months');
    const liability = december.supplementary.inForceBalance;
    const provided = december.balances.compensationReserve - november.balances.compensationReserve;
    expect(provided).toBe(Math.round(liability * 0.01));
    expect(december.month.compensationReserveProvision).toBe(provided);
    expect(december.balances.compensationReserve).toBeLessThanOrEqual(liability * 0.1);
  });

  it('books compensations as 应收代偿款 and recovers the bank’s share', () => {
    const paid = BOOKS[10];
    const after = BOOKS[12];
    expect(paid?.supplementary.compensationCumulative).toBe(500_000_000);
    expect(paid?.balances.compensationReceivable).toBeGreaterThan(0);
    expect(after?.supplementary.recoveryCumulative).toBeGreaterThanOrEqual(100_000_000);
  });

  it('is deterministic per seed and differs between seeds', () => {
    expect(deriveCompanyBooks(growingBook(), 640000)).toEqual(BOOKS);
    const other = deriveCompanyBooks(growingBook(), 1);
    expect(other.at(-1)?.balances.totalAssets).not.toBe(BOOKS.at(-1)?.balances.totalAssets);
  });
});
