import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  RESIDENT_ID_WEIGHTS,
  chinaToday,
  isValidResidentId,
  parseResidentId,
  residentIdCheckChar,
  residentIdSchema,
  upgradeLegacyResidentId,
} from './resident-id.ts';

// Check characters computed with an independent Python implementation of GB 11643.
const ID_GB11643_EXAMPLE_FEMALE_X = '11010519491231002X';
const ID_XINGQING_MALE_1990 = '640104199003071236';
const ID_XINGQING_FEMALE_1990 = '640104199003071244';
const ID_HAIYUAN_LEAP_DAY_2000 = '640522200002290015';
/** 15-digit legacy number of ID_XINGQING_MALE_1990. */
const LEGACY_ID_XINGQING = '640104900307123';
const TODAY = '2025-06-30';

describe('residentIdCheckChar', () => {
  it('uses weights 2^(18-i) mod 11', () => {
    expect(RESIDENT_ID_WEIGHTS).toEqual([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]);
  });
  it.each([
    { name: 'GB 11643 example with X', id: ID_GB11643_EXAMPLE_FEMALE_X },
    { name: '兴庆区 male', id: ID_XINGQING_MALE_1990 },
    { name: '兴庆区 female', id: ID_XINGQING_FEMALE_1990 },
    { name: '海原县 leap day', id: ID_HAIYUAN_LEAP_DAY_2000 },
  ])('$name', ({ id }) => {
    expect(residentIdCheckChar(id.slice(0, 17))).toBe(id.charAt(17));
  });
  it('rejects non-digit bodies', () => {
    expect(() => residentIdCheckChar('6401041990030712X')).toThrow(RangeError);
  });
});

describe('parseResidentId', () => {
  it.each([
    {
      name: 'GB 11643 example, lower-case x',
      input: '11010519491231002x',
      value: {
        id: ID_GB11643_EXAMPLE_FEMALE_X,
        birthDate: '1949-12-31',
        sex: 'female',
        regionCode: '110105',
      },
    },
    {
      name: '兴庆区 male',
      input: ID_XINGQING_MALE_1990,
      value: {
        id: ID_XINGQING_MALE_1990,
        birthDate: '1990-03-07',
        sex: 'male',
        regionCode: '640104',
      },
    },
    {
      name: 'leap day 2000-02-29',
      input: `\u3000${ID_HAIYUAN_LEAP_DAY_2000} `,
      value: {
        id: ID_HAIYUAN_LEAP_DAY_2000,
        birthDate: '2000-02-29',
        sex: 'male',
        regionCode: '640522',
      },
    },
  ])('accepts $name', ({ input, value }) => {
    expect(parseResidentId(input, { today: TODAY })).toEqual({ ok: true, value, warnings: [] });
  });

  it.each([
    { name: 'empty', input: '', code: 'empty' },
    { name: '17 digits', input: '64010419900307123', code: 'length' },
    { name: 'X in the middle', input: '6401041990030X1236', code: 'charset' },
    { name: '1990-02-30', input: withCheck('64010419900230123'), code: 'birth_date' },
    { name: 'non-leap 2001-02-29', input: withCheck('64010420010229123'), code: 'birth_date' },
    { name: 'month 13', input: withCheck('64010419901301123'), code: 'birth_date' },
    { name: 'born after today', input: withCheck('64010420250701123'), code: 'birth_date' },
    { name: 'wrong check char', input: '640104199003071237', code: 'check_char' },
  ])('rejects $name', ({ input, code }) => {
    const result = parseResidentId(input, { today: TODAY });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(/身份证号码/);
    }
  });

  it('warns (does not fail) on a region code missing from the snapshot', () => {
    const id = withCheck('64019919900307123');
    const result = parseResidentId(id, { today: TODAY });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings.map((w) => w.code)).toEqual(['unknown_region']);
  });

  it('upgrades a 15-digit legacy number with a warning', () => {
    expect(upgradeLegacyResidentId(LEGACY_ID_XINGQING)).toBe(ID_XINGQING_MALE_1990);
    const result = parseResidentId(LEGACY_ID_XINGQING, { today: TODAY });
    expect(result.ok && result.value.id).toBe(ID_XINGQING_MALE_1990);
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['legacy_15_digit']);
    expect(() => upgradeLegacyResidentId('64010490030712')).toThrow(RangeError);
  });

  it('defaults "today" to the date in China', () => {
    expect(chinaToday(new Date('2024-12-31T16:30:00Z'))).toBe('2025-01-01');
    expect(isValidResidentId(ID_XINGQING_MALE_1990)).toBe(true);
  });

  it('zod schema outputs the normalised id and Chinese messages', () => {
    expect(residentIdSchema.parse('11010519491231002x')).toBe(ID_GB11643_EXAMPLE_FEMALE_X);
    const failed = residentIdSchema.safeParse('640104199003071237');
    expect(failed.error?.issues[0]?.message).toBe('身份证号码校验位错误');
  });
});

function withCheck(first17: string): string {
  return first17 + residentIdCheckChar(first17);
}

const birthDate = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2024-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const regionCode = fc.constantFrom('640104', '640122', '640522', '110105', '440304', '640199');
const sequence = fc.integer({ min: 0, max: 999 });
const generatedId = fc.tuple(regionCode, birthDate, sequence).map(([region, date, seq]) => ({
  id: withCheck(`${region}${date.replaceAll('-', '')}${String(seq).padStart(3, '0')}`),
  region,
  date,
  sex: seq % 2 === 1 ? 'male' : 'female',
}));

describe('resident ID properties', () => {
  it('round trip: region, birth date and sex come back out', () => {
    fc.assert(
      fc.property(generatedId, ({ id, region, date, sex }) => {
        const result = parseResidentId(id, { today: TODAY });
        expect(result.ok).toBe(true);
        if (result.ok)
          expect(result.value).toEqual({ id, birthDate: date, sex, regionCode: region });
      }),
    );
  });

  it('any single-character substitution invalidates a valid id', () => {
    fc.assert(
      fc.property(generatedId, fc.nat(17), fc.nat(9), ({ id }, index, shift) => {
        const chars = index === 17 ? '0123456789X' : '0123456789';
        const original = chars.indexOf(id.charAt(index));
        const replacement = chars.charAt(
          (original + 1 + (shift % (chars.length - 1))) % chars.length,
        );
        const mutated = id.slice(0, index) + replacement + id.slice(index + 1);
        expect(mutated).not.toBe(id);
        expect(parseResidentId(mutated, { today: TODAY }).ok).toBe(false);
      }),
    );
  });

  it('15-digit legacy ids upgrade to ids that validate with the same birth date', () => {
    const legacy = fc
      .tuple(
        regionCode,
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        sequence,
      )
      .map(
        ([r, y, m, d, s]) =>
          `${r}${[y, m, d].map((n) => String(n).padStart(2, '0')).join('')}${String(s).padStart(3, '0')}`,
      );
    fc.assert(
      fc.property(legacy, (id15) => {
        const result = parseResidentId(id15, { today: TODAY });
        expect(result.ok).toBe(true);
        if (result.ok)
          expect(result.value.birthDate.replaceAll('-', '').slice(2)).toBe(id15.slice(6, 12));
      }),
    );
  });
});
