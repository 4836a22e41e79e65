/**
 * The national regulatory parameters of a financing guarantee company (docs/domain.md §2, §3.5,
 * §4, §6.2): risk weights of the 融资担保责任余额计量办法, the per-client thresholds, the leverage and
 * concentration caps, fee caps, reserve rules, asset ratios and policy shares. Each has its source
 * and confidence tag. Provinces may only be stricter (银保监发〔2018〕1号 "只严不松"): a province's
 * values go in `PROVINCE_OVERRIDES`. Readings that domain.md marks [M] are `REGULATORY_OPTIONS`, each
 * with its default and the alternative a compliance officer may switch to.
 *
 * These tables are the single source of the dbt seeds in models/seeds/regulatory/
 * (`npm run -w @sg/domain gen:seeds`); a test fails when a committed seed differs.
 */

export type Confidence = 'V' | 'S' | 'M';

/** Risk-weight class of 融资担保责任余额 (domain.md §2.2). */
export type RiskWeightClass =
  | 'loan_small_micro'
  | 'loan_farmer'
  | 'loan_housing'
  | 'loan_other'
  | 'bond_aa'
  | 'bond_other'
  | 'other_financing';

export interface RiskWeight {
  readonly weightClass: RiskWeightClass;
  /** Weight as a decimal string (exact in SQL). */
  readonly weight: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly confidence: Confidence;
}

export const RISK_WEIGHTS: readonly RiskWeight[] = [
  {
    weightClass: 'loan_small_micro',
    weight: '0.75',
    nameZh: '小微企业借款类（单户在保余额≤500万元，含）',
    nameEn: 'loan guarantee, small/micro client, client balance ≤ ¥5m (inclusive)',
    confidence: 'S',
  },
  {
    weightClass: 'loan_farmer',
    weight: '0.75',
    nameZh: '农户借款类（单户在保余额≤200万元，含）',
    nameEn: 'loan guarantee, farmer, client balance ≤ ¥2m (inclusive)',
    confidence: 'S',
  },
  {
    weightClass: 'loan_housing',
    weight: '0.30',
    nameZh: '住房置业担保',
    nameEn: 'housing purchase guarantee',
    confidence: 'S',
  },
  {
    weightClass: 'loan_other',
    weight: '1.00',
    nameZh: '其他借款类',
    nameEn: 'other loan guarantees',
    confidence: 'S',
  },
  {
    weightClass: 'bond_aa',
    weight: '0.80',
    nameZh: '发行债券担保（主体评级AA级以上）',
    nameEn: 'bond issue guarantee, issuer rated AA or above',
    confidence: 'S',
  },
  {
    weightClass: 'bond_other',
    weight: '1.00',
    nameZh: '其他发行债券担保',
    nameEn: 'other bond issue guarantees',
    confidence: 'M',
  },
  {
    weightClass: 'other_financing',
    weight: '1.00',
    nameZh: '其他融资担保',
    nameEn: 'other financing guarantees',
    confidence: 'M',
  },
];

/** Issuer credit ratings, best first; `rank` orders them (1 = AAA). */
export const BOND_RATINGS: readonly { readonly rating: string; readonly rank: number }[] = [
  'AAA',
  'AA+',
  'AA',
  'AA-',
  'A+',
  'A',
  'A-',
  'BBB+',
  'BBB',
  'BBB-',
  'BB',
  'B',
  'CCC',
  'CC',
  'C',
].map((rating, index) => ({ rating, rank: index + 1 }));

export interface RegulatoryLimit {
  readonly code: string;
  /** Decimal string: fen for money, a ratio as a decimal fraction, a multiple as a number. */
  readonly value: string;
  readonly unit: 'fen' | 'ratio' | 'multiple' | 'rank';
  /** How an observed figure must compare with the value to comply (or, for thresholds, to qualify). */
  readonly comparison: 'le' | 'ge';
  readonly nameZh: string;
  readonly nameEn: string;
  readonly source: string;
  readonly confidence: Confidence;
}

