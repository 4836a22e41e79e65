import { describe, expect, it } from 'vitest';
import {
  ALL_INDUSTRIES,
  INDUSTRY_CLASSIFICATION_VERSION,
  findIndustry,
  industriesUnder,
  industryCodeSchema,
  industryPath,
  industrySection,
} from './industries.ts';

const byLevel = (level: string) => ALL_INDUSTRIES.filter((i) => i.level === level);

/** 大类 ranges per 门类, docs/domain.md §7.3. */
const DIVISION_RANGES: Record<string, readonly [number, number]> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
};

describe('GB/T 4754-2017 structure', () => {
  it('names its version', () => {
    expect(INDUSTRY_CLASSIFICATION_VERSION).toMatch(/GB\/T 4754-2017/);
  });

  it('has 20 门类 A–T and 97 大类', () => {
    expect(
      byLevel('section')
        .map((s) => s.code)
        .join(''),
    ).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(byLevel('division')).toHaveLength(97);
  });

  it('has 473 中类 and a 小类 count within the published 1380–1382', () => {
    expect(byLevel('group')).toHaveLength(473);
    expect(byLevel('class').length).toBeGreaterThanOrEqual(1380);
    expect(byLevel('class').length).toBeLessThanOrEqual(1382);
  });

  it('codes are unique', () => {
    expect(new Set(ALL_INDUSTRIES.map((i) => i.code)).size).toBe(ALL_INDUSTRIES.length);
  });

  it('every 小类 has a parent 中类, every 中类 a parent 大类, every 大类 a parent 门类', () => {
    const parentLevel = { division: 'section', group: 'division', class: 'group' } as const;
    for (const i of ALL_INDUSTRIES) {
      if (i.level === 'section') {
        expect(i.parentCode).toBeNull();
        continue;
      }
      const parent = i.parentCode === null ? undefined : findIndustry(i.parentCode);
      expect(parent?.level, i.code).toBe(parentLevel[i.level]);
      if (i.level !== 'division') expect(i.code.startsWith(parent?.code ?? '?'), i.code).toBe(true);
    }
  });

  it('every 中类 has at least one 小类 (undivided ones as <中类>0)', () => {
    for (const g of byLevel('group'))
      expect(industriesUnder(g.code).length, g.code).toBeGreaterThan(0);
    expect(findIndustry('0190')).toMatchObject({ name: '其他农业', parentCode: '019' });
  });

  it.each(Object.entries(DIVISION_RANGES))('门类 %s has 大类 %j', (section, [from, to]) => {
    const divisions = industriesUnder(section).map((d) => Number(d.code));
    expect(divisions).toEqual(Array.from({ length: to - from + 1 }, (_, k) => from + k));
  });
});

describe('lookups', () => {
  it.each([
    { name: '应用软件开发', input: '6513', section: 'I' },
    { name: '稻谷种植', input: '0111', section: 'A' },
    { name: '非融资担保服务', input: 'l7296', section: 'L' },
    { name: '制造业', input: 'C', section: 'C' },
    { name: '智能无人飞行器制造', input: '３９６３', section: 'C' },
    { name: '货币金融服务', input: '66', section: 'J' },
  ])('$input → $name ($section)', ({ input, name, section }) => {
    expect(findIndustry(input)?.name).toBe(name);
    expect(industrySection(input)?.code).toBe(section);
  });

  it('rejects a section prefix that does not match', () => {
    expect(findIndustry('C6513')).toBeUndefined();
    expect(findIndustry('9999')).toBeUndefined();
  });

  it('industryPath goes from 门类 to 小类', () => {
    expect(industryPath('6635').map((i) => i.code)).toEqual(['J', '66', '663', '6635']);
  });

  it('industryCodeSchema canonicalises and explains in Chinese', () => {
    expect(industryCodeSchema.parse('I6513')).toBe('6513');
    expect(industryCodeSchema.safeParse('9999').error?.issues[0]?.message).toMatch(
      /不在 GB\/T 4754-2017/,
    );
  });
});
