import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeCodeInput, toHalfWidth } from './code-input.ts';

const FULL_WIDTH_OFFSET = 0xfee0;
const toFullWidth = (s: string): string =>
  Array.from(s)
    .map((ch) =>
      ch === ' ' ? '\u3000' : String.fromCodePoint(ch.charCodeAt(0) + FULL_WIDTH_OFFSET),
    )
    .join('');

describe('normalizeCodeInput', () => {
  it.each([
    {
      name: 'full-width digits and letters',
      input: '９１６４０１００ＭＡ',
      expected: '91640100MA',
    },
    { name: 'ideographic spaces around', input: '\u3000ab12\u3000', expected: 'AB12' },
    { name: 'ascii whitespace around', input: ' \t91x \n', expected: '91X' },
    { name: 'lower case', input: '11010519491231002x', expected: '11010519491231002X' },
    { name: 'non-ASCII left alone', input: '宁夏', expected: '宁夏' },
  ])('$name', ({ input, expected }) => {
    expect(normalizeCodeInput(input)).toBe(expected);
  });

  it('keeps inner spaces (only trims)', () => {
    expect(normalizeCodeInput('６４\u3000０１')).toBe('64 01');
  });

  it('property: full-width form of printable ASCII normalises like the ASCII form', () => {
    const printable = fc.string({
      unit: fc.constantFrom(...Array.from('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz-_. ')),
      maxLength: 30,
    });
    fc.assert(
      fc.property(printable, (s) => {
        expect(normalizeCodeInput(toFullWidth(s))).toBe(normalizeCodeInput(s));
        expect(toHalfWidth(toFullWidth(s))).toBe(s);
      }),
    );
  });
});
