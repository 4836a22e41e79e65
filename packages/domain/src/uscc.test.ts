import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  USCC_ALPHABET,
  USCC_WEIGHTS,
  isValidUscc,
  parseUscc,
  usccCheckChar,
  usccEntityKind,
  usccHasValidOrganizationCode,
  usccRegionCode,
  usccSchema,
} from './uscc.ts';
import { USCC_REGISTRATION_AUTHORITIES } from './uscc-authorities.ts';
import { organizationCodeCheckChar } from './organization-code.ts';

// Check characters below were computed with an independent Python implementation of GB 32100.
const USCC_ENTERPRISE_YINCHUAN = '91640100MA76ABCD11';
const USCC_INDIVIDUAL_XINGQING = '92640104MA77XY0Q21';
const USCC_COOPERATIVE_HELAN = '93640122MA76N8P0XM';
const USCC_PUBLIC_INSTITUTION = '126400004538912348';
/** Σ mod 31 = 0: the check character must be '0', not an out-of-range index. */
const USCC_SUM_DIVISIBLE_BY_31 = '91640100MA76BC0Q90';
/** Embedded organisation code 22769234-7 satisfies GB 11714. */
const USCC_WITH_VALID_ORG_CODE = '916401002276923476';

const toFullWidth = (s: string): string =>
  Array.from(s)
    .map((ch) => String.fromCodePoint(ch.charCodeAt(0) + 0xfee0))
    .join('');

describe('USCC constants', () => {
  it('weights are 3^(i-1) mod 31', () => {
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });
  it('alphabet has 31 characters without I, O, S, V, Z', () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    expect(USCC_ALPHABET).not.toMatch(/[IOSVZ]/);
  });
});

