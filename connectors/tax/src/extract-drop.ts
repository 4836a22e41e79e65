/**
 * Extraction of one file of a monthly drop: verify it against the manifest (sha256), make sure
 * the bytes are UTF-8 (a GBK file is refused with a clear message, never landed as mojibake),
 * compare the header with the expected columns (new, missing or retyped columns are reported as
 * drift notices, a missing required column refuses the file), let DuckDB parse and check the rows
 * (drop-sql.ts), write the valid rows to Parquet with DuckDB's COPY and return the rest as
 * quarantined records. Row counts reconcile: file rows = manifest rows = valid + quarantined.
 */
import { createReadStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSpec, QuarantinedRecord } from '@sg/lake';
import { z } from 'zod';
import { verifyDropFile } from './drop-manifest.ts';
import type { DropFile, DropManifest } from './drop-manifest.ts';
import {
  CHECK_SUMMARY_SQL,
  QUARANTINED_ROWS_SQL,
  checkRowsSql,
  copyValidRowsSql,
  headerProbeSql,
  inferredTypesSql,
  readTextSql,
  usccMacroSql,
} from './drop-sql.ts';
import { TaxFileError } from './tax-file-error.ts';
import { FILE_COLUMNS, taxFileColumnSpecs } from './type-mapping.ts';
import type { TaxFileEntity } from './type-mapping.ts';

export type DriftKind = 'new_column' | 'missing_column' | 'retyped_column' | 'bom_missing';

export interface DriftNotice {
  readonly kind: DriftKind;
  readonly column?: string;
  /** Chinese, for the data console. */
  readonly message: string;
}

