/**
 * Stages one record file (accounts, loans, loan schedules, repayments) into the temp table
 * `bank_<entity>_staged`: DuckDB reads the CSV as text, the declared columns are taken by name
 * (a missing optional column is NULL; a column the connector does not know is reported).
 */
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlIdentifier, sqlString } from '@sg/sql-text';
import type { ColumnSpec } from '@sg/lake';
import { BankFileError } from './bank-errors.ts';
import { RECORD_LAYOUTS } from './record-layouts.ts';
import type { RecordEntity } from './record-layouts.ts';
import { DROP_LINEAGE_COLUMNS } from './type-mapping.ts';

/** Record files may carry the bank code; the drop's manifest is the authority. */
const BANK_CODE = 'bank_code';

export interface RecordFileSource {
  readonly path: string;
  readonly bankCode: string;
  readonly dropId: string;
  readonly dropRank: number;
}

export interface StagedRecords {
  readonly rows: number;
  readonly unknownColumns: readonly string[];
}

export function recordStagedTable(entity: RecordEntity): string {
  return `bank_${entity}_staged`;
}

/** The raw columns of `raw_bank.<entity>`: the file's columns, then the drop lineage. */
export function recordColumns(entity: RecordEntity): ColumnSpec[] {
  return [...RECORD_LAYOUTS[entity].columns, ...DROP_LINEAGE_COLUMNS];
}

export function createRecordStagedSql(entity: RecordEntity): string {
  const columns = recordColumns(entity).map((column) => `${sqlIdentifier(column.name)} varchar`);
  return (
    `create or replace temp table ${recordStagedTable(entity)} (${columns.join(', ')}, ` +
    `_drop_rank integer, _problem_code varchar, _problem varchar)`
  );
}

export async function stageRecordFile(
  connection: DuckDBConnection,
  source: RecordFileSource,
  entity: RecordEntity,
  headers: readonly string[],
): Promise<StagedRecords> {
  const present = new Set(headers);
  const layout = RECORD_LAYOUTS[entity];
  const values = layout.columns.map((column) =>
    present.has(column.name) ? `nullif(trim(${sqlIdentifier(column.name)}), '')` : 'null',
  );
  const name = basename(source.path);
  // A record file may carry the bank code itself: it must be the drop's bank.
  const fileBank = present.has(BANK_CODE)
    ? `nullif(trim(${sqlIdentifier(BANK_CODE)}), '')`
    : 'null';
  const differs = `${fileBank} is not null and ${fileBank} <> ${sqlString(source.bankCode)}`;
  const bankMismatch = {
    code: `case when ${differs} then 'bank_code_mismatch' end`,
    reason:
      `case when ${differs} then ${sqlString('记录中的银行代码「')} || ${fileBank} || ` +
      `${sqlString(`」与投递清单的银行 ${source.bankCode} 不符 [bank_code_mismatch]`)} end`,
  };
  let rows: number;
  try {
    const reader = await connection.runAndReadAll(
      `insert into ${recordStagedTable(entity)} select ${values.join(', ')}, ` +
        `${sqlString(source.bankCode)}, ${sqlString(source.dropId)}, ${sqlString(name)}, ` +
        `cast(row_number() over () + 1 as varchar), ${String(source.dropRank)}, ` +
        `${bankMismatch.code}, ${bankMismatch.reason} ` +
        `from read_csv(${sqlString(source.path)}, header = true, all_varchar = true, delim = ',', ` +
        `quote = '"', escape = '"', encoding = 'utf-8')`,
    );
    rows = Number(reader.getRows()[0]?.[0] ?? 0);
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    throw new BankFileError(
      /invalid unicode|not utf-8/i.test(message) ? 'wrong_encoding' : 'missing_columns',
      `读取记录文件「${name}」失败：${message.split('\n')[0] ?? ''}`,
      source.path,
      { cause: error },
    );
  }
  const known = new Set([...layout.columns.map((column) => column.name), BANK_CODE]);
  return { rows, unknownColumns: headers.filter((header) => header !== '' && !known.has(header)) };
}
