/**
 * From the vendor's fields to the lake's raw columns of `raw_commerce.enterprises`: names in our
 * vocabulary (docs/glossary.md), registered capital text ('500万人民币') into integer fen, vendor
 * local time (Beijing, UTC+8) into UTC. Each column also declares its Arrow type, the schema
 * language connectors publish to the catalog (docs/architecture.md).
 */
import type { ColumnSpec } from '@sg/lake';
import type { VendorEnterprise } from './schemas.ts';

/** Arrow types of the raw columns (apache-arrow names). */
export type ArrowTypeName = 'Utf8' | 'Int64' | 'Date32<DAY>' | 'Timestamp<MICROSECOND, UTC>';

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

/** The column list `landRecords` takes (plain ColumnSpec objects). */
export function commerceEnterpriseColumnSpecs(): ColumnSpec[] {
  return COMMERCE_ENTERPRISE_COLUMNS.map(({ name, type, required, description }) => ({
    name,
    type,
    required,
    ...(description === undefined ? {} : { description }),
  }));
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
    },
  };
}
