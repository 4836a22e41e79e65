import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_INDUSTRIES } from './industries.ts';
import { SME_SIZE_ORDER, classifySmeSize, smeIndustryGroupOf } from './sme-size.ts';
import type { SmeSize, SmeSizeInput } from './sme-size.ts';
import { SME_SIZE_STANDARD } from './sme-size-standard.ts';
import type { SmeIndicator, SmeIndustryGroup, SmeThresholds } from './sme-size-standard.ts';

const WAN = 1_000_000;

/** One representative 小类 per group, used by the example and property tests. */
const GROUP_SAMPLE_CODES: Readonly<Record<string, string>> = {
  agriculture: '0171',
  industry: '1373',
  construction: '4811',
  wholesale: '5121',
  retail: '5211',
  transport: '5431',
  warehousing: '5990',
  postal: '6010',
  accommodation: '6110',
  catering: '6210',
  information_transmission: '6311',
  software_it_services: '6513',
  real_estate_development: '7010',
  property_management: '7020',
  leasing_business_services: '7291',
  other: '8010',
};

function inputAt(code: string, thresholds: SmeThresholds, delta = 0): SmeSizeInput {
  const money = (wan: number | undefined) => (wan === undefined ? 0 : wan * WAN + delta);
  return {
    industryCode: code,
    employees: thresholds.employees === undefined ? 0 : thresholds.employees + delta,
    revenueFen: money(thresholds.revenueWan),
    totalAssetsFen: money(thresholds.totalAssetsWan),
  };
}

const rank = (size: SmeSize | 'unknown') => SME_SIZE_ORDER.indexOf(size as SmeSize);

describe('classifySmeSize: the regulation’s own figures (工信部联企业〔2011〕300号)', () => {
  const cases: readonly [string, SmeSizeInput, SmeSize][] = [
    // 工业: 从业人员1000人以下或营业收入40000万元以下为中小微型企业.
    [
      '工业 1000人 40000万 → 大型',
      { industryCode: '1373', employees: 1000, revenueFen: 40_000 * WAN },
      'large',
    ],
    [
      '工业 999人 90000万 → 中型 (或: one bound below)',
      { industryCode: '1373', employees: 999, revenueFen: 90_000 * WAN },
      'medium',
    ],
    [
      '工业 300人 2000万 → 中型',
      { industryCode: '1373', employees: 300, revenueFen: 2000 * WAN },
      'medium',
    ],
    [
      '工业 299人 2000万 → 小型',
      { industryCode: '1373', employees: 299, revenueFen: 2000 * WAN },
      'small',
    ],
    [
      '工业 20人 300万 → 小型',
      { industryCode: '1373', employees: 20, revenueFen: 300 * WAN },
      'small',
    ],
    [
      '工业 19人 5000万 → 微型',
      { industryCode: '1373', employees: 19, revenueFen: 5000 * WAN },
      'micro',
    ],
    ['农业 营收20000万 → 大型', { industryCode: '0171', revenueFen: 20_000 * WAN }, 'large'],
    ['农业 营收500万 → 中型', { industryCode: '0171', revenueFen: 500 * WAN }, 'medium'],
    ['农业 营收49.99万 → 微型', { industryCode: '0171', revenueFen: 50 * WAN - 1 }, 'micro'],
    [
      '建筑业 营收80000万 资产80000万 → 大型',
      { industryCode: '4811', revenueFen: 80_000 * WAN, totalAssetsFen: 80_000 * WAN },
      'large',
    ],
    [
      '建筑业 营收6000万 资产4999万 → 小型',
      { industryCode: '4811', revenueFen: 6000 * WAN, totalAssetsFen: 4999 * WAN },
      'small',
    ],
    [
      '批发业 20人 5000万 → 中型',
      { industryCode: '5121', employees: 20, revenueFen: 5000 * WAN },
      'medium',
    ],
    [
      '批发业 4人 9000万 → 微型',
      { industryCode: '5121', employees: 4, revenueFen: 9000 * WAN },
      'micro',
    ],
    [
      '零售业 10人 100万 → 小型',
      { industryCode: '5211', employees: 10, revenueFen: 100 * WAN },
      'small',
    ],
    [
      '餐饮业 9人 150万 → 微型',
      { industryCode: '6210', employees: 9, revenueFen: 150 * WAN },
      'micro',
    ],
    [
      '房地产开发 营收200000万 资产10000万 → 大型',
      { industryCode: '7010', revenueFen: 200_000 * WAN, totalAssetsFen: 10_000 * WAN },
      'large',
    ],
    [
      '租赁和商务服务 100人 资产8000万 → 中型',
      { industryCode: '7291', employees: 100, totalAssetsFen: 8000 * WAN },
      'medium',
    ],
    ['其他未列明 (教育) 300人 → 大型', { industryCode: '8010', employees: 300 }, 'large'],
    [
      '个体户 零售 2人 30万 → 微型',
      { industryCode: 'F5211', employees: 2, revenueFen: 30 * WAN },
      'micro',
    ],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(classifySmeSize(input).size).toBe(expected);
  });

  it('needs only the indicators its industry’s rule names (农业: revenue only)', () => {
    expect(classifySmeSize({ industryCode: '0171', revenueFen: 600 * WAN }).size).toBe('medium');
  });

  it('is unknown, with the reason, when an indicator is missing, invalid or the code is outside the rule', () => {
    const missing = classifySmeSize({ industryCode: '4811', revenueFen: 100 * WAN });
    expect(missing).toMatchObject({
      size: 'unknown',
      reason: 'missing_indicator',
      groupId: 'construction',
    });
    expect(missing.size === 'unknown' && missing.message).toContain('资产总额');
    expect(classifySmeSize({ industryCode: '1373', employees: -1, revenueFen: 0 })).toMatchObject({
      reason: 'invalid_indicator',
    });
    expect(classifySmeSize({ industryCode: '6621', employees: 10, revenueFen: 1 })).toMatchObject({
      reason: 'industry_not_covered',
    });
    expect(classifySmeSize({ industryCode: '5311', employees: 10, revenueFen: 1 })).toMatchObject({
      reason: 'industry_not_covered',
    });
    expect(classifySmeSize({ industryCode: '9999', employees: 10 })).toMatchObject({
      reason: 'unknown_industry_code',
    });
  });
});

