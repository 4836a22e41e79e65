/**
 * The declared mapping from the legacy tables to the lake's raw tables `raw_business.<table>`:
 * which legacy column fills which raw column, the legacy type family the connector expects
 * (anything else is schema drift), and how a value is converted: DECIMAL yuan text → integer fen
 * exactly (digit by digit, @sg/domain parseYuan), Beijing-local DATETIME → UTC, codes normalised
 * (full-width → half-width, upper case) and checked (USCC and resident ID check characters).
 * A value that cannot be converted quarantines its row with a Chinese reason.
 */
import { normalizeCodeInput, parseResidentId, parseUscc, parseYuan } from '@sg/domain';
import type { ColumnSpec, ColumnType } from '@sg/lake';
import type { SourceRow, SourceValue } from './client.ts';
import type { SourceTypeFamily } from './schemas.ts';

/** How a legacy value becomes a raw value. */
export type Conversion =
  | 'text'
  | 'region_code'
  | 'industry_code'
  | 'uscc'
  | 'resident_id'
  | 'integer'
  | 'yuan_to_fen'
  | 'decimal'
  | 'date'
  | 'beijing_datetime';

export interface MappedColumn {
  /** Legacy column name. */
  readonly source: string;
  /** Raw column name in the lake. */
  readonly raw: string;
  readonly rawType: ColumnType;
  readonly conversion: Conversion;
  /** The legacy type family the mapping was declared against. */
  readonly family: SourceTypeFamily;
  readonly required: boolean;
  readonly description: string;
}

export interface MappedTable {
  /** Legacy table name; also the raw entity (`raw_business.<table>`). */
  readonly table: string;
  /** Chinese title of its raw table. */
  readonly title: string;
  /** English description of its raw table; the first sentence states the grain. */
  readonly description: string;
  readonly key: string;
  /** Watermark column (Beijing-local DATETIME) or null: such tables are extracted in full. */
  readonly watermark: 'updated_at' | null;
  readonly columns: readonly MappedColumn[];
}

const FAMILY: Record<Conversion, SourceTypeFamily> = {
  text: 'text',
  region_code: 'text',
  industry_code: 'text',
  uscc: 'text',
  resident_id: 'text',
  integer: 'integer',
  yuan_to_fen: 'decimal',
  decimal: 'decimal',
  date: 'date',
  beijing_datetime: 'datetime',
};

const RAW_TYPE: Record<Conversion, ColumnType> = {
  text: 'VARCHAR',
  region_code: 'VARCHAR',
  industry_code: 'VARCHAR',
  uscc: 'VARCHAR',
  resident_id: 'VARCHAR',
  integer: 'INTEGER',
  yuan_to_fen: 'BIGINT',
  decimal: 'DOUBLE',
  date: 'DATE',
  beijing_datetime: 'TIMESTAMP',
};

function column(
  source: string,
  conversion: Conversion,
  description: string,
  options: { raw?: string; required?: boolean } = {},
): MappedColumn {
  return {
    source,
    raw: options.raw ?? source,
    rawType: RAW_TYPE[conversion],
    conversion,
    family: FAMILY[conversion],
    required: options.required ?? false,
    description,
  };
}

const key = (source: string, description: string): MappedColumn =>
  column(source, 'text', description, { required: true });
const fen = (source: string, raw: string, description: string): MappedColumn =>
  column(source, 'yuan_to_fen', `${description}（分；源为元 DECIMAL(18,2)）`, { raw });
const time = (source: string, description: string): MappedColumn =>
  column(source, 'beijing_datetime', `${description}（UTC；源为北京时间）`);
const UPDATED_AT = column('updated_at', 'beijing_datetime', '源系统最后更新时间（UTC；水位线）', {
  required: true,
});

