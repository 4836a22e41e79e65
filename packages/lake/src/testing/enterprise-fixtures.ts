import { writeFile } from 'node:fs/promises';
import type { ColumnSpec } from '../landing-request.ts';

/** The raw columns of `raw_commerce.enterprises` (the brief's contract), for lake and dbt tests. */
export const RAW_ENTERPRISE_COLUMNS: ColumnSpec[] = [
  { name: 'uscc', type: 'VARCHAR', required: true },
  { name: 'enterprise_name', type: 'VARCHAR', required: true },
  { name: 'legal_representative', type: 'VARCHAR', required: false },
  { name: 'region_code', type: 'VARCHAR', required: true },
  { name: 'industry_code', type: 'VARCHAR', required: false },
  { name: 'registered_capital_fen', type: 'BIGINT', required: false },
  { name: 'established_date', type: 'DATE', required: false },
  { name: 'registration_status', type: 'VARCHAR', required: true },
  { name: 'updated_at', type: 'TIMESTAMP', required: true },
];

/** One NDJSON record as a source would send it (values as JSON, any may be absent). */
export type RawRecord = Record<string, string | number | boolean | null>;

/** 银川市兴庆区, manufacturing (C 1311), 5 000 万元. */
export const ENTERPRISE_YINCHUAN_MILL: RawRecord = {
  uscc: '91640104MA76Q1W21E',
  enterprise_name: '宁夏塞上面粉有限公司',
  legal_representative: '马建国',
  region_code: '640104',
  industry_code: '1311',
  registered_capital_fen: 5_000_000_000,
  established_date: '2015-03-18',
  registration_status: '存续',
  updated_at: '2024-05-31T18:30:00+08:00',
};

/** 吴忠市利通区, farming cooperative (A 0111), no capital disclosed. */
export const ENTERPRISE_WUZHONG_COOP: RawRecord = {
  uscc: '93640302MA76R2X34K',
  enterprise_name: '吴忠市利通区金穗种植专业合作社',
  legal_representative: '杨秀兰',
  region_code: '640302',
  industry_code: '0111',
  registered_capital_fen: null,
  established_date: '2019-11-02',
  registration_status: '在业',
  updated_at: '2024-05-30 02:00:00',
};

/** 石嘴山市大武口区, software (I 6513), deregistered. */
export const ENTERPRISE_SHIZUISHAN_SOFTWARE: RawRecord = {
  uscc: '91640202MA76S3Y45P',
  enterprise_name: '石嘴山星河软件科技有限公司',
  legal_representative: null,
  region_code: '640202',
  industry_code: '6513',
  registered_capital_fen: 100_000_000,
  established_date: '2021-07-01',
  registration_status: '注销',
  updated_at: '2024-05-29T00:00:00Z',
};

/** Required uscc is blank: quarantined as required_missing:uscc. */
export const ENTERPRISE_MISSING_USCC: RawRecord = {
  ...ENTERPRISE_YINCHUAN_MILL,
  uscc: '  ',
  enterprise_name: '无代码企业',
};

/** Capital with decimals cannot be integer fen: quarantined as cast_failed:registered_capital_fen. */
export const ENTERPRISE_FRACTIONAL_CAPITAL: RawRecord = {
  ...ENTERPRISE_WUZHONG_COOP,
  uscc: '93640302MA76R2X99X',
  registered_capital_fen: '12.5',
};

/** An impossible date: quarantined as cast_failed:established_date. */
export const ENTERPRISE_BAD_DATE: RawRecord = {
  ...ENTERPRISE_SHIZUISHAN_SOFTWARE,
  uscc: '91640202MA76S3Y99Z',
  established_date: '2021-02-30',
};

/** Writes records as NDJSON (one JSON object per line). */
export async function writeNdjson(path: string, records: readonly RawRecord[]): Promise<string> {
  await writeFile(path, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
  return path;
}