describe('usccCheckChar', () => {
  it.each([
    { name: 'enterprise in 银川', code: USCC_ENTERPRISE_YINCHUAN },
    { name: 'individual business in 兴庆区', code: USCC_INDIVIDUAL_XINGQING },
    { name: 'farmer cooperative in 贺兰县', code: USCC_COOPERATIVE_HELAN },
    { name: 'public institution', code: USCC_PUBLIC_INSTITUTION },
    { name: 'sum divisible by 31 → 0', code: USCC_SUM_DIVISIBLE_BY_31 },
  ])('$name', ({ code }) => {
    expect(usccCheckChar(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it('rejects bodies with letters outside the alphabet', () => {
    expect(() => usccCheckChar('91640100MA76ABCDI')).toThrow(RangeError);
    expect(() => usccCheckChar('9164')).toThrow(RangeError);
  });
});

describe('parseUscc', () => {
  it.each([
    { name: 'plain', input: USCC_ENTERPRISE_YINCHUAN, expected: USCC_ENTERPRISE_YINCHUAN },
    {
      name: 'lower case',
      input: USCC_COOPERATIVE_HELAN.toLowerCase(),
      expected: USCC_COOPERATIVE_HELAN,
    },
    {
      name: 'full width with U+3000',
      input: `\u3000${toFullWidth(USCC_INDIVIDUAL_XINGQING)} `,
      expected: USCC_INDIVIDUAL_XINGQING,
    },
  ])('accepts $name', ({ input, expected }) => {
    expect(parseUscc(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    { name: 'empty', input: '  ', code: 'empty', message: '统一社会信用代码不能为空' },
    {
      name: 'too short',
      input: '91640100MA76',
      code: 'length',
      message: '统一社会信用代码应为18位，实际为12位',
    },
    { name: 'letter O', input: '91640100MA76ABCDO1', code: 'charset' },
    { name: 'unknown authority', input: 'B1640100MA76ABCD11', code: 'registration_authority' },
    { name: 'category not issued by 工商', input: '94640100MA76ABCD11', code: 'category' },
    { name: 'non-digit region', input: '916401A0MA76ABCD11', code: 'region' },
    {
      name: 'wrong check char',
      input: '91640100MA76ABCD12',
      code: 'check_char',
      message: '统一社会信用代码校验位错误',
    },
  ])('rejects $name', ({ input, code, message }) => {
    const result = parseUscc(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    if (message !== undefined) expect(result.error.message).toBe(message);
    expect(result.error.message).toMatch(/统一社会信用代码/);
  });
});

describe('usccEntityKind', () => {
  it.each([
    { code: USCC_ENTERPRISE_YINCHUAN, kind: 'enterprise' },
    { code: USCC_INDIVIDUAL_XINGQING, kind: 'individual_business' },
    { code: USCC_COOPERATIVE_HELAN, kind: 'farmer_cooperative' },
    { code: USCC_PUBLIC_INSTITUTION, kind: 'other' },
    { code: '  ９２640104MA77XY0Q21', kind: 'individual_business' },
  ])('$code → $kind', ({ code, kind }) => {
    expect(usccEntityKind(code)).toBe(kind);
  });
});

describe('usccRegionCode and inner organisation code', () => {
  it('reads the registering authority region', () => {
    const parsed = parseUscc(USCC_ENTERPRISE_YINCHUAN);
    expect(parsed.ok && usccRegionCode(parsed.value)).toBe('640100');
  });
  it('GB 11714 check is informational only', () => {
    expect(organizationCodeCheckChar('22769234')).toBe('7');
    expect(organizationCodeCheckChar('D2143569')).toBe('X');
    expect(isValidUscc(USCC_WITH_VALID_ORG_CODE)).toBe(true);
    expect(usccHasValidOrganizationCode(USCC_WITH_VALID_ORG_CODE)).toBe(true);
    // valid USCC whose embedded organisation code fails GB 11714 (MA76ABCD → check 2, not 1)
    expect(isValidUscc(USCC_ENTERPRISE_YINCHUAN)).toBe(true);
    expect(usccHasValidOrganizationCode(USCC_ENTERPRISE_YINCHUAN)).toBe(false);
  });
});

describe('usccSchema', () => {
  it('outputs the normalised code', () => {
    expect(usccSchema.parse(USCC_ENTERPRISE_YINCHUAN.toLowerCase())).toBe(USCC_ENTERPRISE_YINCHUAN);
  });
  it('reports the Chinese message', () => {
    const result = usccSchema.safeParse('91640100MA76ABCD12');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('统一社会信用代码校验位错误');
  });
});

const authorityAndCategory = fc.constantFrom(
  ...USCC_REGISTRATION_AUTHORITIES.flatMap((a) =>
    a.categories.length === 0 ? [`${a.code}1`] : a.categories.map((c) => `${a.code}${c.code}`),
  ),
);
const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...Array.from('0123456789')), minLength: n, maxLength: n });
const alphabetChars = (n: number) =>
  fc.string({ unit: fc.constantFrom(...Array.from(USCC_ALPHABET)), minLength: n, maxLength: n });
const usccBody = fc
  .tuple(authorityAndCategory, digits(6), alphabetChars(9))
  .map(([head, region, subject]) => `${head}${region}${subject}`);
const validUscc = usccBody.map((body) => body + usccCheckChar(body));

describe('USCC properties', () => {
  it('any structurally valid 17-char body plus its computed check char validates', () => {
    fc.assert(fc.property(validUscc, (code) => isValidUscc(code)));
  });

  it('any single-character substitution invalidates a valid code', () => {
    fc.assert(
      fc.property(validUscc, fc.nat(17), fc.nat(29), (code, index, shift) => {
        const original = USCC_ALPHABET.indexOf(code.charAt(index));
        const replacement = USCC_ALPHABET.charAt((original + 1 + shift) % 31);
        const mutated = code.slice(0, index) + replacement + code.slice(index + 1);
        expect(mutated).not.toBe(code);
        expect(isValidUscc(mutated)).toBe(false);
      }),
    );
  });

  it('full-width, lower-case and padded variants normalise to the same value', () => {
    fc.assert(
      fc.property(
        validUscc,
        fc.boolean(),
        fc.constantFrom('', ' ', '\u3000', '\t'),
        (code, wide, pad) => {
          const variant = pad + (wide ? toFullWidth(code.toLowerCase()) : code.toLowerCase()) + pad;
          expect(parseUscc(variant)).toEqual({ ok: true, value: code });
        },
      ),
    );
  });
});
