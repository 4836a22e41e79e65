import { describe, expect, it } from 'vitest';
import { DEFAULT_FEE_CAPS, PRODUCTS, feeCapFor } from './guarantee-products.ts';
import type { FeeCap, RepaymentType } from './guarantee-products.ts';
import { loanSchedule } from './loan-schedule.ts';
import { isoDateToEpochDay } from './world-calendar.ts';

function product(code: string): (typeof PRODUCTS)[number] {
  const found = PRODUCTS.find((p) => p.code === code);
  if (found === undefined) throw new Error(code);
  return found;
}

describe('fee caps', () => {
  it('binds policy products at 1% up to 500万 and 1.5% above, agricultural ones at 0.8%', () => {
    expect(feeCapFor(product('P01'), 5_000_000_00)?.capBp).toBe(100);
    expect(feeCapFor(product('P01'), 5_000_000_01)?.capBp).toBe(150);
    expect(feeCapFor(product('P02'), 1_000_000_00)?.capBp).toBe(80);
    expect(feeCapFor(product('P04'), 8_000_000_00)).toBeNull();
  });

  it('takes a replaced cap table', () => {
    const caps: FeeCap[] = [
      { label: '测试', applies: 'policy', maxAmountFen: Infinity, capBp: 60 },
      ...DEFAULT_FEE_CAPS,
    ];
    expect(feeCapFor(product('P01'), 1_000_000_00, caps)?.capBp).toBe(60);
  });
});

describe('loanSchedule by repayment type', () => {
  const start = isoDateToEpochDay('2024-01-31');
  const principal = 3_000_000_00;

  it.each<RepaymentType>([
    'interest_monthly_bullet',
    'interest_quarterly_bullet',
    'equal_principal',
    'equal_instalment',
  ])('%s repays the principal exactly', (type) => {
    const periods = loanSchedule(principal, 480, start, 12, type);
    expect(periods.reduce((sum, p) => sum + p.principalDueFen, 0)).toBe(principal);
  });

  it('bullet loans pay only interest until maturity; quarterly ones every three months', () => {
    const monthly = loanSchedule(principal, 480, start, 12, 'interest_monthly_bullet');
    expect(monthly).toHaveLength(12);
    expect(monthly.slice(0, -1).every((p) => p.principalDueFen === 0)).toBe(true);
    expect(monthly.at(-1)?.principalDueFen).toBe(principal);
    const quarterly = loanSchedule(principal, 480, start, 12, 'interest_quarterly_bullet');
    expect(quarterly).toHaveLength(4);
    expect(quarterly[0]?.interestDueFen).toBe(Math.round((principal * 480 * 3) / 10_000 / 12));
  });

  it('equal instalments keep principal + interest level', () => {
    const periods = loanSchedule(principal, 480, start, 12, 'equal_instalment');
    const totals = periods.slice(0, -1).map((p) => p.principalDueFen + p.interestDueFen);
    expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(2);
    expect(periods[1]?.principalDueFen).toBeGreaterThan(periods[0]?.principalDueFen ?? 0);
  });
});