function table(
  name: string,
  docs: { readonly title: string; readonly description: string },
  columns: MappedColumn[],
  watermark: 'updated_at' | null,
): MappedTable {
  const [first] = columns;
  if (first === undefined) throw new Error(`${name}: no columns`);
  return {
    table: name,
    ...docs,
    key: first.source,
    watermark,
    columns: watermark === null ? columns : [...columns, UPDATED_AT],
  };
}

/** Every legacy table the connector lands, with its declared columns. */
export const BUSINESS_TABLES: readonly MappedTable[] = [
  table(
    't_bank_partner',
    {
      title: '合作银行（业务系统原始落地）',
      description: 'One row per partner bank per landing window.',
    },
    [
      key('partner_id', '合作银行编号'),
      column('bank_code', 'text', '银行代码'),
      column('bank_name', 'text', '银行名称'),
      column('risk_share_pct', 'decimal', '银行分险比例（%）'),
    ],
    null,
  ),
  table(
    'sys_dict',
    {
      title: '数据字典（业务系统原始落地）',
      description:
        'One row per dictionary entry (dict type and code with its Chinese label) per landing ' +
        'window (in full every window); the code columns of the other tables resolve here.',
    },
    [
      key('dict_id', '字典项编号（字典类型:代码）'),
      column('dict_type', 'text', '字典类型', { required: true }),
      column('code', 'text', '代码', { required: true }),
      column('label', 'text', '中文名称'),
    ],
    null,
  ),
  table(
    'sys_org_unit',
    {
      title: '组织机构（业务系统原始落地）',
      description:
        'One row per organisation unit (head office, branch, department) per landing window.',
    },
    [
      key('org_id', '机构编号'),
      column('org_name', 'text', '机构名称'),
      column('org_type', 'text', '机构类型代码（字典 org_type：总部、分支机构、部门）'),
      column('parent_org_id', 'text', '上级机构编号'),
    ],
    null,
  ),
  table(
    'sys_user',
    {
      title: '系统用户（业务系统原始落地）',
      description:
        'One row per system user (project manager, committee member, approver) per landing window.',
    },
    [
      key('user_id', '用户编号'),
      column('user_name', 'text', '姓名'),
      column('org_id', 'text', '所属机构编号'),
      column('role', 'text', '角色代码（字典 user_role）'),
    ],
    null,
  ),
  table(
    't_product',
    {
      title: '业务品种（业务系统原始落地）',
      description:
        'One row per guarantee product (业务品种) with its product type, risk-weight class and ' +
        'agricultural / 支小支农 / policy flags per landing window.',
    },
    [
      key('product_code', '业务品种代码'),
      column('product_name', 'text', '业务品种名称'),
      column(
        'product_type',
        'text',
        '产品类型代码（字典 product_type：借款类、住房置业、债券发行、非融资）',
      ),
      column('risk_weight_class', 'text', '风险权重类别代码（字典 risk_weight_class）'),
      column('is_agricultural', 'integer', '是否涉农（1 是 0 否）'),
      column('is_small_micro_agri', 'integer', '是否支小支农（1 是 0 否）'),
      column('is_policy', 'integer', '是否政策性业务（1 是 0 否）'),
    ],
    null,
  ),
  table(
    't_customer',
    {
      title: '客户（业务系统原始落地）',
      description:
        'One row per customer (enterprise, individual business, cooperative or farmer) changed or ' +
        'new in a landing window (every customer in a full window).',
    },
    [
      key('customer_id', '客户编号'),
      column('customer_type', 'text', '客户类型（企业、个体工商户、农民专业合作社、农户）'),
      column('customer_name', 'text', '客户名称', { required: true }),
      column('uscc', 'uscc', '统一社会信用代码（规范化）'),
      column('id_number', 'resident_id', '身份证号码（规范化）'),
      column('region_code', 'region_code', '行政区划代码'),
      column('industry_code', 'industry_code', '行业代码'),
      column('phone', 'text', '联系电话'),
      column('address', 'text', '地址'),
      time('created_at', '建档时间'),
    ],
    'updated_at',
  ),
  table(
    't_application',
    {
      title: '担保申请（业务系统原始落地）',
      description: 'One row per guarantee application changed or new in a landing window.',
    },
    [
      key('application_id', '申请编号'),
      column('customer_id', 'text', '客户编号'),
      time('applied_at', '申请时间'),
      fen('amount', 'amount_fen', '申请金额'),
      column('term_months', 'integer', '期限（月）'),
      column('purpose', 'text', '用途'),
      column('channel', 'text', '渠道'),
      column('status', 'text', '状态'),
    ],
    'updated_at',
  ),
  table(
    't_project',
    {
      title: '评审项目（业务系统原始落地）',
      description:
        'One row per review project (investigation and committee decision) changed or new in a ' +
        'landing window.',
    },
    [
      key('project_id', '项目编号'),
      column('application_id', 'text', '申请编号'),
      column('officer_name', 'text', '项目经理'),
      column('officer_user_id', 'text', '项目经理（A角）用户编号'),
      time('investigated_at', '尽调时间'),
      time('approved_at', '审批时间'),
      fen('approved_amount', 'approved_amount_fen', '批准金额'),
      column('decision', 'text', '审批结论'),
    ],
    'updated_at',
  ),
  table(
    't_approval_log',
    {
      title: '审批流程记录（业务系统原始落地）',
      description:
        'One row per approval step of a review project (A角 and B角 investigation, each committee ' +
        'vote and result, 续议 and veto, the approver) per landing window (in full every window).',
    },
    [
      key('log_id', '流程记录编号'),
      column('project_id', 'text', '项目编号'),
      column('step', 'text', '环节代码（字典 approval_step）'),
      column('user_id', 'text', '经办人用户编号'),
      column('opinion', 'text', '意见代码（字典 approval_opinion：同意、不同意、续议、一票否决）'),
      column('meeting_no', 'integer', '评审会次数（续议后为 2；非评审环节为 0）'),
      time('acted_at', '办理时间'),
    ],
    null,
  ),
  table(
    't_guarantee_contract',
    {
      title: '担保合同（业务系统原始落地）',
      description:
        'One row per guarantee contract changed or new in a landing window; amounts in fen.',
    },
    [
      key('contract_no', '担保合同编号'),
      column('project_id', 'text', '项目编号'),
      column('partner_id', 'text', '合作银行编号'),
      fen('guaranteed_amount', 'guaranteed_amount_fen', '担保金额'),
      column('start_date', 'date', '担保起始日'),
      column('end_date', 'date', '担保到期日'),
      column('fee_rate_bp', 'integer', '担保费率（基点）'),
      column('product_code', 'text', '业务品种代码'),
      column('repayment_type', 'text', '还款方式代码（字典 repayment_type）'),
      column('renews_contract_no', 'text', '续贷所接续的原担保合同编号'),
      column('bank_contract_no', 'text', '银行保证合同编号'),
      column('status', 'text', '状态（在保、解保、代偿；字典 contract_status 的标签）'),
      column('letter_of_guarantee_no', 'text', '保函编号（出具保函时）'),
      column('guarantee_period', 'text', '保证期间（字典 guarantee_period 的标签）'),
      column('guarantee_period_end', 'date', '保证期间届满日'),
      column('credit_line_id', 'text', '所用客户授信编号（t_customer_credit_line）'),
    ],
    'updated_at',
  ),
  table(
    't_counter_guarantee',
    {
      title: '反担保措施（业务系统原始落地）',
      description:
        'One row per counter-guarantee (mortgage, pledge or guarantor) changed or new in a landing ' +
        'window.',
    },
    [
      key('counter_id', '反担保编号'),
      column('contract_no', 'text', '担保合同编号'),
      column('kind', 'text', '反担保方式（抵押、质押、保证）'),
      column('guarantor_name', 'text', '反担保人名称'),
      column('guarantor_uscc', 'uscc', '反担保人统一社会信用代码'),
      column('guarantor_id_number', 'resident_id', '反担保人身份证号码'),
      column('collateral_desc', 'text', '抵质押物描述'),
      fen('assessed_value', 'value_fen', '评估价值'),
      column('counter_contract_no', 'text', '反担保合同编号'),
      column('valid_from', 'date', '反担保生效日'),
      column('valid_to', 'date', '反担保到期日'),
    ],
    'updated_at',
  ),
  table(
    't_fee',
    {
      title: '收费记录（业务系统原始落地）',
      description:
        'One row per fee charged (guarantee fee, review fee, deposit) per landing window; the table ' +
        'has no updated_at, so every window holds it in full.',
    },
    [
      key('fee_id', '收费编号'),
      column('contract_no', 'text', '担保合同编号'),
      column('fee_type', 'text', '费用类型（担保费、评审费、保证金）'),
      fen('amount', 'amount_fen', '金额'),
      time('charged_at', '收费时间'),
    ],
    null,
  ),
  table(
    't_loan',
    {
      title: '放款记录（业务系统原始落地）',
      description:
        'One row per bank loan under a guarantee contract changed or new in a landing window.',
    },
    [
      key('loan_id', '放款编号'),
      column('contract_no', 'text', '担保合同编号'),
      column('bank_loan_no', 'text', '银行借据号'),
      time('disbursed_at', '放款时间'),
      fen('principal', 'principal_fen', '放款本金'),
      column('maturity_date', 'date', '到期日'),
    ],
    'updated_at',
  ),
  table(
    't_repayment',
    {
      title: '还款记录（业务系统原始落地）',
      description: 'One row per loan repayment changed or new in a landing window.',
    },
    [
      key('repayment_id', '还款编号'),
      column('loan_id', 'text', '放款编号'),
      time('paid_at', '还款时间'),
      fen('principal', 'principal_fen', '归还本金'),
      fen('interest', 'interest_fen', '归还利息'),
    ],
    'updated_at',
  ),
  table(
    't_post_check',
    {
      title: '保后检查（业务系统原始落地）',
      description: 'One row per post-guarantee check changed or new in a landing window.',
    },
    [
      key('check_id', '保后检查编号'),
      column('contract_no', 'text', '担保合同编号'),
      time('checked_at', '检查时间'),
      column('officer_name', 'text', '检查人'),
      column('officer_user_id', 'text', '检查人用户编号'),
      column('finding', 'text', '检查结论'),
    ],
    'updated_at',
  ),
  table(
    't_risk_class',
    {
      title: '风险分类（业务系统原始落地）',
      description:
        'One row per quarterly five-level risk classification of a contract per landing window ' +
        '(in full every window).',
    },
    [
      key('class_id', '五级分类编号'),
      column('contract_no', 'text', '担保合同编号'),
      time('classified_at', '分类时间'),
      column('risk_class', 'text', '五级分类（正常、关注、次级、可疑、损失）'),
    ],
    null,
  ),
  table(
    't_compensation',
    {
      title: '代偿记录（业务系统原始落地）',
      description:
        'One row per compensation paid to a bank per landing window (in full every window).',
    },
    [
      key('compensation_id', '代偿编号'),
      column('contract_no', 'text', '担保合同编号'),
      time('compensated_at', '代偿时间'),
      fen('amount', 'amount_fen', '代偿金额'),
    ],
    null,
  ),
  table(
    't_recovery',
    {
      title: '追偿记录（业务系统原始落地）',
      description:
        'One row per recovery after a compensation per landing window (in full every window).',
    },
    [
      key('recovery_id', '追偿编号'),
      column('compensation_id', 'text', '代偿编号'),
      time('recovered_at', '追偿到账时间'),
      fen('amount', 'amount_fen', '追回金额'),
      column('method', 'text', '追偿方式'),
    ],
    null,
  ),
  table(
    't_release',
    {
      title: '解保记录（业务系统原始落地）',
      description: 'One row per guarantee release per landing window (in full every window).',
    },
    [
      key('release_id', '解保编号'),
      column('contract_no', 'text', '担保合同编号'),
      time('released_at', '解保时间'),
      column('reason', 'text', '解保原因（贷款结清、代偿核销后解除）'),
    ],
    null,
  ),
  table(
    't_risk_share',
    {
      title: '风险分担（业务系统原始落地）',
      description:
        'One row per risk-sharing party of a guarantee contract (bank, 国担基金, re-guarantor, the ' +
        'company itself) with its share and cap per landing window (in full every window).',
    },
    [
      key('share_id', '分险记录编号'),
      column('contract_no', 'text', '担保合同编号'),
      column('party_type', 'text', '分险方类型代码（bank、national_fund、reguarantor、self）'),
      column('party_name', 'text', '分险方名称'),
      column('share_pct', 'decimal', '分险比例（%）'),
      fen('cap_amount', 'cap_fen', '分险上限金额'),
    ],
    null,
  ),
  table(
    't_collateral_registration',
    {
      title: '抵押登记（业务系统原始落地）',
      description:
        'One row per registration of a mortgaged collateral (抵押登记) per landing window (in full ' +
        'every window).',
    },
    [
      key('registration_id', '抵押登记编号'),
      column('counter_id', 'text', '反担保编号'),
      column('registry', 'text', '登记机关'),
      column('certificate_no', 'text', '他项权证 / 不动产登记证明号'),
      time('registered_at', '登记时间'),
    ],
    null,
  ),
  table(
    't_compensation_claim',
    {
      title: '代偿通知（业务系统原始落地）',
      description:
        'One row per compensation notice from a bank (代偿通知), linked to the compensation it led ' +
        'to, per landing window (in full every window).',
    },
    [
      key('claim_id', '代偿通知编号'),
      column('contract_no', 'text', '担保合同编号'),
      time('notified_at', '通知时间'),
      fen('claimed_amount', 'claimed_amount_fen', '索赔金额'),
      column('compensation_id', 'text', '代偿编号'),
    ],
    null,
  ),
  table(
    't_write_off',
    {
      title: '损失核销（业务系统原始落地）',
      description:
        'One row per loss write-off of an unrecovered compensation (损失核销) per landing window ' +
        '(in full every window).',
    },
    [
      key('write_off_id', '核销编号'),
      column('compensation_id', 'text', '代偿编号'),
      time('written_off_at', '核销时间'),
      fen('amount', 'amount_fen', '核销金额'),
    ],
    null,
  ),
  table(
    't_deposit_refund',
    {
      title: '保证金退还（业务系统原始落地）',
      description:
        'One row per customer deposit (保证金) refunded after a release per landing window (in ' +
        'full every window).',
    },
    [
      key('refund_id', '退还编号'),
      column('contract_no', 'text', '担保合同编号'),
      time('refunded_at', '退还时间'),
      fen('amount', 'amount_fen', '退还金额'),
    ],
    null,
  ),
  table(
    't_credit_report_guarantee',
    {
      title: '征信报告对外担保明细（业务系统原始落地）',
      description:
        'One row per guarantee to a lender outside the book listed in a customer credit report ' +
        'pulled at an investigation, per landing window (in full every window).',
    },
    [
      key('record_id', '记录编号'),
      column('application_id', 'text', '申请编号（调查时查询征信）'),
      column('customer_id', 'text', '客户编号（担保人）'),
      column('report_date', 'date', '征信报告日期'),
      column('guarantee_contract_no', 'text', '外部保证合同编号'),
      column('creditor_name', 'text', '债权人（外部贷款机构）'),
      column('borrower_name', 'text', '被担保人名称'),
      column('borrower_uscc', 'uscc', '被担保人统一社会信用代码'),
      fen('guaranteed_amount', 'guaranteed_amount_fen', '担保金额'),
      column('start_date', 'date', '担保起始日'),
      column('end_date', 'date', '担保到期日'),
    ],
    null,
  ),
  table(
    't_bank_credit_line',
    {
      title: '银行授信额度（业务系统原始落地）',
      description:
        'One row per partner bank credit line to the guarantee company (one per bank and year) ' +
        'changed or new in a landing window.',
    },
    [
      key('line_id', '授信编号'),
      column('partner_id', 'text', '合作银行编号'),
      fen('line_amount', 'line_amount_fen', '授信额度'),
      fen('used_amount', 'used_amount_fen', '已用额度（在保余额）'),
      column('start_date', 'date', '授信起始日'),
      column('end_date', 'date', '授信到期日'),
      column('status', 'text', '状态（字典 credit_line_status 的标签）'),
    ],
    'updated_at',
  ),
  table(
    't_customer_credit_line',
    {
      title: '客户授信（业务系统原始落地）',
      description:
        'One row per customer credit line (revolving or one-off) changed or new in a landing window.',
    },
    [
      key('line_id', '授信编号'),
      column('customer_id', 'text', '客户编号'),
      fen('line_amount', 'line_amount_fen', '授信额度'),
      column('is_revolving', 'integer', '是否循环（1 是，0 否）'),
      column('start_date', 'date', '授信起始日'),
      column('end_date', 'date', '授信到期日'),
      column('status', 'text', '状态（字典 credit_line_status 的标签）'),
    ],
    'updated_at',
  ),
  table(
    't_related_party',
    {
      title: '关联方（业务系统原始落地）',
      description:
        'One row per related party of a customer (spouse, actual controller, company under the ' +
        'same controller) changed or new in a landing window.',
    },
    [
      key('relation_id', '关联关系编号'),
      column('customer_id', 'text', '客户编号'),
      column('relation_type', 'text', '关系类型（字典 related_party_type 的标签）'),
      column('party_name', 'text', '关联方名称或姓名'),
      column('party_id_number', 'resident_id', '关联方身份证号码'),
      column('party_uscc', 'uscc', '关联方统一社会信用代码'),
    ],
    'updated_at',
  ),
];

