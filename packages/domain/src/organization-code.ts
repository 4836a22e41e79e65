/**
 * GB 11714 organisation code (组织机构代码): 8 body characters + 1 check character. In a USCC it
 * sits at positions 9–17. Weights [3,7,9,10,5,8,4,2]; check = 11 − Σ mod 11, 10 → 'X', 11 → '0'.
 * Source: docs/domain.md §7.1 [M]. Informational only: not part of USCC validity.
 */

const ORGANIZATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const BODY_PATTERN = /^[0-9A-Z]{8}$/;

/** Digits keep their value; letters A–Z count 10–35. */
function organizationCharValue(ch: string): number {
  const cp = ch.charCodeAt(0);
  return cp <= 57 ? cp - 48 : cp - 55;
}

/** Check character for an 8-character organisation code body (digits / upper-case letters). */
export function organizationCodeCheckChar(first8: string): string {
  if (!BODY_PATTERN.test(first8)) {
    throw new RangeError(`organisation code body must be 8 chars of [0-9A-Z], got "${first8}"`);
  }
  let sum = 0;
  ORGANIZATION_CODE_WEIGHTS.forEach((weight, i) => {
    sum += organizationCharValue(first8.charAt(i)) * weight;
  });
  const c = 11 - (sum % 11);
  if (c === 10) return 'X';
  if (c === 11) return '0';
  return String(c);
}

/** True when a 9-character organisation code carries a correct check character. */
export function isValidOrganizationCode(code9: string): boolean {
  if (code9.length !== 9) return false;
  const body = code9.slice(0, 8);
  if (!BODY_PATTERN.test(body)) return false;
  return organizationCodeCheckChar(body) === code9.charAt(8);
}
