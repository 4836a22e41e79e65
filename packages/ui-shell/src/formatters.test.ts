import { describe, expect, it } from 'vitest';
import { formatMoneyFen, formatShanghaiDate, formatShanghaiDateTime } from './formatters.ts';

describe('dates in Asia/Shanghai', () => {
  it('shows the Beijing calendar day, which starts at 16:00 UTC the day before', () => {
    expect(formatShanghaiDate(new Date('2026-12-04T15:59:59Z'))).toBe('2026-12-04');
    expect(formatShanghaiDate(new Date('2026-12-04T16:00:00Z'))).toBe('2026-12-05');
  });

  it('shows the Beijing time of day with seconds, 24-hour', () => {
    expect(formatShanghaiDateTime(new Date('2026-12-04T16:05:09Z'))).toBe('2026-12-05 00:05:09');
  });
});

describe('money from fen', () => {
  it('shows amounts under 1 万元 in 元 with cents', () => {
    expect(formatMoneyFen(123_456)).toBe('1,234.56 元');
    expect(formatMoneyFen(999_999)).toBe('9,999.99 元');
    expect(formatMoneyFen(-5)).toBe('-0.05 元');
  });

  it('shows amounts from 1 万元 in 万元 with two decimals', () => {
    expect(formatMoneyFen(1_000_000)).toBe('1.00 万元');
    expect(formatMoneyFen(500_000_000)).toBe('500.00 万元');
    expect(formatMoneyFen(1_208_650_100_000)).toBe('1,208,650.10 万元');
  });

  it('refuses a fractional fen amount', () => {
    expect(() => formatMoneyFen(1.5)).toThrow();
  });
});