export const NATIONAL_LIMITS: readonly RegulatoryLimit[] = [
  {
    code: 'small_micro_client_threshold_fen',
    value: '500000000',
    unit: 'fen',
    comparison: 'le',
    nameZh: '小微企业75%权重单户在保余额上限（含）',
    nameEn: 'small/micro 75% weight: client balance at most (inclusive)',
    source: '融资担保责任余额计量办法',
    confidence: 'S',
  },
  {
    code: 'farmer_client_threshold_fen',
    value: '200000000',
    unit: 'fen',
    comparison: 'le',
    nameZh: '农户75%权重单户在保余额上限（含）',
    nameEn: 'farmer 75% weight: client balance at most (inclusive)',
    source: '融资担保责任余额计量办法',
    confidence: 'S',
  },
  {
    code: 'bond_aa_min_rank',
    value: '3',
    unit: 'rank',
    comparison: 'le',
    nameZh: '债券80%权重的最低主体评级（AA=3）',
    nameEn: 'bond 80% weight: lowest issuer rating rank (AA = 3)',
    source: '融资担保责任余额计量办法',
    confidence: 'S',
  },
  {
    code: 'leverage_limit',
    value: '10',
    unit: 'multiple',
    comparison: 'le',
    nameZh: '融资担保放大倍数上限',
    nameEn: 'leverage cap (liability / net assets)',
    source: '条例 第十五条',
    confidence: 'V',
  },
  {
    code: 'leverage_limit_small_micro_agri',
    value: '15',
    unit: 'multiple',
    comparison: 'le',
    nameZh: '主要服务小微和三农的放大倍数上限',
    nameEn: 'leverage cap for a company mainly serving small/micro and agriculture',
    source: '条例 第十五条',
    confidence: 'V',
  },
  {
    code: 'single_client_concentration_limit',
    value: '0.10',
    unit: 'ratio',
    comparison: 'le',
    nameZh: '单一被担保人集中度上限',
    nameEn: 'single client concentration cap (of net assets)',
    source: '条例 第十六条',
    confidence: 'V',
  },
  {
    code: 'group_concentration_limit',
    value: '0.15',
    unit: 'ratio',
    comparison: 'le',
    nameZh: '单一被担保人及其关联方集中度上限',
    nameEn: 'client and related parties concentration cap (of net assets)',
    source: '条例 第十六条',
    confidence: 'V',
  },
  {
    code: 'fee_cap_small_client_threshold_fen',
    value: '500000000',
    unit: 'fen',
    comparison: 'le',
    nameZh: '政府性担保费率上限的单户金额分界（含）',
    nameEn: 'government-backed fee cap: single-client amount boundary (inclusive)',
    source: '国办发〔2019〕6号',
    confidence: 'S',
  },
  {
    code: 'fee_cap_small_client',
    value: '0.0100',
    unit: 'ratio',
    comparison: 'le',
    nameZh: '单户≤500万元年化担保费率上限',
    nameEn: 'annual fee cap, single client ≤ ¥5m',
    source: '国办发〔2019〕6号',
    confidence: 'S',
  },
  {
    code: 'fee_cap_large_client',
    value: '0.0150',
    unit: 'ratio',
    comparison: 'le',
    nameZh: '单户>500万元年化担保费率上限',
    nameEn: 'annual fee cap, single client > ¥5m',
    source: '国办发〔2019〕6号',
    confidence: 'S',
  },
  {
    code: 'fee_cap_agricultural',
    value: '0.0080',
    unit: 'ratio',
    comparison: 'le',
    nameZh: '农担政策性业务年化担保费率上限',
    nameEn: 'annual fee cap, agricultural policy guarantees',
    source: '财农〔2020〕15号 local implementations',
    confidence: 'M',
  },
  {
    code: 'small_micro_agri_share_min',
    value: '0.80',
    unit: 'ratio',
    comparison: 'ge',
    nameZh: '支小支农担保金额占比下限',
    nameEn: 'small/micro and agriculture share of guarantee amount, at least',
    source: '国办发〔2019〕6号; 财金〔2025〕11号',
    confidence: 'S',
  },
  {
    code: 'policy_small_client_threshold_fen',
    value: '500000000',
    unit: 'fen',
    comparison: 'le',
    nameZh: '支小支农占比中“单户”金额上限（含）',
    nameEn: 'policy share: single-client amount at most (inclusive)',
    source: '国办发〔2019〕6号; 财金〔2025〕11号',
    confidence: 'S',
  },
  {
    code: 'small_client_share_min',
    value: '0.50',
    unit: 'ratio',
    comparison: 'ge',
    nameZh: '支小支农中单户≤500万元占比下限',
    nameEn: 'within that, clients ≤ ¥5m, at least',
    source: '国办发〔2019〕6号; 财金〔2025〕11号',
    confidence: 'S',
  },
  {
    code: 'unearned_premium_reserve_rate',
    value: '0.50',
    unit: 'ratio',
    comparison: 'ge',
    nameZh: '未到期责任准备金占当年担保费收入比例',
    nameEn: 'unearned premium reserve, share of the year’s fee income',
    source: '2010 暂行办法; 财税〔2017〕22号',
    confidence: 'S',
  },
  {
    code: 'compensation_reserve_rate',
    value: '0.01',
    unit: 'ratio',
    comparison: 'ge',
    nameZh: '担保赔偿准备金占年末担保责任余额比例',
    nameEn: 'compensation reserve, share of year-end guarantee liability',
    source: '2010 暂行办法; 财税〔2017〕22号',
    confidence: 'S',
  },
  {
    code: 'compensation_reserve_cap_rate',
    value: '0.10',
    unit: 'ratio',
    comparison: 'le',
    nameZh: '担保赔偿准备金累计达责任余额比例后差额提取',
    nameEn: 'compensation reserve: top up only the difference above this share',
    source: '2010 暂行办法',
    confidence: 'S',
  },
  {
    code: 'asset_class_1_2_min',
    value: '0.70',
    unit: 'ratio',
    comparison: 'ge',
    nameZh: 'Ⅰ级+Ⅱ级资产占（资产总额−应收代偿款）下限',
    nameEn: 'class I + II assets, share of (total assets − compensation receivable), at least',
    source: '资产比例管理办法 第八条',
    confidence: 'M',
  },
  {
    code: 'asset_class_1_min',
    value: '0.20',
    unit: 'ratio',
    comparison: 'ge',
    nameZh: 'Ⅰ级资产占（资产总额−应收代偿款）下限',
    nameEn: 'class I assets, share of (total assets − compensation receivable), at least',
    source: '资产比例管理办法 第八条',
    confidence: 'S',
  },
  {
    code: 'asset_class_3_max',
    value: '0.30',
    unit: 'ratio',
    comparison: 'le',
    nameZh: 'Ⅲ级资产占（资产总额−应收代偿款）上限',
    nameEn: 'class III assets, share of (total assets − compensation receivable), at most',
    source: '资产比例管理办法 第八条',
    confidence: 'S',
  },
  {
    code: 'self_used_property_class_2_max',
    value: '0.30',
    unit: 'ratio',
    comparison: 'le',
    nameZh: '计入Ⅱ级资产的自用房产上限（占净资产）',
    nameEn: 'self-used property counted as class II, at most (share of net assets)',
    source: '资产比例管理办法',
    confidence: 'S',
  },
  {
    code: 'net_assets_reserves_min',
    value: '0.60',
    unit: 'ratio',
    comparison: 'ge',
    nameZh: '（净资产+未到期责任准备金+担保赔偿准备金）占资产总额下限',
    nameEn:
      '(net assets + unearned premium + compensation reserves), share of total assets, at least',
    source: '资产比例管理办法 第九条',
    confidence: 'S',
  },
];

