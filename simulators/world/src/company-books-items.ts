/**
 * The lines of the guarantee company's month-end statements (母公司, non-consolidated, as the asset
 * ratios require): balance sheet, income statement and the supplementary sheet the finance system
 * exports beside them. Codes follow the company's chart of accounts; asset lines carry their class
 * under 融资担保公司资产比例管理办法 (domain.md §2.3). 自用房产 has no fixed class: up to 30% of
 * 净资产 is Ⅱ, the rest Ⅲ, decided where the ratio is computed. 应收代偿款 is outside the classes
 * (the ratios deduct it from 资产总额).
 */

export type AssetClass = 'I' | 'II' | 'III';
export type BalanceSection = 'asset' | 'liability' | 'equity';

export interface BalanceSheetLine {
  readonly code: string;
  readonly name: string;
  readonly section: BalanceSection;
  readonly assetClass: AssetClass | null;
  readonly isTotal: boolean;
}

export const BALANCE_SHEET_LINES = {
  cash: { code: '1001', name: '库存现金', section: 'asset', assetClass: 'I', isTotal: false },
  bankDeposits: {
    code: '1002',
    name: '银行存款',
    section: 'asset',
    assetClass: 'I',
    isTotal: false,
  },
  marginDeposits: {
    code: '1031',
    name: '存出保证金',
    section: 'asset',
    assetClass: 'I',
    isTotal: false,
  },
  treasuryBonds: {
    code: '110101',
    name: '交易性金融资产—国债',
    section: 'asset',
    assetClass: 'I',
    isTotal: false,
  },
  shortWealthProducts: {
    code: '110102',
    name: '交易性金融资产—银行理财（随时赎回或3个月内到期）',
    section: 'asset',
    assetClass: 'I',
    isTotal: false,
  },
  aaaBonds: {
    code: '150101',
    name: '债权投资—AAA级债券',
    section: 'asset',
    assetClass: 'I',
    isTotal: false,
  },
  aaBonds: {
    code: '150102',
    name: '债权投资—AA级及AA+级债券',
    section: 'asset',
    assetClass: 'II',
    isTotal: false,
  },
  trustPlans: {
    code: '150301',
    name: '其他债权投资—信托及资产管理计划',
    section: 'asset',
    assetClass: 'III',
    isTotal: false,
  },
  guarantorStakes: {
    code: '151101',
    name: '长期股权投资—融资担保公司和再担保公司',
    section: 'asset',
    assetClass: 'II',
    isTotal: false,
  },
  compensationReceivable: {
    code: '1231',
    name: '应收代偿款',
    section: 'asset',
    assetClass: null,
    isTotal: false,
  },
  otherReceivables: {
    code: '1221',
    name: '其他应收款',
    section: 'asset',
    assetClass: 'III',
    isTotal: false,
  },
  selfUsedProperty: {
    code: '160101',
    name: '固定资产—自用房产',
    section: 'asset',
    assetClass: null,
    isTotal: false,
  },
  totalAssets: { code: 'ZC', name: '资产总计', section: 'asset', assetClass: null, isTotal: true },
  payroll: {
    code: '2211',
    name: '应付职工薪酬',
    section: 'liability',
    assetClass: null,
    isTotal: false,
  },
  taxesPayable: {
    code: '2221',
    name: '应交税费',
    section: 'liability',
    assetClass: null,
    isTotal: false,
  },
  otherPayables: {
    code: '2241',
    name: '其他应付款',
    section: 'liability',
    assetClass: null,
    isTotal: false,
  },
  customerDeposits: {
    code: '2611',
    name: '存入保证金',
    section: 'liability',
    assetClass: null,
    isTotal: false,
  },
  unearnedReserve: {
    code: '2711',
    name: '未到期责任准备金',
    section: 'liability',
    assetClass: null,
    isTotal: false,
  },
  compensationReserve: {
    code: '2712',
    name: '担保赔偿准备金',
    section: 'liability',
    assetClass: null,
    isTotal: false,
  },
  totalLiabilities: {
    code: 'FZ',
    name: '负债合计',
    section: 'liability',
    assetClass: null,
    isTotal: true,
  },
  paidInCapital: {
    code: '4001',
    name: '实收资本',
    section: 'equity',
    assetClass: null,
    isTotal: false,
  },
  capitalReserve: {
    code: '4002',
    name: '资本公积',
    section: 'equity',
    assetClass: null,
    isTotal: false,
  },
  surplusReserve: {
    code: '4101',
    name: '盈余公积',
    section: 'equity',
    assetClass: null,
    isTotal: false,
  },
  generalRiskReserve: {
    code: '4102',
    name: '一般风险准备',
    section: 'equity',
    assetClass: null,
    isTotal: false,
  },
  retainedEarnings: {
    code: '4104',
    name: '未分配利润',
    section: 'equity',
    assetClass: null,
    isTotal: false,
  },
  totalEquity: {
    code: 'QY',
    name: '所有者权益（净资产）合计',
    section: 'equity',
    assetClass: null,
    isTotal: true,
  },
  totalLiabilitiesAndEquity: {
    code: 'FZQY',
    name: '负债和所有者权益总计',
    section: 'equity',
    assetClass: null,
    isTotal: true,
  },
} as const satisfies Record<string, BalanceSheetLine>;

