/**
 * From the vendor's fields to the lake's raw columns of `raw_commerce.<entity>`: names in our
 * vocabulary (docs/glossary.md), registered capital text ('500万人民币') into integer fen, vendor
 * local time (Beijing, UTC+8) into UTC. Each column also declares its Arrow type, the schema
 * language connectors publish to the catalog (docs/architecture.md). The related entities
 * (shareholders … enforcements) are declared as column lists whose `vendorField` names the wire
 * field the (already schema-checked) value comes from; `uscc` comes from the request path.
 */
import type { ColumnSpec } from '@sg/lake';
import type { VendorEnterprise } from './schemas.ts';

/** Arrow types of the raw columns (apache-arrow names). */
export type ArrowTypeName =
  'Utf8' | 'Int32' | 'Int64' | 'Float64' | 'Bool' | 'Date32<DAY>' | 'Timestamp<MICROSECOND, UTC>';

export interface CommerceColumn extends ColumnSpec {
  readonly vendorField: keyof VendorEnterprise;
  readonly arrowType: ArrowTypeName;
}

/** The raw columns of `lake.raw_commerce.enterprises`, in order. */
export const COMMERCE_ENTERPRISE_COLUMNS: readonly CommerceColumn[] = [
  {
    name: 'uscc',
    type: 'VARCHAR',
    arrowType: 'Utf8',
    required: true,
    vendorField: 'creditCode',
    description: '统一社会信用代码（已规范化为大写半角）',
  },
  {
    name: 'enterprise_name',
    type: 'VARCHAR',
    arrowType: 'Utf8',
    required: true,
    vendorField: 'name',
    description: '企业名称',
  },
  {
    name: 'legal_representative',
    type: 'VARCHAR',
    arrowType: 'Utf8',
    required: false,
    vendorField: 'legalPersonName',
    description: '法定代表人',
  },
  {
    name: 'region_code',
    type: 'VARCHAR',
    arrowType: 'Utf8',
    required: true,
    vendorField: 'areaCode',
    description: '登记机关行政区划代码（GB/T 2260）',
  },
  {
    name: 'industry_code',
    type: 'VARCHAR',
    arrowType: 'Utf8',
    required: false,
    vendorField: 'industryCode',
    description: '国民经济行业分类小类代码（GB/T 4754-2017）',
  },
  {
    name: 'registered_capital_fen',
    type: 'BIGINT',
    arrowType: 'Int64',
    required: false,
    vendorField: 'regCapital',
    description: '注册资本（分，人民币）',
  },
  {
    name: 'established_date',
    type: 'DATE',
    arrowType: 'Date32<DAY>',
    required: false,
    vendorField: 'establishDate',
    description: '成立日期',
  },
  {
    name: 'registration_status',
    type: 'VARCHAR',
    arrowType: 'Utf8',
    required: true,
    vendorField: 'regStatus',
    description: '登记状态（供应商原文，如 存续、在业、注销、吊销）',
  },
  {
    name: 'updated_at',
    type: 'TIMESTAMP',
    arrowType: 'Timestamp<MICROSECOND, UTC>',
    required: true,
    vendorField: 'updateTime',
    description: '供应商记录最后更新时间（UTC）',
  },
];

/**
 * Columns beyond the contract's nine, appended (additive schema evolution): what vendors that
 * carry them (the world-backed simulator does) say about the market subject. Absent → NULL.
 */
export const COMMERCE_ENTERPRISE_PROFILE_COLUMNS: readonly CommerceColumn[] = [
  {
    name: 'entity_type',
    type: 'VARCHAR',
    arrowType: 'Utf8',
    required: false,
    vendorField: 'entityType',
    description: '市场主体类型（企业、个体工商户、农民专业合作社）',
  },
  {
    name: 'address',
    type: 'VARCHAR',
    arrowType: 'Utf8',
    required: false,
    vendorField: 'address',
    description: '住所',
  },
  {
    name: 'phone',
    type: 'VARCHAR',
    arrowType: 'Utf8',
    required: false,
    vendorField: 'phone',
    description: '联系电话',
  },
  {
    name: 'business_scope',
    type: 'VARCHAR',
    arrowType: 'Utf8',
    required: false,
    vendorField: 'businessScope',
    description: '经营范围',
  },
];

