/**
 * The legacy system's older columns store codes as Chinese text (its dirt, kept as is); every such
 * value is a label in sys_dict under the dictionary named here, so a reader decodes it by
 * (dict_type, label) → code. TEXT_CODE_COLUMNS says which column uses which dictionary
 * (WORLD_SYSTEM.md lists it; legacy-text-codes.test.ts checks every written value decodes).
 */
import {
  AGRI_PURPOSES,
  BUSINESS_PURPOSES,
  FIRST_CHANNELS,
  RENEWAL_CHANNEL,
} from './guarantee-products.ts';

export const CUSTOMER_TYPE = {
  enterprise: '企业',
  individual_business: '个体工商户',
  farmer_cooperative: '农民专业合作社',
  farmer: '农户',
} as const;

export const GUARANTEE_PERIOD = {
  three_years: '主债务履行期限届满之日起三年',
  two_years: '主债务履行期限届满之日起两年',
} as const;

export const RELATION_TYPE = {
  spouse: '配偶',
  actual_controller: '实际控制人',
  group_member: '同一控制人关联企业',
} as const;

export const CREDIT_LINE_STATUS = { active: '有效', expired: '到期' } as const;

const codesOf = (labels: readonly string[], prefix: string): Record<string, string> =>
  Object.fromEntries(
    labels.map((label, i) => [`${prefix}${String(i + 1).padStart(2, '0')}`, label]),
  );

/** Dictionaries of the text-coded columns: dict type → code → label (the stored text). */
export const TEXT_CODE_DICTIONARIES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  customer_type: CUSTOMER_TYPE,
  application_status: { withdrawn: '已撤回', rejected: '已否决', approved: '已批准' },
  application_purpose: codesOf([...new Set([...AGRI_PURPOSES, ...BUSINESS_PURPOSES])], 'PU'),
  application_channel: codesOf([...FIRST_CHANNELS, RENEWAL_CHANNEL], 'CH'),
  project_decision: { approve: '同意', reject: '否决' },
  contract_status: { in_force: '在保', released: '解保', compensated: '代偿' },
  guarantee_period: GUARANTEE_PERIOD,
  counter_guarantee_kind: { mortgage: '抵押', pledge: '质押', surety: '保证' },
  fee_type: { guarantee_fee: '担保费', review_fee: '评审费', deposit: '保证金' },
  risk_class: {
    normal: '正常',
    special_mention: '关注',
    substandard: '次级',
    doubtful: '可疑',
    loss: '损失',
  },
  recovery_method: {
    risk_share: '分险方收回',
    litigation: '诉讼执行',
    collateral: '处置抵押物',
    guarantor: '保证人代偿',
    negotiated: '协商还款',
  },
  release_reason: { repaid: '贷款结清', written_off: '代偿核销后解除' },
  post_check_finding: codesOf(
    [
      '经营正常',
      '资金用途符合约定',
      '经营正常，按期还款',
      '销售收入明显下滑',
      '资金周转紧张',
      '存在对外担保风险',
      '实际控制人变更',
      '涉诉',
    ],
    'PC',
  ),
  collateral_registry: {
    real_estate: '不动产登记中心',
    market_regulation: '市场监督管理局',
    agriculture: '农业农村局',
  },
  risk_share_party: {
    bank: '合作银行',
    national_fund: '国家融资担保基金',
    reguarantor: '再担保机构',
    self: '本公司',
  },
  related_party_type: RELATION_TYPE,
  credit_line_status: CREDIT_LINE_STATUS,
};

/**
 * Which column holds which dictionary. `label` columns store the label text (decode by label);
 * `code` columns store the code itself.
 */
export const TEXT_CODE_COLUMNS: readonly (readonly [string, string, string, 'label' | 'code'])[] = [
  ['t_customer', 'customer_type', 'customer_type', 'label'],
  ['t_application', 'status', 'application_status', 'label'],
  ['t_application', 'purpose', 'application_purpose', 'label'],
  ['t_application', 'channel', 'application_channel', 'label'],
  ['t_project', 'decision', 'project_decision', 'label'],
  ['t_guarantee_contract', 'status', 'contract_status', 'label'],
  ['t_guarantee_contract', 'guarantee_period', 'guarantee_period', 'label'],
  ['t_guarantee_contract', 'repayment_type', 'repayment_type', 'code'],
  ['t_counter_guarantee', 'kind', 'counter_guarantee_kind', 'label'],
  ['t_fee', 'fee_type', 'fee_type', 'label'],
  ['t_risk_class', 'risk_class', 'risk_class', 'label'],
  ['t_recovery', 'method', 'recovery_method', 'label'],
  ['t_release', 'reason', 'release_reason', 'label'],
  ['t_post_check', 'finding', 'post_check_finding', 'label'],
  ['t_collateral_registration', 'registry', 'collateral_registry', 'label'],
  ['t_risk_share', 'party_type', 'risk_share_party', 'code'],
  ['t_related_party', 'relation_type', 'related_party_type', 'label'],
  ['t_customer_credit_line', 'status', 'credit_line_status', 'label'],
  ['t_bank_credit_line', 'status', 'credit_line_status', 'label'],
  ['t_approval_log', 'step', 'approval_step', 'code'],
  ['t_approval_log', 'opinion', 'approval_opinion', 'code'],
  ['t_product', 'product_type', 'product_type', 'code'],
  ['t_product', 'risk_weight_class', 'risk_weight_class', 'code'],
  ['sys_org_unit', 'org_type', 'org_type', 'code'],
  ['sys_user', 'role', 'user_role', 'code'],
];