export interface FileExtractResult {
  readonly entity: TaxFileEntity;
  readonly file: DropFile;
  /** The valid rows, written by DuckDB (landRecords reads it). */
  readonly parquetPath: string;
  readonly columns: ColumnSpec[];
  /** Data rows in the file (= manifest rows). */
  readonly fileRows: number;
  /** Rows written to the Parquet file. */
  readonly count: number;
  readonly quarantined: QuarantinedRecord[];
  readonly drift: DriftNotice[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

async function startsWithBom(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(3);
    const { bytesRead } = await handle.read(buffer, 0, 3, 0);
    return bytesRead === 3 && UTF8_BOM.every((byte, i) => buffer[i] === byte);
  } finally {
    await handle.close();
  }
}

/** True when every byte sequence of the file is valid UTF-8 (streamed, any size). */
export async function isUtf8File(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

async function rowsOf(connection: DuckDBConnection, sql: string): Promise<unknown[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJson();
}

const NUMERIC_TYPES =
  /^(DOUBLE|FLOAT|DECIMAL|BIGINT|INTEGER|HUGEINT|SMALLINT|TINYINT|UBIGINT|UINTEGER)/;
const describeRowSchema = z.object({ column_name: z.string(), column_type: z.string() });

/** Columns whose values DuckDB no longer reads as the expected kind (e.g. '1,234元' amounts). */
async function retypedColumns(
  connection: DuckDBConnection,
  format: 'csv' | 'xlsx',
  path: string,
  entity: TaxFileEntity,
): Promise<DriftNotice[]> {
  let inferred: Map<string, string>;
  try {
    const rows = z
      .array(describeRowSchema)
      .parse(await rowsOf(connection, inferredTypesSql(format, path)));
    inferred = new Map(rows.map((row) => [row.column_name, row.column_type]));
  } catch {
    return [];
  }
  const notices: DriftNotice[] = [];
  for (const column of FILE_COLUMNS[entity]) {
    const type = inferred.get(column.header);
    if (type === undefined || (type === 'VARCHAR' && column.kind !== 'yuan')) continue;
    const expectsNumber = column.kind === 'yuan';
    const isNumber = NUMERIC_TYPES.test(type);
    // Dates are checked in CSV only (XLSX exports hold them as text cells).
    const expectsDate = column.kind === 'date' && format === 'csv';
    if ((expectsNumber && !isNumber) || (expectsDate && type !== 'DATE')) {
      notices.push({
        kind: 'retyped_column',
        column: column.header,
        message: `列“${column.header}”的取值类型变为 ${type}（应为${expectsNumber ? '数值金额' : '日期'}），无法转换的行已隔离`,
      });
    }
  }
  return notices;
}

export interface ExtractFileOptions {
  readonly dropDir: string;
  readonly manifest: DropManifest;
  readonly file: DropFile;
  readonly outDir: string;
}

export async function extractDropFile(
  connection: DuckDBConnection,
  options: ExtractFileOptions,
): Promise<FileExtractResult> {
  const { file, manifest } = options;
  const path = join(options.dropDir, file.name);
  await verifyDropFile(options.dropDir, file);
  const drift: DriftNotice[] = [];

  if (file.format === 'csv') {
    if (!(await isUtf8File(path))) {
      throw new TaxFileError(
        'encoding',
        `文件 ${file.name} 不是 UTF-8 编码（可能是 GBK 导出），已拒收；请对方按约定以 UTF-8（带 BOM）重新投递`,
      );
    }
    if (manifest.encoding === 'UTF-8-BOM' && !(await startsWithBom(path))) {
      drift.push({
        kind: 'bom_missing',
        message: `文件 ${file.name} 缺少 UTF-8 BOM（内容为有效 UTF-8，已继续处理）`,
      });
    }
  }

  let headers: string[];
  try {
    headers = (await connection.runAndReadAll(headerProbeSql(file.format, path))).columnNames();
  } catch (cause) {
    throw new TaxFileError(
      'unreadable',
      `无法解析文件 ${file.name}：${cause instanceof Error ? (cause.message.split('\n')[0] ?? '') : String(cause)}`,
      { cause },
    );
  }
  const expected = FILE_COLUMNS[file.entity];
  const expectedHeaders = new Set(expected.map((column) => column.header));
  const present = new Set(headers);
  for (const column of expected) {
    if (present.has(column.header)) continue;
    if (column.required) {
      throw new TaxFileError(
        'missing_column',
        `文件 ${file.name} 缺少必需的列“${column.header}”，已拒收`,
      );
    }
    drift.push({
      kind: 'missing_column',
      column: column.header,
      message: `文件 ${file.name} 缺少可选列“${column.header}”，按空值处理`,
    });
  }
  for (const header of headers) {
    if (!expectedHeaders.has(header)) {
      drift.push({
        kind: 'new_column',
        column: header,
        message: `文件 ${file.name} 出现新列“${header}”，未入湖，请确认接口变更`,
      });
    }
  }
  drift.push(...(await retypedColumns(connection, file.format, path, file.entity)));

  try {
    await connection.run(readTextSql(file.format, path, headers));
  } catch (cause) {
    throw new TaxFileError(
      'unreadable',
      `无法解析文件 ${file.name}：${cause instanceof Error ? (cause.message.split('\n')[0] ?? '') : String(cause)}`,
      { cause },
    );
  }
  await connection.run(usccMacroSql());
  await connection.run(checkRowsSql(file.entity, manifest.period, file.name, headers));
  const summary = z
    .object({ file_rows: z.int(), valid_rows: z.int() })
    .parse((await rowsOf(connection, CHECK_SUMMARY_SQL))[0]);
  if (summary.file_rows !== file.rows) {
    throw new TaxFileError(
      'row_count_mismatch',
      `文件 ${file.name} 有 ${String(summary.file_rows)} 行数据，清单记载 ${String(file.rows)} 行，已拒收`,
    );
  }
  await mkdir(options.outDir, { recursive: true });
  const parquetPath = join(options.outDir, `tax-${file.entity}-${manifest.period}.parquet`);
  await connection.run(copyValidRowsSql(file.entity, parquetPath));
  const quarantined = z
    .array(z.object({ record: z.string(), reason_code: z.string(), reason: z.string() }))
    .parse(await rowsOf(connection, QUARANTINED_ROWS_SQL))
    .map((row) => ({ record: row.record, reason: row.reason, reasonCode: row.reason_code }));
  return {
    entity: file.entity,
    file,
    parquetPath,
    columns: taxFileColumnSpecs(file.entity),
    fileRows: summary.file_rows,
    count: summary.valid_rows,
    quarantined,
    drift,
  };
}
