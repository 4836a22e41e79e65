/**
 * The monthly file exchange: for one period (YYYY-MM) the tax platform drops the period's VAT
 * invoices and tax payments into an outbox folder, each as CSV and as XLSX, with a manifest that
 * names every file with its row count, size and sha256.
 *
 *   <outbox>/<period>_<sequence>/            e.g. 2025-05_01; a correction of the period is _02, …
 *     vat_invoices_202505.csv   .xlsx
 *     tax_payments_202505.csv   .xlsx
 *     manifest.json
 *
 * CSV is UTF-8 **with a BOM** (the form 电子税务局 exports take so that Excel on Windows opens
 * them correctly; GBK belongs to older desktop tools and is what the bank layouts exercise), comma
 * separated, header row in Chinese, amounts in yuan with two decimals, dates yyyy-MM-dd, codes as
 * text. XLSX has the same header and rows; codes and dates are text cells, amounts are numbers.
 * DuckDB reads the world's NDJSON and writes both files (the excel extension from the wheels'
 * folder), so a large world never passes through JS objects.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createOfflineInstance } from '@sg/duckdb-instance';
import { sqlString } from '@sg/sql-text';
import { z } from 'zod';
import { TAX_SOURCE_FILES } from './tax-records.ts';
import { taxSourceDir } from './tax-world.ts';

export const DROP_ENCODING = 'UTF-8-BOM';
export const UTF8_BOM = '\ufeff';

export type DropEntity = 'vat_invoices' | 'tax_payments';
export type DropFormat = 'csv' | 'xlsx';

export interface DropFileEntry {
  readonly name: string;
  readonly entity: DropEntity;
  readonly format: DropFormat;
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
}

export interface DropManifest {
  readonly exchange: 'sg-tax-monthly';
  readonly period: string;
  readonly sequence: number;
  readonly generatedAt: string;
  readonly encoding: typeof DROP_ENCODING;
  readonly files: readonly DropFileEntry[];
}

export interface MonthlyDropOptions {
  readonly worldDir: string;
  readonly outboxDir: string;
  /** YYYY-MM. */
  readonly period: string;
  /** 1 for the first drop of a period; a correction re-issues the whole period as 2, 3, … */
  readonly sequence?: number;
  readonly extensionDirectory?: string;
}

/** Header (Chinese, as the platform names it) → the world field it is written from. */
export const DROP_HEADERS: Readonly<Record<DropEntity, readonly (readonly [string, string])[]>> = {
  vat_invoices: [
    ['发票号码', 'invoice_no'],
    ['所属期', 'period'],
    ['开票日期', 'issue_date'],
    ['销方纳税人识别号', 'seller_uscc'],
    ['销方名称', 'seller_name'],
    ['购方纳税人识别号', 'buyer_uscc'],
    ['购方名称', 'buyer_name'],
    ['金额', 'amount_fen'],
    ['税额', 'tax_fen'],
    ['发票状态', 'invoice_status'],
  ],
  tax_payments: [
    ['纳税人识别号', 'uscc'],
    ['所属期', 'period'],
    ['税种', 'tax_type'],
    ['实缴金额', 'paid_fen'],
    ['缴款日期', 'paid_date'],
  ],
};

const ORDER_BY: Record<DropEntity, string> = {
  vat_invoices: 'invoice_no',
  tax_payments: 'uscc, tax_type, paid_date, paid_fen',
};

const WORLD_FILES: Record<DropEntity, string> = {
  vat_invoices: TAX_SOURCE_FILES.vatInvoices,
  tax_payments: TAX_SOURCE_FILES.taxPayments,
};

const COLUMN_TYPES: Record<DropEntity, string> = {
  vat_invoices:
    "{invoice_no: 'VARCHAR', period: 'VARCHAR', issue_date: 'VARCHAR', seller_uscc: 'VARCHAR', " +
    "seller_name: 'VARCHAR', buyer_uscc: 'VARCHAR', buyer_name: 'VARCHAR', amount_fen: 'BIGINT', " +
    "tax_fen: 'BIGINT', invoice_status: 'VARCHAR'}",
  tax_payments:
    "{uscc: 'VARCHAR', period: 'VARCHAR', tax_type: 'VARCHAR', paid_fen: 'BIGINT', paid_date: 'VARCHAR'}",
};

