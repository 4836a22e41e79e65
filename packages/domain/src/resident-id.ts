/**
 * 公民身份号码 (resident identity number), GB 11643-1999.
 *
 * 18 characters: 6-digit GB/T 2260 address code (at issuance; may be obsolete), 8-digit birth date
 * YYYYMMDD, 3-digit sequence (odd = male, even = female), check character. Weights 2^(18−i) mod 11;
 * check = "10X98765432"[Σ mod 11]. Legacy 15-digit numbers (YYMMDD, no check) are upgraded by
 * inserting "19" before the year and computing the check character.
 */
import { z } from 'zod';
import { normalizeCodeInput } from './code-input.ts';
import type { ParseError } from './parse-result.ts';
import { findRegion } from './regions.ts';

const CHECK_CHARS = '10X98765432';
const MODULUS = 11;
const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** 2^(18−i) mod 11 for positions 1..17. */
export const RESIDENT_ID_WEIGHTS: readonly number[] = Array.from(
  { length: 17 },
  (_, i) => 2 ** (17 - i) % MODULUS,
);

declare const residentIdBrand: unique symbol;
/** A normalised (upper-case X), check-verified 18-character resident ID. */
export type ResidentId = string & { readonly [residentIdBrand]: 'ResidentId' };

export type Sex = 'male' | 'female';

export interface ResidentIdInfo {
  readonly id: ResidentId;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly sex: Sex;
  /** Address code at issuance (positions 1–6). */
  readonly regionCode: string;
}

export type ResidentIdErrorCode = 'empty' | 'length' | 'charset' | 'birth_date' | 'check_char';
export type ResidentIdWarningCode = 'unknown_region' | 'legacy_15_digit';

export interface ResidentIdWarning {
  readonly code: ResidentIdWarningCode;
  /** 中文 */
  readonly message: string;
}

export type ResidentIdParseResult =
  | {
      readonly ok: true;
      readonly value: ResidentIdInfo;
      readonly warnings: readonly ResidentIdWarning[];
    }
  | { readonly ok: false; readonly error: ParseError<ResidentIdErrorCode> };

export interface ResidentIdParseOptions {
  /** "Today" as YYYY-MM-DD for the not-in-future check; default: the current date in China. */
  readonly today?: string;
}

/** Check character for the first 17 digits. Throws a RangeError unless given 17 digits. */
export function residentIdCheckChar(first17: string): string {
  const body = normalizeCodeInput(first17);
  if (!/^\d{17}$/.test(body)) {
    throw new RangeError(`resident ID body must be 17 digits, got "${first17}"`);
  }
  let sum = 0;
  RESIDENT_ID_WEIGHTS.forEach((weight, i) => {
    sum += Number(body.charAt(i)) * weight;
  });
  return CHECK_CHARS.charAt(sum % MODULUS);
}

/** Upgrades a 15-digit legacy ID to 18 characters. Throws a RangeError unless given 15 digits. */
export function upgradeLegacyResidentId(id15: string): string {
  const legacy = normalizeCodeInput(id15);
  if (!/^\d{15}$/.test(legacy)) {
    throw new RangeError(`legacy resident ID must be 15 digits, got "${id15}"`);
  }
  const body = `${legacy.slice(0, 6)}19${legacy.slice(6)}`;
  return body + residentIdCheckChar(body);
}

/** Today's date in China as YYYY-MM-DD. */
export function chinaToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: CHINA_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** YYYYMMDD → YYYY-MM-DD when it names a real calendar date, else undefined. */
function calendarDate(yyyymmdd: string): string | undefined {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid
    ? `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`
    : undefined;
}

function fail(code: ResidentIdErrorCode, message: string): ResidentIdParseResult {
  return { ok: false, error: { code, message } };
}

/** Normalises and validates a resident ID (18 digits, or a 15-digit legacy ID); never throws. */
export function parseResidentId(
  input: string,
  options: ResidentIdParseOptions = {},
): ResidentIdParseResult {
  const raw = normalizeCodeInput(input);
  const warnings: ResidentIdWarning[] = [];
  if (raw.length === 0) return fail('empty', '身份证号码不能为空');
  let s = raw;
  if (raw.length === 15) {
    if (!/^\d{15}$/.test(raw)) return fail('charset', '15位身份证号码只能包含数字');
    s = upgradeLegacyResidentId(raw);
    warnings.push({ code: 'legacy_15_digit', message: `15位旧身份证号码已升级为18位：${s}` });
  }
  if (s.length !== 18) return fail('length', `身份证号码应为18位，实际为${s.length}位`);
  if (!/^\d{17}[\dX]$/.test(s)) {
    return fail('charset', '身份证号码前17位应为数字，最后一位为数字或X');
  }
  const birthDate = calendarDate(s.slice(6, 14));
  if (birthDate === undefined) return fail('birth_date', '身份证号码中的出生日期不是有效日期');
  if (birthDate > (options.today ?? chinaToday())) {
    return fail('birth_date', '身份证号码中的出生日期晚于今天');
  }
  if (residentIdCheckChar(s.slice(0, 17)) !== s.charAt(17)) {
    return fail('check_char', '身份证号码校验位错误');
  }
  const regionCode = s.slice(0, 6);
  if (findRegion(regionCode) === undefined) {
    warnings.push({
      code: 'unknown_region',
      message: `地址码“${regionCode}”不在当前行政区划代码表中（可能是已撤销的旧代码）`,
    });
  }
  const sex: Sex = Number(s.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: { id: s as ResidentId, birthDate, sex, regionCode }, warnings };
}

export function isValidResidentId(input: string): boolean {
  return parseResidentId(input).ok;
}

/** zod schema: accepts user input, outputs the normalised 18-character `ResidentId`. */
export const residentIdSchema = z.string().transform((input, ctx): ResidentId => {
  const result = parseResidentId(input);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.error.message, input });
    return z.NEVER;
  }
  return result.value.id;
});
