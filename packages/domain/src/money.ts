/**
 * Money as integer 分 (fen). Yuan strings are parsed digit by digit: no floating-point arithmetic
 * touches an amount.
 */
import { z } from 'zod';
import { toHalfWidth } from './code-input.ts';
import type { ParseResult } from './parse-result.ts';

declare const fenBrand: unique symbol;
/** An amount in 分 (1/100 yuan): a safe integer. */
export type Fen = number & { readonly [fenBrand]: 'Fen' };

export type YuanParseErrorCode = 'empty' | 'format' | 'precision' | 'range';

const YUAN_PATTERN = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/;

/** Brands a safe integer as `Fen`; throws a RangeError otherwise. */
export function fen(amount: number): Fen {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`fen amount must be a safe integer, got ${amount}`);
  }
  return amount as Fen;
}

function fail(code: YuanParseErrorCode, message: string): ParseResult<Fen, YuanParseErrorCode> {
  return { ok: false, error: { code, message } };
}

/**
 * Parses a yuan amount such as "12.34", "-0.5", "1,234.56", "¥1,234.56", "１２.３４元" into fen.
 * More than two decimals is an error (never rounded). Never throws.
 */
export function parseYuan(input: string): ParseResult<Fen, YuanParseErrorCode> {
  const s = toHalfWidth(input)
    .trim()
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '')
    .trim();
  if (s.length === 0) return fail('empty', '金额不能为空');
  const match = YUAN_PATTERN.exec(s);
  if (match === null) return fail('format', `金额格式不正确：“${input}”`);
  const [, sign, integerPart = '', fraction = ''] = match;
  if (fraction.length > 2) return fail('precision', '金额最多保留两位小数（精确到分）');
  const digits = `${integerPart.replaceAll(',', '')}${fraction.padEnd(2, '0')}`;
  const magnitude = BigInt(digits);
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) return fail('range', '金额超出可处理范围');
  const value = Number(magnitude);
  return { ok: true, value: (sign === '-' && value !== 0 ? -value : value) as Fen };
}

/** Like `parseYuan` but throws a RangeError (with the Chinese message) on invalid input. */
export function fenFromYuan(input: string): Fen {
  const result = parseYuan(input);
  if (!result.ok) throw new RangeError(result.error.message);
  return result.value;
}

/** Plain decimal yuan string without grouping: 123456 → "1234.56", -5 → "-0.05". */
export function yuanFromFen(amount: Fen): string {
  const abs = Math.abs(amount);
  const yuan = Math.trunc(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${amount < 0 ? '-' : ''}${yuan}.${cents}`;
}

export interface FormatYuanOptions {
  /** 'symbol' → "¥1,234.56" (default); 'unit' → "1,234.56 元". */
  readonly style?: 'symbol' | 'unit';
}

/** Grouped display string: 123456 → "¥1,234.56" or "1,234.56 元"; negatives lead with "-". */
export function formatYuan(amount: Fen, options: FormatYuanOptions = {}): string {
  const plain = yuanFromFen(amount);
  const negative = plain.startsWith('-');
  const [integerPart = '0', cents = '00'] = (negative ? plain.slice(1) : plain).split('.');
  const grouped = integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = negative ? '-' : '';
  return options.style === 'unit' ? `${sign}${grouped}.${cents} 元` : `${sign}¥${grouped}.${cents}`;
}

/** Sum of fen amounts; throws a RangeError if the total leaves the safe-integer range. */
export function sumFen(amounts: readonly Fen[]): Fen {
  return fen(amounts.reduce<number>((total, a) => total + a, 0));
}

/** zod: a safe integer number of fen. */
export const moneyFenSchema = z
  .number({ error: '金额（分）必须是数字' })
  .int({ error: '金额（分）必须是整数' })
  .refine(Number.isSafeInteger, { error: '金额超出可处理范围' })
  .transform((n): Fen => n as Fen);

/** zod: a yuan string (see `parseYuan`), output in fen. */
export const yuanStringSchema = z.string().transform((input, ctx): Fen => {
  const result = parseYuan(input);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.error.message, input });
    return z.NEVER;
  }
  return result.value;
});