const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '所属期应为 yyyy-MM');

/** Exact fen → yuan text in SQL: -156000 → '-1560.00'. */
function yuanTextSql(column: string): string {
  return (
    `(case when ${column} < 0 then '-' else '' end) || (abs(${column}) // 100)::varchar || '.' || ` +
    `lpad((abs(${column}) % 100)::varchar, 2, '0')`
  );
}

function selectSql(
  entity: DropEntity,
  sourcePath: string,
  period: string,
  forXlsx: boolean,
): string {
  const columns = DROP_HEADERS[entity].map(([header, field]) => {
    const value = field.endsWith('_fen')
      ? forXlsx
        ? `(${field}::decimal(18,0) / 100)::decimal(18,2)`
        : yuanTextSql(field)
      : field;
    return `${value} as "${header}"`;
  });
  return (
    `select ${columns.join(', ')} from read_json(${sqlString(sourcePath)}, ` +
    `format = 'newline_delimited', columns = ${COLUMN_TYPES[entity]}) ` +
    `where period = ${sqlString(period)} order by ${ORDER_BY[entity]}`
  );
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** Writes one drop folder and returns its manifest (also written as manifest.json). */
export async function writeMonthlyDrop(
  options: MonthlyDropOptions,
): Promise<{ dropDir: string; manifest: DropManifest }> {
  const period = periodSchema.parse(options.period);
  const sequence = options.sequence ?? 1;
  const dropDir = join(options.outboxDir, `${period}_${String(sequence).padStart(2, '0')}`);
  await rm(dropDir, { recursive: true, force: true });
  await mkdir(dropDir, { recursive: true });
  const compact = period.replace('-', '');
  // Concurrency: one instance and connection per drop written, statements awaited in turn (0006).
  const instance = await createOfflineInstance(
    options.extensionDirectory === undefined
      ? {}
      : { extensionDirectory: options.extensionDirectory },
  );
  const files: DropFileEntry[] = [];
  try {
    const connection = await instance.connect();
    await connection.run('load json; load excel');
    for (const entity of ['vat_invoices', 'tax_payments'] as const) {
      const sourcePath = join(taxSourceDir(options.worldDir), WORLD_FILES[entity]);
      const csvName = `${entity}_${compact}.csv`;
      const xlsxName = `${entity}_${compact}.xlsx`;
      const partPath = join(dropDir, `${csvName}.part`);
      await connection.run(
        `copy (${selectSql(entity, sourcePath, period, false)}) to ${sqlString(partPath)} ` +
          `(format csv, header true, delimiter ',', quote '"')`,
      );
      const csvPath = join(dropDir, csvName);
      await writeFile(csvPath, UTF8_BOM, 'utf8');
      await pipeline(createReadStream(partPath), createWriteStream(csvPath, { flags: 'a' }));
      await rm(partPath);
      await connection.run(
        `copy (${selectSql(entity, sourcePath, period, true)}) to ${sqlString(join(dropDir, xlsxName))} ` +
          `(format xlsx, header true, sheet '${entity}')`,
      );
      const counted = await connection.runAndReadAll(
        `select count(*)::integer as n from (${selectSql(entity, sourcePath, period, false)})`,
      );
      const rows = Number(counted.getRowObjectsJson()[0]?.['n'] ?? 0);
      for (const [name, format] of [
        [csvName, 'csv'],
        [xlsxName, 'xlsx'],
      ] as const) {
        const path = join(dropDir, name);
        files.push({
          name,
          entity,
          format,
          rows,
          bytes: (await stat(path)).size,
          sha256: await sha256Of(path),
        });
      }
    }
    connection.closeSync();
  } finally {
    instance.closeSync();
  }
  const [year = '0', month = '1'] = period.split('-');
  const next = new Date(Date.UTC(Number(year), Number(month), 5 + sequence - 1, 2, 0, 0));
  const manifest: DropManifest = {
    exchange: 'sg-tax-monthly',
    period,
    sequence,
    generatedAt: `${next.toISOString().slice(0, 19)}+08:00`,
    encoding: DROP_ENCODING,
    files,
  };
  await writeFile(join(dropDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  return { dropDir, manifest };
}