export type BalanceSheetKey = keyof typeof BALANCE_SHEET_LINES;

export interface IncomeStatementLine {
  readonly code: string;
  readonly name: string;
  readonly isTotal: boolean;
}

/** Expenses are positive amounts on expense lines; profit lines are totals. */
export const INCOME_STATEMENT_LINES = {
  guaranteeFeeIncome: { code: '6001', name: '担保费收入', isTotal: false },
  interestIncome: { code: '6011', name: '利息收入', isTotal: false },
  investmentIncome: { code: '6111', name: '投资收益', isTotal: false },
  unearnedReserveProvision: { code: '6501', name: '提取未到期责任准备金', isTotal: false },
  compensationReserveProvision: { code: '6502', name: '提取担保赔偿准备金', isTotal: false },
  taxesAndSurcharges: { code: '6403', name: '税金及附加', isTotal: false },
  operatingExpenses: { code: '6602', name: '业务及管理费', isTotal: false },
  profitBeforeTax: { code: 'LRZE', name: '利润总额', isTotal: true },
  incomeTax: { code: '6801', name: '所得税费用', isTotal: false },
  netProfit: { code: 'JLR', name: '净利润', isTotal: true },
} as const satisfies Record<string, IncomeStatementLine>;

export type IncomeStatementKey = keyof typeof INCOME_STATEMENT_LINES;

/** The supplementary sheet (补充资料): figures the finance system keeps beside the ledger. */
export const SUPPLEMENTARY_LINES = {
  inForceBalance: { code: 'BC01', name: '期末在保余额（担保业务备查簿）' },
  inForceCount: { code: 'BC02', name: '期末在保笔数' },
  newGuaranteeYtd: { code: 'BC03', name: '本年累计新增担保金额' },
  feeIncomeYtd: { code: 'BC04', name: '本年累计担保费收入' },
  compensationYtd: { code: 'BC05', name: '本年累计代偿金额' },
  compensationCumulative: { code: 'BC06', name: '累计代偿金额' },
  recoveryCumulative: { code: 'BC07', name: '累计代偿收回金额' },
  unearnedReserveBasis: { code: 'BC08', name: '未到期责任准备金计提基数（担保费收入）' },
  compensationReserveBasis: { code: 'BC09', name: '担保赔偿准备金计提基数（上年末担保责任余额）' },
  paidInCapitalState: { code: 'BC10', name: '实收资本—国有资本' },
  paidInCapitalPrivate: { code: 'BC11', name: '实收资本—民营资本' },
} as const satisfies Record<string, { readonly code: string; readonly name: string }>;

export type SupplementaryKey = keyof typeof SUPPLEMENTARY_LINES;

/** The other guarantee and re-guarantee companies the company holds stakes in (补充资料 detail). */
export const GUARANTOR_INVESTEES = [
  { code: 'GQ01', name: '宁夏回族自治区融资再担保集团有限公司' },
  { code: 'GQ02', name: '宁夏农业信贷融资担保有限公司' },
] as const;
