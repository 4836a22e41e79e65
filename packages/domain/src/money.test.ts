import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fen,
  fenFromYuan,
  formatYuan,
  moneyFenSchema,
  parseYuan,
  sumFen,
  yuanFromFen,
  yuanStringSchema,
} from './money.ts';

describe('fenFromYuan', () => {
  it.each([
    { name: 'two decimals', input: '12.34', expected: 1234 },
    { name: 'float trap 19.99', input: '19.99', expected: 1999 },
    { name: 'float trap 0.07', input: '0.07', expected: 7 },
    { name: 'one decimal', input: '1.1', expected: 110 },
    { name: 'no decimals', input: '20000000', expected: 2_000_000_000 },
    { name: 'trailing dot', input: '5.', expected: 500 },
    { name: 'grouped with symbol', input: '¥1,234.56', expected: 123456 },
    { name: 'full-width with unit', input: '１２３４.５６元', expected: 123456 },
    { name: 'negative', input: '-0.05', expected: -5 },
    { name: 'negative zero', input: '-0.00', expected: 0 },
    { name: 'max safe integer', input: '90071992547409.91', expected: Number.MAX_SAFE_INTEGER },
  ])('$name: $input', ({ input, expected }) => {
    expect(fenFromYuan(input)).toBe(expected);
  });

  it.each([
    { name: 'empty', input: ' ', code: 'empty' },
    { name: 'three decimals', input: '1.005', code: 'precision' },
    { name: 'letters', input: '12a', code: 'format' },
    { name: 'bad grouping', input: '1,23.00', code: 'format' },
    { name: 'exponent', input: '1e3', code: 'format' },
    { name: 'beyond safe integer', input: '90071992547409.92', code: 'range' },
  ])('rejects $name', ({ input, code }) => {
    const result = parseYuan(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(/金额/);
    }
    expect(() => fenFromYuan(input)).toThrow(RangeError);
  });
});

describe('formatYuan', () => {
  it.each([
    { amount: 123456, symbol: '¥1,234.56', unit: '1,234.56 元' },
    { amount: 0, symbol: '¥0.00', unit: '0.00 元' },
    { amount: 5, symbol: '¥0.05', unit: '0.05 元' },
    { amount: -100000000, symbol: '-¥1,000,000.00', unit: '-1,000,000.00 元' },
  ])('$amount fen', ({ amount, symbol, unit }) => {
    expect(formatYuan(fen(amount))).toBe(symbol);
    expect(formatYuan(fen(amount), { style: 'unit' })).toBe(unit);
  });

  it('yuanFromFen is plain decimal', () => {
    expect(yuanFromFen(fen(-123456))).toBe('-1234.56');
  });
});

describe('fen, sumFen and schemas', () => {
  it('fen rejects non-integers', () => {
    expect(() => fen(1.5)).toThrow(RangeError);
    expect(sumFen([fen(1), fen(2), fen(-3)])).toBe(0);
    expect(() => sumFen([fen(Number.MAX_SAFE_INTEGER), fen(1)])).toThrow(RangeError);
  });

  it('moneyFenSchema accepts safe integers only', () => {
    expect(moneyFenSchema.parse(100)).toBe(100);
    expect(moneyFenSchema.safeParse(1.5).error?.issues[0]?.message).toBe('金额（分）必须是整数');
    expect(moneyFenSchema.safeParse('100').success).toBe(false);
    expect(moneyFenSchema.safeParse(2 ** 60).success).toBe(false);
  });

  it('yuanStringSchema outputs fen', () => {
    expect(yuanStringSchema.parse('¥12.30')).toBe(1230);
    expect(yuanStringSchema.safeParse('1.234').error?.issues[0]?.message).toBe(
      '金额最多保留两位小数（精确到分）',
    );
  });
});

describe('money properties', () => {
  const anyFen = fc
    .integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER })
    .map(fen);

  it('yuanFromFen → fenFromYuan round trips', () => {
    fc.assert(fc.property(anyFen, (amount) => fenFromYuan(yuanFromFen(amount)) === amount));
  });

  it('formatYuan (both styles) → parseYuan round trips', () => {
    fc.assert(
      fc.property(anyFen, fc.constantFrom('symbol', 'unit'), (amount, style) => {
        const text = formatYuan(amount, { style });
        const parsed = parseYuan(text.replace(/^-¥/, '¥-').replace('¥-', '-'));
        expect(parsed).toEqual({ ok: true, value: amount });
      }),
    );
  });

  it('parsing agrees with integer arithmetic for yuan + cents', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 99 }),
        (yuan, cents) => {
          expect(fenFromYuan(`${yuan}.${String(cents).padStart(2, '0')}`)).toBe(yuan * 100 + cents);
        },
      ),
    );
  });
});