/**
 * A province's stricter value for one limit. domain.md records no 宁夏 implementation rule for
 * these limits (§10 question 1), so the table ships empty; a row here replaces the national value
 * for companies registered in that province.
 */
export interface ProvinceOverride {
  readonly provinceCode: string;
  readonly code: string;
  readonly value: string;
  readonly source: string;
}

export const PROVINCE_OVERRIDES: readonly ProvinceOverride[] = [];

export interface RegulatoryOption {
  readonly code: string;
  readonly defaultChoice: string;
  readonly alternativeChoice: string;
  readonly descriptionZh: string;
  readonly descriptionEn: string;
  /** Where domain.md discusses the reading. */
  readonly domainRef: string;
}

/** Each [M] reading of domain.md, with the default used and the alternative. */
export const REGULATORY_OPTIONS: readonly RegulatoryOption[] = [
  {
    code: 'leverage_net_assets',
    defaultChoice: 'deduct_guarantor_equity',
    alternativeChoice: 'book_net_assets',
    descriptionZh: '放大倍数分母：净资产扣除对其他融资担保和再担保公司的股权投资，或账面净资产',
    descriptionEn:
      'leverage denominator: net assets less equity stakes in other guarantors, or book net assets',
    domainRef: '§2.2 Leverage denominator; §6.2',
  },
  {
    code: 'risk_share_basis',
    defaultChoice: 'retained_share',
    alternativeChoice: 'full_balance',
    descriptionZh: '分险业务只计本机构实际承担部分，或按合同全额计',
    descriptionEn: 'risk-shared guarantees count the retained share only, or the full balance',
    domainRef: '§2.2 Risk-shared exposure',
  },
  {
    code: 'client_threshold_basis',
    defaultChoice: 'contract_balance',
    alternativeChoice: 'retained_balance',
    descriptionZh: '单户500万/200万判断用合同在保余额，或分险后本机构承担余额',
    descriptionEn: 'the per-client ¥5m / ¥2m test uses contract balances, or retained balances',
    domainRef: '§2.2 Implementation notes',
  },
  {
    code: 'concentration_basis',
    defaultChoice: 'weighted',
    alternativeChoice: 'unweighted',
    descriptionZh: '集中度分子用加权融资担保责任余额，或未加权在保余额',
    descriptionEn: 'concentration numerator: weighted liability, or the unweighted balance',
    domainRef: '§2.2 Derived checks',
  },
  {
    code: 'leverage_limit_tier',
    defaultChoice: 'standard',
    alternativeChoice: 'small_micro_agri',
    descriptionZh: '放大倍数上限10倍，或主要服务小微和三农的15倍',
    descriptionEn:
      'leverage cap 10×, or 15× for a company mainly serving small/micro and agriculture',
    domainRef: '§1 Art 15',
  },
  {
    code: 'individual_business_as_micro',
    defaultChoice: 'micro',
    alternativeChoice: 'by_size',
    descriptionZh: '个体工商户按微型企业计（填报说明），或按其划型结果',
    descriptionEn:
      'individual businesses count as micro (report instructions), or by their size class',
    domainRef: '§2.2 Implementation notes; §6.1 填报说明',
  },
  {
    code: 'bond_aa_reading',
    defaultChoice: 'aa_inclusive',
    alternativeChoice: 'above_aa',
    descriptionZh: '债券80%权重：AA级及以上，或AA级以上不含AA',
    descriptionEn: 'bond 80% weight: AA and above, or strictly above AA',
    domainRef: '§2.2 weights table',
  },
  {
    code: 'release_includes_compensated',
    defaultChoice: 'include',
    alternativeChoice: 'exclude',
    descriptionZh: '代偿率分母“解除担保金额”含代偿解除的合同，或只含正常解除',
    descriptionEn:
      'compensation-rate denominator includes guarantees ended by compensation, or not',
    domainRef: '§6.2 担保代偿率',
  },
  {
    code: 'fee_cap_scope',
    defaultChoice: 'small_micro_agri_clients',
    alternativeChoice: 'policy_products',
    descriptionZh: '费率上限适用于全部小微和三农客户的融资担保，或只适用于政策性业务品种',
    descriptionEn:
      'fee caps apply to every small/micro and agricultural client, or to policy products only',
    domainRef: '§4.1 Fee caps',
  },
  {
    code: 'government_backed',
    defaultChoice: 'yes',
    alternativeChoice: 'no',
    descriptionZh: '政府性融资担保机构：适用费率上限和支小支农占比要求',
    descriptionEn: 'government-backed guarantor: fee caps and policy shares apply',
    domainRef: '§3.4; §4.1',
  },
];