/** Plain ColumnSpec objects, as `landRecords` takes them. */
export function toColumnSpecs(
  columns: readonly (ColumnSpec & { readonly arrowType: ArrowTypeName })[],
): ColumnSpec[] {
  return columns.map(({ name, type, required, description }) => ({
    name,
    type,
    required,
    ...(description === undefined ? {} : { description }),
  }));
}

/** The column list `landRecords` takes for enterprises: the contract columns, then the profile. */
export function commerceEnterpriseColumnSpecs(): ColumnSpec[] {
  return toColumnSpecs([...COMMERCE_ENTERPRISE_COLUMNS, ...COMMERCE_ENTERPRISE_PROFILE_COLUMNS]);
}

/** A raw column of a related entity; `vendorField: null` = the enterprise's code (request path). */
export interface RelatedColumn extends ColumnSpec {
  readonly vendorField: string | null;
  readonly arrowType: ArrowTypeName;
}

function text(
  name: string,
  vendorField: string,
  required: boolean,
  description: string,
): RelatedColumn {
  return { name, type: 'VARCHAR', arrowType: 'Utf8', required, vendorField, description };
}
function date(name: string, vendorField: string, required: boolean, description: string) {
  return {
    name,
    type: 'DATE',
    arrowType: 'Date32<DAY>',
    required,
    vendorField,
    description,
  } satisfies RelatedColumn;
}
function fen(name: string, vendorField: string, description: string): RelatedColumn {
  return { name, type: 'BIGINT', arrowType: 'Int64', required: false, vendorField, description };
}
const ENTERPRISE_CODE: RelatedColumn = {
  name: 'uscc',
  type: 'VARCHAR',
  arrowType: 'Utf8',
  required: true,
  vendorField: null,
  description: '所属企业统一社会信用代码（已规范化）',
};