describe('SME_SIZE_STANDARD table', () => {
  it('has a sample code for every group, and each sample resolves to its group', () => {
    for (const group of SME_SIZE_STANDARD.groups) {
      const resolved = smeIndustryGroupOf(GROUP_SAMPLE_CODES[group.groupId] ?? '');
      expect(resolved !== undefined && 'group' in resolved && resolved.group.groupId).toBe(
        group.groupId,
      );
    }
  });

  it('resolves every GB/T 4754-2017 小类 to a group or to a stated reason it is not covered', () => {
    const classes = ALL_INDUSTRIES.filter((i) => i.level === 'class');
    const unresolved = classes.filter((i) => smeIndustryGroupOf(i.code) === undefined);
    expect(unresolved.map((i) => i.code)).toEqual([]);
    const covered = classes.filter((i) => {
      const r = smeIndustryGroupOf(i.code);
      return r !== undefined && 'group' in r;
    });
    expect(covered.length).toBeGreaterThan(classes.length * 0.85);
  });

  it('orders each group’s thresholds: small ≤ medium < upper bound on every indicator', () => {
    for (const group of SME_SIZE_STANDARD.groups) {
      for (const [indicator, medium] of Object.entries(group.medium) as [SmeIndicator, number][]) {
        expect(group.small[indicator]).toBeLessThanOrEqual(medium);
        expect(medium).toBeLessThan(group.upperBound[indicator] ?? Infinity);
      }
    }
  });
});

const groupArb = fc.constantFrom(...SME_SIZE_STANDARD.groups);
const valuesArb = fc.record({
  employees: fc.integer({ min: 0, max: 5000 }),
  revenueFen: fc.integer({ min: 0, max: 300_000 * WAN }),
  totalAssetsFen: fc.integer({ min: 0, max: 300_000 * WAN }),
});
const codeOf = (group: SmeIndustryGroup) => GROUP_SAMPLE_CODES[group.groupId] ?? '';

describe('classifySmeSize properties', () => {
  it('is monotone: raising any indicator never makes an enterprise smaller', () => {
    fc.assert(
      fc.property(
        groupArb,
        valuesArb,
        fc.constantFrom('employees', 'revenueFen', 'totalAssetsFen'),
        fc.integer({ min: 1, max: 100_000 * WAN }),
        (group, values, field, raise) => {
          const before = classifySmeSize({ industryCode: codeOf(group), ...values });
          const after = classifySmeSize({
            industryCode: codeOf(group),
            ...values,
            [field]: values[field] + raise,
          });
          expect(rank(after.size)).toBeGreaterThanOrEqual(rank(before.size));
        },
      ),
    );
  });

  it('is inclusive at every threshold and one unit below falls to the next class', () => {
    fc.assert(
      fc.property(groupArb, (group) => {
        const code = codeOf(group);
        expect(classifySmeSize(inputAt(code, group.upperBound)).size).toBe('large');
        expect(classifySmeSize(inputAt(code, group.upperBound, -1)).size).not.toBe('large');
        expect(classifySmeSize(inputAt(code, group.medium)).size).toBe('medium');
        expect(classifySmeSize(inputAt(code, group.medium, -1)).size).toBe('small');
        expect(classifySmeSize(inputAt(code, group.small)).size).toBe('small');
        expect(classifySmeSize(inputAt(code, group.small, -1)).size).toBe('micro');
      }),
    );
  });

  it('treats the upper bound as OR: one indicator below its bound keeps the enterprise 中小微', () => {
    fc.assert(
      fc.property(groupArb, valuesArb, (group, values) => {
        const bounds = Object.entries(group.upperBound) as [SmeIndicator, number][];
        const [indicator, bound] = bounds[0] ?? ['employees', 0];
        const field =
          indicator === 'employees'
            ? 'employees'
            : indicator === 'revenueWan'
              ? 'revenueFen'
              : 'totalAssetsFen';
        const below = indicator === 'employees' ? bound - 1 : bound * WAN - 1;
        const result = classifySmeSize({ industryCode: codeOf(group), ...values, [field]: below });
        expect(result.size).not.toBe('large');
        expect(result.size).not.toBe('unknown');
      }),
    );
  });
});