export function findBusinessTable(name: string): MappedTable {
  const found = BUSINESS_TABLES.find((candidate) => candidate.table === name);
  if (found === undefined) throw new Error(`未声明的业务系统表：${name}`);
  return found;
}

/** The column list `landRecords` takes for a table. */
export function rawColumnSpecs(mapped: MappedTable): ColumnSpec[] {
  return mapped.columns.map((c) => ({
    name: c.raw,
    type: c.rawType,
    required: c.required,
    description: c.description,
  }));
}

export type RawValue = string | number | null;

export type ValueResult =
  | { readonly ok: true; readonly value: RawValue }
  | { readonly ok: false; readonly reasonCode: string; readonly reason: string };

const LOCAL_DATETIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}/;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

function isCalendarDate(isoDate: string): boolean {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === isoDate;
}

/** '2025-06-30 08:00:00' (Beijing) → '2025-06-30 00:00:00' (UTC); null when not a valid time. */
export function beijingDatetimeToUtc(text: string): string | null {
  const match = LOCAL_DATETIME.exec(text.trim());
  if (match === null) return null;
  const [, day = '', clock = ''] = match;
  if (!isCalendarDate(day)) return null;
  const ms = Date.parse(`${day}T${clock}Z`);
  if (Number.isNaN(ms)) return null;
  return new Date(ms - BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** '2025-06-30 00:00:00' (UTC) → '2025-06-30 08:00:00' (Beijing), for watermark queries. */
export function utcToBeijingDatetime(text: string): string {
  const ms = Date.parse(`${text.trim().replace(' ', 'T').slice(0, 19)}Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a UTC timestamp: ${text}`);
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

function failure(code: string, mapped: MappedColumn, message: string): ValueResult {
  return {
    ok: false,
    reasonCode: `${code}:${mapped.raw}`,
    reason: `字段「${mapped.source}」${message}`,
  };
}

/** Converts one legacy value (text or NULL) to its raw value. */
export function convertValue(mapped: MappedColumn, value: SourceValue): ValueResult {
  const text = value?.trim() ?? '';
  if (text === '') {
    return mapped.required
      ? failure('required_missing', mapped, '为空或缺失')
      : { ok: true, value: null };
  }
  switch (mapped.conversion) {
    case 'text':
      return { ok: true, value: text };
    case 'region_code': {
      const code = normalizeCodeInput(text);
      return /^\d{6}$/.test(code)
        ? { ok: true, value: code }
        : failure('region_code_invalid', mapped, `应为6位行政区划代码，实际为“${text}”`);
    }
    case 'industry_code': {
      const code = normalizeCodeInput(text);
      return /^\d{4}$/.test(code)
        ? { ok: true, value: code }
        : failure('industry_code_invalid', mapped, `应为4位国民经济行业分类代码，实际为“${text}”`);
    }
    case 'uscc': {
      const parsed = parseUscc(text);
      return parsed.ok
        ? { ok: true, value: parsed.value }
        : failure('uscc_invalid', mapped, `“${text}”无效：${parsed.error.message}`);
    }
    case 'resident_id': {
      const parsed = parseResidentId(text);
      return parsed.ok
        ? { ok: true, value: parsed.value.id }
        : failure('resident_id_invalid', mapped, `“${text}”无效：${parsed.error.message}`);
    }
    case 'integer': {
      const normalised = normalizeCodeInput(text);
      return /^[+-]?\d{1,9}$/.test(normalised)
        ? { ok: true, value: Number(normalised) }
        : failure('integer_invalid', mapped, `应为整数，实际为“${text}”`);
    }
    case 'yuan_to_fen': {
      const parsed = parseYuan(text);
      return parsed.ok
        ? { ok: true, value: parsed.value }
        : failure(
            'amount_invalid',
            mapped,
            `金额“${text}”无法精确换算为分：${parsed.error.message}`,
          );
    }
    case 'decimal': {
      return /^[+-]?\d+(\.\d+)?$/.test(text)
        ? { ok: true, value: Number(text) }
        : failure('decimal_invalid', mapped, `应为数值，实际为“${text}”`);
    }
    case 'date': {
      const day = text.slice(0, 10);
      return DATE.test(text) && isCalendarDate(day)
        ? { ok: true, value: day }
        : failure('date_invalid', mapped, `应为有效日期 yyyy-MM-dd，实际为“${text}”`);
    }
    case 'beijing_datetime': {
      const utc = beijingDatetimeToUtc(text);
      return utc === null
        ? failure('datetime_invalid', mapped, `应为有效时间 yyyy-MM-dd HH:mm:ss，实际为“${text}”`)
        : { ok: true, value: utc };
    }
  }
}

export type RowResult =
  | { readonly ok: true; readonly row: Record<string, RawValue> }
  | { readonly ok: false; readonly reasonCode: string; readonly reason: string };

/** Maps one legacy row to a raw row; every failing column is named in the reason. */
export function toRawRow(mapped: MappedTable, source: SourceRow): RowResult {
  const row: Record<string, RawValue> = {};
  const codes: string[] = [];
  const reasons: string[] = [];
  for (const c of mapped.columns) {
    const result = convertValue(c, source[c.source] ?? null);
    if (result.ok) row[c.raw] = result.value;
    else {
      codes.push(result.reasonCode);
      reasons.push(result.reason);
    }
  }
  if (codes.length > 0) {
    return {
      ok: false,
      reasonCode: codes.join(';'),
      reason: `业务系统表 ${mapped.table} 的记录无效：${reasons.join('；')}`,
    };
  }
  return { ok: true, row };
}
