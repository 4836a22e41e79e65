/**
 * GB 32100-2015 registration-authority codes (登记管理部门码, position 1) and the organisation
 * category codes (机构类别码, position 2) each authority may issue.
 * Source: docs/domain.md §7.1 (ntnyq/uscc-utils src/constants.ts) [S].
 */

export interface UsccCategory {
  readonly code: string;
  readonly name: string;
}

export interface UsccRegistrationAuthority {
  readonly code: string;
  readonly name: string;
  /** Empty for authority `Y` (其他): the standard lists no category codes for it; any is accepted. */
  readonly categories: readonly UsccCategory[];
}

export const USCC_REGISTRATION_AUTHORITIES: readonly UsccRegistrationAuthority[] = [
  {
    code: '1',
    name: '机构编制',
    categories: [
      { code: '1', name: '机关' },
      { code: '2', name: '事业单位' },
      { code: '3', name: '编办直接管理机构编制的群众团体' },
      { code: '9', name: '其他' },
    ],
  },
  {
    code: '2',
    name: '外交',
    categories: [
      { code: '1', name: '外国常驻新闻机构' },
      { code: '9', name: '其他' },
    ],
  },
  {
    code: '3',
    name: '司法行政',
    categories: [
      { code: '1', name: '律师执业机构' },
      { code: '2', name: '公证处' },
      { code: '3', name: '基层法律服务所' },
      { code: '4', name: '司法鉴定机构' },
      { code: '5', name: '仲裁委员会' },
      { code: '9', name: '其他' },
    ],
  },
  {
    code: '4',
    name: '文化',
    categories: [
      { code: '1', name: '外国在华文化中心' },
      { code: '9', name: '其他' },
    ],
  },
  {
    code: '5',
    name: '民政',
    categories: [
      { code: '1', name: '社会团体' },
      { code: '2', name: '民办非企业单位' },
      { code: '3', name: '基金会' },
      { code: '9', name: '其他' },
    ],
  },
  {
    code: '6',
    name: '旅游',
    categories: [
      { code: '1', name: '外国旅游部门常驻代表机构' },
      { code: '2', name: '港澳台地区旅游部门常驻内地（大陆）代表机构' },
      { code: '9', name: '其他' },
    ],
  },
  {
    code: '7',
    name: '宗教',
    categories: [
      { code: '1', name: '宗教活动场所' },
      { code: '2', name: '宗教院校' },
      { code: '9', name: '其他' },
    ],
  },
  {
    code: '8',
    name: '工会',
    categories: [
      { code: '1', name: '基层工会' },
      { code: '9', name: '其他' },
    ],
  },
  {
    code: '9',
    name: '工商',
    categories: [
      { code: '1', name: '企业' },
      { code: '2', name: '个体工商户' },
      { code: '3', name: '农民专业合作社' },
    ],
  },
  {
    code: 'A',
    name: '中央军委改革和编制办公室',
    categories: [
      { code: '1', name: '军队事业单位' },
      { code: '9', name: '其他' },
    ],
  },
  {
    code: 'N',
    name: '农业',
    categories: [
      { code: '1', name: '组级集体经济组织' },
      { code: '2', name: '村级集体经济组织' },
      { code: '3', name: '乡镇级集体经济组织' },
      { code: '9', name: '其他' },
    ],
  },
  { code: 'Y', name: '其他', categories: [] },
];

export function findUsccRegistrationAuthority(code: string): UsccRegistrationAuthority | undefined {
  return USCC_REGISTRATION_AUTHORITIES.find((a) => a.code === code);
}

/**
 * The category named by an authority + category code pair. For authority `Y` (no listed
 * categories) returns a synthetic `其他` category.
 */
export function findUsccCategory(
  authorityCode: string,
  categoryCode: string,
): UsccCategory | undefined {
  const authority = findUsccRegistrationAuthority(authorityCode);
  if (authority === undefined) return undefined;
  if (authority.categories.length === 0) return { code: categoryCode, name: '其他' };
  return authority.categories.find((c) => c.code === categoryCode);
}
