/**
 * The canonical codes of a guarantee company's business records (业务代码表): per dictionary, each
 * code with its Chinese label. A legacy business system stores some of these enums as codes
 * (resolved in its own sys_dict) and older columns as the Chinese label; staging decodes either
 * to the one code here (dbt seed ref_business_codes, written by `npm run -w @sg/domain gen:seeds`).
 * Codes of the open lists (purpose, channel, post-check finding) follow the legacy dictionary.
 */
import { toSeedCsv } from './seed-csv.ts';

export type BusinessCodeTable = Readonly<Record<string, Readonly<Record<string, string>>>>;

export const BUSINESS_CODES: BusinessCodeTable = {
  customer_type: {
    enterprise: '企业',
    individual_business: '个体工商户',
    farmer_cooperative: '农民专业合作社',
    farmer: '农户',
  },
  application_status: { withdrawn: '已撤回', rejected: '已否决', approved: '已批准' },
  application_purpose: {
    PU01: '春耕备耕',
    PU02: '扩大养殖规模',
    PU03: '购买农资',
    PU04: '流动资金周转',
    PU05: '采购原材料',
    PU06: '购置设备',
    PU07: '厂房改造',
  },
  application_channel: {
    CH01: '线下网点',
    CH02: '银行推荐',
    CH03: '政府推荐',
    CH04: '小程序',
    CH05: '老客户续贷',
  },
  project_decision: { approve: '同意', reject: '否决' },
  contract_status: { in_force: '在保', released: '解保', compensated: '代偿' },
  guarantee_period: {
    three_years: '主债务履行期限届满之日起三年',
    two_years: '主债务履行期限届满之日起两年',
  },
  repayment_type: {
    interest_monthly_bullet: '按月付息到期还本',
    interest_quarterly_bullet: '按季付息到期还本',
    equal_principal: '等额本金',
    equal_instalment: '等额本息',
  },
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
  post_check_finding: {
    PC01: '经营正常',
    PC02: '资金用途符合约定',
    PC03: '经营正常，按期还款',
    PC04: '销售收入明显下滑',
    PC05: '资金周转紧张',
    PC06: '存在对外担保风险',
    PC07: '实际控制人变更',
    PC08: '涉诉',
  },
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
  related_party_type: {
    spouse: '配偶',
    actual_controller: '实际控制人',
    group_member: '同一控制人关联企业',
  },
  credit_line_status: { active: '有效', expired: '到期' },
  product_type: { loan: '借款类', housing: '住房置业', bond: '债券发行', non_financing: '非融资' },
  risk_weight_class: {
    loan_small_micro: '借款类-小微企业单户≤500万（75%）',
    loan_farmer: '借款类-农户单户≤200万（75%）',
    loan_housing: '借款类-住房置业（30%）',
    loan_other: '借款类-其他（100%）',
    bond_aa: '发行债券-AA级以上（80%）',
    bond_other: '发行债券-其他（100%）',
    other_financing: '其他融资担保（100%）',
    non_financing: '非融资担保（不计）',
  },
  org_type: { head_office: '总部', branch: '分支机构', department: '部门' },
  user_role: { project_manager: '项目经理', committee_member: '评审委员', approver: '审批人' },
  approval_step: {
    investigate_a: 'A角调查',
    investigate_b: 'B角调查',
    committee_vote: '评审会表决',
    committee_result: '评审会结论',
    approve: '审批人决定',
  },
  approval_opinion: { agree: '同意', disagree: '不同意', reconsider: '续议', veto: '一票否决' },
};

/** The dbt seed models/seeds/ref_business_codes.csv: dict_type, code, label. */
export function businessCodesSeedCsv(table: BusinessCodeTable = BUSINESS_CODES): string {
  const rows = Object.entries(table).flatMap(([dictType, entries]) =>
    Object.entries(entries).map(([code, label]) => [dictType, code, label]),
  );
  return toSeedCsv(['dict_type', 'code', 'label'], rows);
}
