/**
 * Normalisation of identifier codes typed or pasted by users (USCC, resident ID, region and
 * industry codes): full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space (U+3000)
 * become their half-width forms, surrounding whitespace is trimmed and letters are upper-cased.
 */

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_TO_HALF_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/** Converts full-width ASCII variants and U+3000 to half-width; leaves other characters alone. */
export function toHalfWidth(input: string): string {
  let out = '';
  for (const ch of input) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === IDEOGRAPHIC_SPACE) {
      out += ' ';
    } else if (cp >= FULL_WIDTH_FIRST && cp <= FULL_WIDTH_LAST) {
      out += String.fromCodePoint(cp - FULL_TO_HALF_OFFSET);
    } else {
      out += ch;
    }
  }
  return out;
}

/** Full-width → half-width (incl. U+3000), trim, upper-case. */
export function normalizeCodeInput(input: string): string {
  return toHalfWidth(input).trim().toUpperCase();
}
