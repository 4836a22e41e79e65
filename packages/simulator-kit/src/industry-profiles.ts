/**
 * Industry profiles of the simulated Ningxia economy, weighted to the region's "六新六特六优"
 * framework (docs/domain.md §8). Each profile lists real GB/T 4754-2017 小类 codes (checked against
 * @sg/domain's industry table by the tests), the phrases that appear in company names of that
 * trade, a capital range and the counties where the trade concentrates.
 */

/**
 * 六新 new industry, 六特 specialty agriculture, 六优 modern services, and the local trades
 * (construction, wholesale, retail, catering) that are the core 小微 and 个体户 borrowers of a city
 * guarantor.
 */
export type IndustryCluster =
  'new_industry' | 'specialty_agriculture' | 'modern_services' | 'local_trade';

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
  /** Typical yearly revenue over total assets (asset turnover). */
  readonly assetTurnover: number;
  /** Typical yearly revenue per person employed, in 万元. */
  readonly revenuePerEmployeeWan: number;
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
    assetTurnover: 0.7,
    revenuePerEmployeeWan: 40,
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
    assetTurnover: 0.4,
    revenuePerEmployeeWan: 60,
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
    assetTurnover: 0.9,
    revenuePerEmployeeWan: 80,
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
    assetTurnover: 0.8,
    revenuePerEmployeeWan: 60,
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
    assetTurnover: 0.8,
    revenuePerEmployeeWan: 50,
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
    assetTurnover: 0.9,
    revenuePerEmployeeWan: 25,
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
    assetTurnover: 0.7,
    revenuePerEmployeeWan: 150,
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
    assetTurnover: 0.25,
    revenuePerEmployeeWan: 300,
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
    assetTurnover: 0.8,
    revenuePerEmployeeWan: 100,
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
    assetTurnover: 0.9,
    revenuePerEmployeeWan: 60,
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
    assetTurnover: 0.8,
    revenuePerEmployeeWan: 250,
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
    assetTurnover: 1.0,
    revenuePerEmployeeWan: 45,
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
    assetTurnover: 1.3,
    revenuePerEmployeeWan: 80,
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
    assetTurnover: 0.5,
    revenuePerEmployeeWan: 30,
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
    assetTurnover: 2.5,
    revenuePerEmployeeWan: 120,
  },
  // Local trades: the core 小微 and 个体户 borrowers, mostly in the city.
  {
    profileId: 'construction',
    cluster: 'local_trade',
    label: '建筑',
    weight: 10,
    industryCodes: ['4790', '4819', '4999', '5011', '5012'],
    namePhrases: ['建筑工程', '建设工程', '建筑安装工程', '装饰工程'],
    capitalWanRange: [100, 20000],
    favouredCounties: ['640104', '640106', '640105'],
    assetTurnover: 1.1,
    revenuePerEmployeeWan: 60,
  },
  {
    profileId: 'wholesale',
    cluster: 'local_trade',
    label: '批发',
    weight: 10,
    industryCodes: ['5121', '5123', '5127', '5165', '5166'],
    namePhrases: ['商贸', '贸易', '农资', '建材'],
    capitalWanRange: [10, 5000],
    favouredCounties: ['640104', '640106'],
    assetTurnover: 2.5,
    revenuePerEmployeeWan: 300,
  },
  {
    profileId: 'retail',
    cluster: 'local_trade',
    label: '零售',
    weight: 12,
    industryCodes: ['5211', '5212', '5219', '5221', '5223'],
    namePhrases: ['超市', '百货', '便利店', '商贸'],
    capitalWanRange: [10, 3000],
    favouredCounties: ['640104', '640106', '640105'],
    assetTurnover: 3,
    revenuePerEmployeeWan: 50,
  },
  {
    profileId: 'catering',
    cluster: 'local_trade',
    label: '餐饮',
    weight: 9,
    industryCodes: ['6210', '6220', '6291'],
    namePhrases: ['餐饮管理', '餐饮服务', '美食'],
    capitalWanRange: [10, 2000],
    favouredCounties: ['640104', '640106'],
    assetTurnover: 2,
    revenuePerEmployeeWan: 20,
  },
];
