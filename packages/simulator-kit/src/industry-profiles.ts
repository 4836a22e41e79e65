/**
 * Industry profiles of the simulated Ningxia economy, weighted to the region's "六新六特六优"
 * framework (docs/domain.md §8). Each profile lists real GB/T 4754-2017 小类 codes (checked against
 * @sg/domain's industry table by the tests), the phrases that appear in company names of that
 * trade, a capital range and the counties where the trade concentrates.
 */

/** 六新 new industry, 六特 specialty agriculture, 六优 modern services. */
export type IndustryCluster = 'new_industry' | 'specialty_agriculture' | 'modern_services';

export interface IndustryProfile {
  readonly profileId: string;
  readonly cluster: IndustryCluster;
  /** Chinese label, e.g. 枸杞. */
  readonly label: string;
  /** Relative share of enterprises. */
  readonly weight: number;
  /** GB/T 4754-2017 four-digit 小类 codes. */
  readonly industryCodes: readonly string[];
  /** The trade part of a company name: 宁夏 + 字号 + phrase + 有限公司. */
  readonly namePhrases: readonly string[];
  /** Registered capital range in 万元 (log-uniform between the bounds). */
  readonly capitalWanRange: readonly [number, number];
  /** County codes where this trade concentrates (they get extra weight). */
  readonly favouredCounties: readonly string[];
}

export const INDUSTRY_PROFILES: readonly IndustryProfile[] = [
  // 六特
  {
    profileId: 'goji',
    cluster: 'specialty_agriculture',
    label: '枸杞',
    weight: 9,
    industryCodes: ['0171', '1373'],
    namePhrases: ['枸杞科技', '枸杞生物科技', '枸杞产业', '杞业'],
    capitalWanRange: [50, 5000],
    favouredCounties: ['640521', '640502'],
  },
  {
    profileId: 'wine',
    cluster: 'specialty_agriculture',
    label: '葡萄酒',
    weight: 7,
    industryCodes: ['0152', '1515'],
    namePhrases: ['葡萄酒业', '酒庄', '葡萄酒庄'],
    capitalWanRange: [100, 20000],
    favouredCounties: ['640122', '640121', '640381'],
  },
  {
    profileId: 'dairy',
    cluster: 'specialty_agriculture',
    label: '牛奶',
    weight: 6,
    industryCodes: ['0311', '1441', '1442'],
    namePhrases: ['乳业', '牧业', '奶业'],
    capitalWanRange: [100, 30000],
    favouredCounties: ['640181', '640302', '640221'],
  },
  {
    profileId: 'beef_cattle',
    cluster: 'specialty_agriculture',
    label: '肉牛',
    weight: 5,
    industryCodes: ['0311', '1351', '1353'],
    namePhrases: ['肉牛养殖', '牛业', '肉业'],
    capitalWanRange: [50, 5000],
    favouredCounties: ['640402', '640422', '640423', '640424', '640425'],
  },
  {
    profileId: 'tan_sheep',
    cluster: 'specialty_agriculture',
    label: '滩羊',
    weight: 5,
    industryCodes: ['0314', '1351'],
    namePhrases: ['滩羊养殖', '滩羊肉业', '羊业'],
    capitalWanRange: [30, 3000],
    favouredCounties: ['640323', '640324', '640303'],
  },
  {
    profileId: 'cool_vegetables',
    cluster: 'specialty_agriculture',
    label: '冷凉蔬菜',
    weight: 4,
    industryCodes: ['0141'],
    namePhrases: ['冷凉蔬菜', '蔬菜种植', '农业科技'],
    capitalWanRange: [30, 2000],
    favouredCounties: ['640402', '640425', '640522'],
  },
  // 六新
  {
    profileId: 'new_materials',
    cluster: 'new_industry',
    label: '新型材料',
    weight: 9,
    industryCodes: ['3091', '3216', '3218'],
    namePhrases: ['新材料', '新材料科技', '碳基材料'],
    capitalWanRange: [500, 100000],
    favouredCounties: ['640202', '640205', '640181'],
  },
  {
    profileId: 'clean_energy',
    cluster: 'new_industry',
    label: '清洁能源',
    weight: 8,
    industryCodes: ['4415', '4416', '3825'],
    namePhrases: ['新能源', '光伏科技', '风电'],
    capitalWanRange: [1000, 200000],
    favouredCounties: ['640502', '640323', '640181'],
  },
  {
    profileId: 'equipment',
    cluster: 'new_industry',
    label: '装备制造',
    weight: 6,
    industryCodes: ['3391', '3421'],
    namePhrases: ['装备制造', '智能装备', '机械制造'],
    capitalWanRange: [300, 50000],
    favouredCounties: ['640105', '640202'],
  },
  {
    profileId: 'digital_information',
    cluster: 'new_industry',
    label: '数字信息',
    weight: 7,
    industryCodes: ['6513', '6450', '6531'],
    namePhrases: ['信息技术', '数据科技', '云计算', '网络科技'],
    capitalWanRange: [100, 20000],
    favouredCounties: ['640106', '640104', '640502'],
  },
  {
    profileId: 'modern_chemicals',
    cluster: 'new_industry',
    label: '现代化工',
    weight: 6,
    industryCodes: ['2614', '2651'],
    namePhrases: ['化工', '精细化工', '煤化工'],
    capitalWanRange: [1000, 150000],
    favouredCounties: ['640181', '640205'],
  },
  {
    profileId: 'light_textiles',
    cluster: 'new_industry',
    label: '轻工纺织',
    weight: 5,
    industryCodes: ['1721', '1711'],
    namePhrases: ['羊绒制品', '纺织', '绒业'],
    capitalWanRange: [100, 20000],
    favouredCounties: ['640181', '640302'],
  },
  // 六优
  {
    profileId: 'logistics',
    cluster: 'modern_services',
    label: '现代物流',
    weight: 5,
    industryCodes: ['5431', '5990'],
    namePhrases: ['物流', '供应链管理'],
    capitalWanRange: [50, 10000],
    favouredCounties: ['640104', '640106'],
  },
  {
    profileId: 'cultural_tourism',
    cluster: 'modern_services',
    label: '文化旅游',
    weight: 4,
    industryCodes: ['6110', '7291'],
    namePhrases: ['文化旅游', '旅游开发'],
    capitalWanRange: [50, 10000],
    favouredCounties: ['640502', '640104', '640424'],
  },
  {
    profileId: 'e_commerce',
    cluster: 'modern_services',
    label: '电子商务',
    weight: 4,
    industryCodes: ['5292'],
    namePhrases: ['电子商务', '商贸'],
    capitalWanRange: [10, 2000],
    favouredCounties: ['640106', '640104'],
  },
];
