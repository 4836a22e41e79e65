/**
 * 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015.
 *
 * 18 characters: 1 registration authority, 1 category, 6-digit GB/T 2260 region of the
 * registering authority, 9-character subject identifier (GB 11714 organisation code), 1 check
 * character. Alphabet: 0-9 and A-Z without I, O, S, V, Z (31 characters); weights 3^(i−1) mod 31;
 * check = ALPHABET[(31 − Σ mod 31) mod 31].
 */
import { z } from 'zod';
import { normalizeCodeInput } from './code-input.ts';
import type { ParseResult } from './parse-result.ts';
import { isValidOrganizationCode } from './organization-code.ts';
import { findUsccCategory, findUsccRegistrationAuthority } from './uscc-authorities.ts';

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_LENGTH = 18;
const MODULUS = 31;

/** 3^(i−1) mod 31 for positions 1..17. */
export const USCC_WEIGHTS: readonly number[] = Array.from({ length: USCC_LENGTH - 1 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k += 1) w = (w * 3) % MODULUS;
  return w;
});

declare const usccBrand: unique symbol;
/** A normalised (upper-case, half-width), check-verified USCC. */
export type Uscc = string & { readonly [usccBrand]: 'Uscc' };

export type UsccErrorCode =
  'empty' | 'length' | 'charset' | 'registration_authority' | 'category' | 'region' | 'check_char';

export type UsccParseResult = ParseResult<Uscc, UsccErrorCode>;

export type UsccEntityKind = 'enterprise' | 'individual_business' | 'farmer_cooperative' | 'other';

function alphabetValue(ch: string): number {
  return USCC_ALPHABET.indexOf(ch);
}

function isUsccAlphabet(s: string): boolean {
  for (const ch of s) if (alphabetValue(ch) < 0) return false;
  return true;
}

/**
 * The check character for the first 17 characters (normalised first). Throws a RangeError if the
 * input is not 17 characters of the USCC alphabet.
 */
export function usccCheckChar(first17: string): string {
  const body = normalizeCodeInput(first17);
  if (body.length !== USCC_LENGTH - 1 || !isUsccAlphabet(body)) {
    throw new RangeError(`USCC body must be 17 chars of "${USCC_ALPHABET}", got "${first17}"`);
  }
  let sum = 0;
  USCC_WEIGHTS.forEach((weight, i) => {
    sum += alphabetValue(body.charAt(i)) * weight;
  });
  // (31 − 0) mod 31 = 0: a sum divisible by 31 yields '0', never an out-of-range index.
  return USCC_ALPHABET.charAt((MODULUS - (sum % MODULUS)) % MODULUS);
}

function fail(code: UsccErrorCode, message: string): UsccParseResult {
  return { ok: false, error: { code, message } };
}

/** Normalises and validates a USCC; never throws. */
export function parseUscc(input: string): UsccParseResult {
  const s = normalizeCodeInput(input);
  if (s.length === 0) return fail('empty', '统一社会信用代码不能为空');
  if (s.length !== USCC_LENGTH) {
    return fail('length', `统一社会信用代码应为18位，实际为${s.length}位`);
  }
  if (!isUsccAlphabet(s)) {
    return fail('charset', '统一社会信用代码只能包含数字和除 I、O、S、V、Z 以外的大写字母');
  }
  const authority = s.charAt(0);
  if (findUsccRegistrationAuthority(authority) === undefined) {
    return fail('registration_authority', `统一社会信用代码登记管理部门码“${authority}”无效`);
  }
  const category = s.charAt(1);
  if (findUsccCategory(authority, category) === undefined) {
    return fail('category', `统一社会信用代码机构类别码“${authority}${category}”无效`);
  }
  if (!/^[0-9]{6}$/.test(s.slice(2, 8))) {
    return fail('region', '统一社会信用代码第3至8位应为行政区划代码（6位数字）');
  }
  if (usccCheckChar(s.slice(0, 17)) !== s.charAt(17)) {
    return fail('check_char', '统一社会信用代码校验位错误');
  }
  return { ok: true, value: s as Uscc };
}

export function isValidUscc(input: string): boolean {
  return parseUscc(input).ok;
}

/** Customer type from positions 1–2: 91 企业, 92 个体工商户, 93 农民专业合作社. */
export function usccEntityKind(uscc: string): UsccEntityKind {
  switch (normalizeCodeInput(uscc).slice(0, 2)) {
    case '91':
      return 'enterprise';
    case '92':
      return 'individual_business';
    case '93':
      return 'farmer_cooperative';
    default:
      return 'other';
  }
}

/** The registering authority's GB/T 2260 region code (positions 3–8). */
export function usccRegionCode(uscc: Uscc): string {
  return uscc.slice(2, 8);
}

/**
 * Optional GB 11714 check of the embedded organisation code (positions 9–17). Many codes issued
 * to individual businesses do not satisfy it, so it is NOT part of `isValidUscc`.
 */
export function usccHasValidOrganizationCode(uscc: string): boolean {
  return isValidOrganizationCode(normalizeCodeInput(uscc).slice(8, 17));
}

/** zod schema: accepts user input, outputs the normalised `Uscc`; issues carry Chinese messages. */
export const usccSchema = z.string().transform((input, ctx): Uscc => {
  const result = parseUscc(input);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.error.message, input });
    return z.NEVER;
  }
  return result.value;
});