/** Raw columns of each related entity (`raw_commerce.<entity>`), in order. */
export const COMMERCE_RELATED_COLUMNS = {
  shareholders: [
    ENTERPRISE_CODE,
    text('shareholder_name', 'shareholderName', true, '股东名称'),
    text('shareholder_type', 'shareholderType', false, '股东类型（自然人、企业法人）'),
    text('shareholder_uscc', 'shareholderCreditCode', false, '企业股东的统一社会信用代码'),
    text('shareholder_id_masked', 'shareholderIdMasked', false, '自然人股东证件号（脱敏）'),
    {
      name: 'stake_percent',
      type: 'DOUBLE',
      arrowType: 'Float64',
      required: false,
      vendorField: 'stakePercent',
      description: '持股比例（%）',
    },
    fen('subscribed_capital_fen', 'subscribedCapitalFen', '认缴出资额（分）'),
  ],
  executives: [
    ENTERPRISE_CODE,
    text('person_name', 'name', true, '主要人员姓名'),
    text('position', 'position', false, '职务'),
  ],
  changes: [
    ENTERPRISE_CODE,
    date('change_date', 'changeDate', true, '变更日期'),
    text('change_item', 'changeItem', true, '变更事项'),
    text('before_content', 'beforeContent', false, '变更前内容'),
    text('after_content', 'afterContent', false, '变更后内容'),
  ],
  penalties: [
    ENTERPRISE_CODE,
    text('decision_no', 'decisionNo', true, '行政处罚决定书文号'),
    date('decision_date', 'decisionDate', true, '处罚决定日期'),
    text('authority', 'authority', false, '处罚机关'),
    text('content', 'content', false, '处罚内容'),
    fen('amount_fen', 'amountFen', '罚没金额（分）'),
  ],
  abnormal_operations: [
    ENTERPRISE_CODE,
    date('listed_date', 'listedDate', true, '列入经营异常名录日期'),
    text('listed_reason', 'listedReason', false, '列入原因'),
    date('removed_date', 'removedDate', false, '移出日期（未移出为空）'),
  ],
  court_cases: [
    ENTERPRISE_CODE,
    text('case_no', 'caseNo', true, '案号'),
    date('filing_date', 'filingDate', true, '立案日期'),
    text('case_type', 'caseType', false, '案由'),
    text('role', 'role', false, '诉讼地位（原告、被告、第三人）'),
    fen('amount_fen', 'amountFen', '涉案金额（分）'),
  ],
  enforcements: [
    ENTERPRISE_CODE,
    text('case_no', 'caseNo', true, '执行案号'),
    date('filing_date', 'filingDate', true, '立案日期'),
    fen('amount_fen', 'amountFen', '执行标的（分）'),
    {
      name: 'is_dishonest',
      type: 'BOOLEAN',
      arrowType: 'Bool',
      required: false,
      vendorField: 'isDishonest',
      description: '是否失信被执行人',
    },
    text('court', 'court', false, '执行法院'),
  ],
  annual_reports: [
    ENTERPRISE_CODE,
    {
      name: 'report_year',
      type: 'INTEGER',
      arrowType: 'Int32',
      required: true,
      vendorField: 'reportYear',
      description: '年报年度',
    },
    date('report_date', 'reportDate', true, '年报报送日期（6月30日之后为逾期报送）'),
    text('submit_method', 'submitMethod', false, '报送方式（网上申报、纸质申报）'),
    text('disclosure', 'disclosure', false, '公示状态（公示、企业选择不公示）'),
    {
      name: 'employee_count',
      type: 'INTEGER',
      arrowType: 'Int32',
      required: false,
      vendorField: 'employeeCount',
      description: '从业人数',
    },
    fen('operating_revenue_fen', 'operatingRevenueFen', '营业总收入（分）'),
    fen('total_assets_fen', 'totalAssetsFen', '资产总额（分）'),
  ],
} as const satisfies Record<string, readonly RelatedColumn[]>;

export type CommerceRelatedEntity = keyof typeof COMMERCE_RELATED_COLUMNS;

/**
 * A schema-checked related record → its raw row (column name → value), the enterprise's code
 * filled in from the request.
 */
export function toRawRelatedRow(
  columns: readonly RelatedColumn[],
  uscc: string,
  record: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const column of columns) {
    row[column.name] = column.vendorField === null ? uscc : (record[column.vendorField] ?? null);
  }
  return row;
}

/** One row of `raw_commerce.enterprises`, as written to NDJSON. */
export interface RawEnterpriseRow {
  readonly uscc: string;
  readonly enterprise_name: string;
  readonly legal_representative: string | null;
  readonly region_code: string;
  readonly industry_code: string | null;
  readonly registered_capital_fen: number | null;
  /** 'YYYY-MM-DD'. */
  readonly established_date: string | null;
  readonly registration_status: string;
  /** UTC, 'YYYY-MM-DD HH:MM:SS' (DuckDB TIMESTAMP text). */
  readonly updated_at: string;
  /** Profile columns: present only when the vendor sent a value (absent lands as NULL). */
  readonly entity_type?: string;
  readonly address?: string;
  readonly phone?: string;
  readonly business_scope?: string;
}

export type MappingResult =
  | { readonly ok: true; readonly row: RawEnterpriseRow }
  | { readonly ok: false; readonly reasonCode: string; readonly reason: string };

export type CapitalResult =
  | { readonly ok: true; readonly fen: number | null }
  | { readonly ok: false; readonly reasonCode: string; readonly reason: string };

const FEN_PER_WAN_DIGITS = 6; // 1万元 = 10^6 fen
const CAPITAL_TEXT = /^(\d{1,12})(?:\.(\d+))?万(?:元)?(人民币|美元|港元|港币|欧元|日元)?$/;
const UNKNOWN_CAPITAL = new Set(['-', '--', '未公开', '暂无']);

