/**
 * 中小企业划型标准规定 (工信部联企业〔2011〕300号) as one declarative table: the 16 industry groups,
 * their thresholds in 从业人员 (people) and 万元 (revenue, total assets), and the mapping of
 * GB/T 4754-2017 codes to the groups. See docs/domain.md §7.5.
 *
 * The regulation names its groups by GB/T 4754-2011; the mapping to 2017 codes below is ours
 * (docs/domain.md: "the mapping table is not found") and is data, not logic: replace
 * `SME_SIZE_STANDARD` to use a revised standard (a 2021 revision draft exists).
 */

/** The indicators the regulation uses. Money in 万元 as the regulation writes it. */
export type SmeIndicator = 'employees' | 'revenueWan' | 'totalAssetsWan';

/** Minimum values (inclusive, "≥") of one class, or the upper bound's values (exclusive, "<"). */
export type SmeThresholds = Readonly<Partial<Record<SmeIndicator, number>>>;

export interface SmeIndustryGroup {
  readonly groupId: string;
  /** The group's name in the regulation, e.g. 批发业. */
  readonly label: string;
  /**
   * 中小微 upper bound: the enterprise is 中小微 when ANY listed indicator is below its value
   * ("或"); it is 大型 when every listed indicator reaches its value.
   */
  readonly upperBound: SmeThresholds;
  /** 中型 when EVERY listed indicator is ≥ its value. */
  readonly medium: SmeThresholds;
  /** 小型 when EVERY listed indicator is ≥ its value; otherwise 微型. */
  readonly small: SmeThresholds;
  /**
   * GB/T 4754-2017 code prefixes (大类 two digits, or longer) that belong to the group. The longest
   * matching prefix over all groups wins.
   */
  readonly codePrefixes: readonly string[];
}

export interface SmeSizeStandard {
  readonly version: string;
  readonly groups: readonly SmeIndustryGroup[];
  /** Code prefixes the regulation does not cover, with the reason (longest prefix wins). */
  readonly notCovered: readonly { readonly codePrefix: string; readonly reason: string }[];
}

/** 2-digit 大类 codes from `from` to `to` inclusive. */
function divisions(from: number, to: number): string[] {
  const codes: string[] = [];
  for (let d = from; d <= to; d += 1) codes.push(String(d).padStart(2, '0'));
  return codes;
}

export const SME_SIZE_STANDARD: SmeSizeStandard = {
  version: '工信部联企业〔2011〕300号',
  groups: [
    {
      groupId: 'agriculture',
      label: '农、林、牧、渔业',
      upperBound: { revenueWan: 20_000 },
      medium: { revenueWan: 500 },
      small: { revenueWan: 50 },
      codePrefixes: divisions(1, 5),
    },
    {
      groupId: 'industry',
      label: '工业',
      upperBound: { employees: 1000, revenueWan: 40_000 },
      medium: { employees: 300, revenueWan: 2000 },
      small: { employees: 20, revenueWan: 300 },
      codePrefixes: divisions(6, 46),
    },
    {
      groupId: 'construction',
      label: '建筑业',
      upperBound: { revenueWan: 80_000, totalAssetsWan: 80_000 },
      medium: { revenueWan: 6000, totalAssetsWan: 5000 },
      small: { revenueWan: 300, totalAssetsWan: 300 },
      codePrefixes: divisions(47, 50),
    },
    {
      groupId: 'wholesale',
      label: '批发业',
      upperBound: { employees: 200, revenueWan: 40_000 },
      medium: { employees: 20, revenueWan: 5000 },
      small: { employees: 5, revenueWan: 1000 },
      codePrefixes: ['51'],
    },
    {
      groupId: 'retail',
      label: '零售业',
      upperBound: { employees: 300, revenueWan: 20_000 },
      medium: { employees: 50, revenueWan: 500 },
      small: { employees: 10, revenueWan: 100 },
      codePrefixes: ['52'],
    },
    {
      groupId: 'transport',
      label: '交通运输业',
      upperBound: { employees: 1000, revenueWan: 30_000 },
      medium: { employees: 300, revenueWan: 3000 },
      small: { employees: 20, revenueWan: 200 },
      codePrefixes: divisions(54, 58),
    },
    {
      groupId: 'warehousing',
      label: '仓储业',
      upperBound: { employees: 200, revenueWan: 30_000 },
      medium: { employees: 100, revenueWan: 1000 },
      small: { employees: 20, revenueWan: 100 },
      codePrefixes: ['59'],
    },
    {
      groupId: 'postal',
      label: '邮政业',
      upperBound: { employees: 1000, revenueWan: 30_000 },
      medium: { employees: 300, revenueWan: 2000 },
      small: { employees: 20, revenueWan: 100 },
      codePrefixes: ['60'],
    },
    {
      groupId: 'accommodation',
      label: '住宿业',
      upperBound: { employees: 300, revenueWan: 10_000 },
      medium: { employees: 100, revenueWan: 2000 },
      small: { employees: 10, revenueWan: 100 },
      codePrefixes: ['61'],
    },
    {
      groupId: 'catering',
      label: '餐饮业',
      upperBound: { employees: 300, revenueWan: 10_000 },
      medium: { employees: 100, revenueWan: 2000 },
      small: { employees: 10, revenueWan: 100 },
      codePrefixes: ['62'],
    },
    {
      groupId: 'information_transmission',
      label: '信息传输业',
      upperBound: { employees: 2000, revenueWan: 100_000 },
      medium: { employees: 100, revenueWan: 1000 },
      small: { employees: 10, revenueWan: 100 },
      codePrefixes: ['63', '64'],
    },
    {
      groupId: 'software_it_services',
      label: '软件和信息技术服务业',
      upperBound: { employees: 300, revenueWan: 10_000 },
      medium: { employees: 100, revenueWan: 1000 },
      small: { employees: 10, revenueWan: 50 },
      codePrefixes: ['65'],
    },
    {
      groupId: 'real_estate_development',
      label: '房地产开发经营',
      upperBound: { revenueWan: 200_000, totalAssetsWan: 10_000 },
      medium: { revenueWan: 1000, totalAssetsWan: 5000 },
      small: { revenueWan: 100, totalAssetsWan: 2000 },
      codePrefixes: ['701'],
    },
    {
      groupId: 'property_management',
      label: '物业管理',
      upperBound: { employees: 1000, revenueWan: 5000 },
      medium: { employees: 300, revenueWan: 1000 },
      small: { employees: 100, revenueWan: 500 },
      codePrefixes: ['702'],
    },
    {
      groupId: 'leasing_business_services',
      label: '租赁和商务服务业',
      upperBound: { employees: 300, totalAssetsWan: 120_000 },
      medium: { employees: 100, totalAssetsWan: 8000 },
      small: { employees: 10, totalAssetsWan: 100 },
      codePrefixes: ['71', '72'],
    },
    {
      groupId: 'other',
      label: '其他未列明行业',
      upperBound: { employees: 300 },
      medium: { employees: 100 },
      small: { employees: 10 },
      // 70 other than 701/702 (中介, 租赁, 其他房地产), M, N, O, P, Q, R.
      codePrefixes: ['70', ...divisions(73, 90)],
    },
  ],
  notCovered: [
    { codePrefix: '53', reason: '铁路运输业不在300号的交通运输业范围内' },
    ...divisions(66, 69).map((codePrefix) => ({
      codePrefix,
      reason: '金融业企业按金融业企业划型标准规定划型，不适用300号',
    })),
    ...divisions(91, 97).map((codePrefix) => ({
      codePrefix,
      reason: '公共管理、社会组织和国际组织不是300号划型的企业',
    })),
  ],
};