/**
 * '500万人民币' → 500_000_000 fen. Accepts 万元人民币 / 万元 / 万 (RMB implied). Exact: decimal text
 * is shifted, never multiplied as a float. Unknown ('-', '未公开') and null → null.
 */
export function parseRegisteredCapitalFen(text: string | null): CapitalResult {
  if (text === null || UNKNOWN_CAPITAL.has(text.replaceAll(/\s/g, '')))
    return { ok: true, fen: null };
  const match = CAPITAL_TEXT.exec(text.replaceAll(/[\s,]/g, ''));
  if (match === null) {
    return {
      ok: false,
      reasonCode: 'registered_capital_invalid',
      reason: `注册资本格式无法识别：“${text}”`,
    };
  }
  const [, whole = '0', fraction = '', currency = '人民币'] = match;
  if (currency !== '人民币') {
    return {
      ok: false,
      reasonCode: 'registered_capital_currency',
      reason: `注册资本币种为${currency}，原始数据层只接收人民币：“${text}”`,
    };
  }
  const trimmedFraction = fraction.replace(/0+$/, '');
  if (trimmedFraction.length > FEN_PER_WAN_DIGITS) {
    return {
      ok: false,
      reasonCode: 'registered_capital_invalid',
      reason: `注册资本精度超过1分：“${text}”`,
    };
  }
  const fen = BigInt(whole + trimmedFraction.padEnd(FEN_PER_WAN_DIGITS, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) {
    return {
      ok: false,
      reasonCode: 'registered_capital_invalid',
      reason: `注册资本超出范围：“${text}”`,
    };
  }
  return { ok: true, fen: Number(fen) };
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** '2025-06-30 08:00:00' (Beijing) → '2025-06-30 00:00:00' (UTC). Input is schema-checked. */
export function beijingTimeToUtc(text: string): string {
  const utcMs = Date.parse(`${text.replace(' ', 'T')}Z`) - BEIJING_OFFSET_MS;
  return new Date(utcMs).toISOString().slice(0, 19).replace('T', ' ');
}

/** Maps one schema-valid vendor record to a raw row, or says why it cannot. */
export function toRawEnterpriseRow(record: VendorEnterprise): MappingResult {
  const capital = parseRegisteredCapitalFen(record.regCapital);
  if (!capital.ok) return capital;
  return {
    ok: true,
    row: {
      uscc: record.creditCode,
      enterprise_name: record.name,
      legal_representative: record.legalPersonName,
      region_code: record.areaCode,
      industry_code: record.industryCode,
      registered_capital_fen: capital.fen,
      established_date: record.establishDate,
      registration_status: record.regStatus,
      updated_at: beijingTimeToUtc(record.updateTime),
      ...(record.entityType === undefined ? {} : { entity_type: record.entityType }),
      ...(record.address === undefined ? {} : { address: record.address }),
      ...(record.phone === undefined ? {} : { phone: record.phone }),
      ...(record.businessScope === undefined ? {} : { business_scope: record.businessScope }),
    },
  };
}

/**
 * `raw_commerce.change_feed`: the change-feed entries a landing consumed (the whole feed for a full
 * landing, the entries after the resume cursor for an incremental one). The next incremental
 * landing resumes from the `feed_cursor` of the latest entry (land-source.ts).
 */
export const COMMERCE_CHANGE_FEED_COLUMNS: readonly (ColumnSpec & {
  readonly arrowType: ArrowTypeName;
})[] = [
  {
    name: 'uscc',
    type: 'VARCHAR',
    arrowType: 'Utf8',
    required: true,
    description: '发生变更的企业统一社会信用代码（已规范化）',
  },
  {
    name: 'changed_at',
    type: 'TIMESTAMP',
    arrowType: 'Timestamp<MICROSECOND, UTC>',
    required: true,
    description: '该企业最近一次变更时间（UTC）',
  },
  {
    name: 'feed_cursor',
    type: 'VARCHAR',
    arrowType: 'Utf8',
    required: true,
    description: '读到该条目所在页之后的变更流游标（增量拉取从最新条目的游标继续）',
  },
];
