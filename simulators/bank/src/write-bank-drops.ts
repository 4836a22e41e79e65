/**
 * The bank simulator: turns the world's `sources/bank` NDJSON files into what banks really hand
 * over, one drop per bank and period in an outbox folder: statements in the bank's own export
 * layout (A: UTF-8 CSV, B: GBK CSV, C: titled XLSX per account), its account list and loan records
 * as CSV, and a manifest. Everything streams: DuckDB reads and sorts the NDJSON, COPY writes CSVs,
 * GBK is encoded on a stream, XLSX rows are streamed chunk by chunk.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { beijingLocalSql, readSourceSql } from './bank-source-sql.ts';
import { DROP_MANIFEST_FILE, DROP_MANIFEST_FORMAT, describeFiles } from './drop-manifest.ts';
import type { DropManifest } from './drop-manifest.ts';
import { openDuckdbSession } from './duckdb-session.ts';
import { writeLayoutA } from './layout-a-csv-utf8.ts';
import { writeLayoutB } from './layout-b-csv-gbk.ts';
import { writeLayoutC } from './layout-c-xlsx-titled.ts';
import type { LayoutCFaults } from './layout-c-xlsx-titled.ts';
import { writeRecordFiles } from './loan-record-files.ts';
import { fileNamePart } from './statement-context.ts';
import type { StatementContext, WrittenFile } from './statement-context.ts';

export const STATEMENT_LAYOUTS = [
  'layout_a_csv_utf8',
  'layout_b_csv_gbk',
  'layout_c_xlsx_titled',
] as const;
export type StatementLayout = (typeof STATEMENT_LAYOUTS)[number];

export interface WriteBankDropsOptions {
  /** A world folder (holding `sources/bank/*.ndjson`). */
  readonly worldDir: string;
  /** Where the drops are written, one sub-folder per drop. */
  readonly outboxDir: string;
  /** Inclusive Beijing-local dates; default: the first and last transaction date in the world. */
  readonly periodStart?: string;
  readonly periodEnd?: string;
  /** Only these banks (default: all in banks.ndjson). */
  readonly bankCodes?: readonly string[];
  readonly faults?: LayoutCFaults;
  /** DuckDB extension folder (default: @sg/duckdb-instance's resolver). */
  readonly extensionDirectory?: string;
}

const bankRowSchema = z.object({
  bank_code: z.string().min(1),
  bank_name: z.string().min(1),
  statement_layout: z.enum(STATEMENT_LAYOUTS),
});

const periodRowSchema = z.object({ first_date: z.string(), last_date: z.string() });

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The drop folder name: `<bank>-<start>_<end>`. */
export function dropIdFor(bankCode: string, periodStart: string, periodEnd: string): string {
  return `${fileNamePart(bankCode)}-${periodStart}_${periodEnd}`;
}

function statementWriter(
  layout: StatementLayout,
  faults: LayoutCFaults,
): (context: StatementContext) => Promise<WrittenFile[]> {
  const writers: Record<StatementLayout, (context: StatementContext) => Promise<WrittenFile[]>> = {
    layout_a_csv_utf8: writeLayoutA,
    layout_b_csv_gbk: writeLayoutB,
    layout_c_xlsx_titled: (context) => writeLayoutC(context, faults),
  };
  return writers[layout];
}

export async function writeBankDrops(options: WriteBankDropsOptions): Promise<DropManifest[]> {
  for (const date of [options.periodStart, options.periodEnd]) {
    if (date !== undefined && !DATE.test(date))
      throw new RangeError(`日期格式应为 YYYY-MM-DD：${date}`);
  }
  const session = await openDuckdbSession(options.extensionDirectory);
  try {
    const { connection } = session;
    const banks = z
      .array(bankRowSchema)
      .parse(
        (
          await connection.runAndReadAll(
            `select * from ${readSourceSql(options.worldDir, 'banks')} order by bank_code`,
          )
        ).getRowObjectsJson(),
      )
      .filter((bank) => options.bankCodes?.includes(bank.bank_code) ?? true);
    let periodStart = options.periodStart;
    let periodEnd = options.periodEnd;
    if (periodStart === undefined || periodEnd === undefined) {
      const local = beijingLocalSql('txn_time');
      const period = periodRowSchema.parse(
        (
          await connection.runAndReadAll(
            `select strftime(min(${local}), '%Y-%m-%d') as first_date, ` +
              `strftime(max(${local}), '%Y-%m-%d') as last_date ` +
              `from ${readSourceSql(options.worldDir, 'transactions')}`,
          )
        ).getRowObjectsJson()[0],
      );
      periodStart ??= period.first_date;
      periodEnd ??= period.last_date;
    }
    await mkdir(options.outboxDir, { recursive: true });
    const manifests: DropManifest[] = [];
    for (const bank of banks) {
      const dropId = dropIdFor(bank.bank_code, periodStart, periodEnd);
      const finalDir = join(options.outboxDir, dropId);
      const partialDir = join(options.outboxDir, `.${dropId}.partial`);
      await rm(partialDir, { recursive: true, force: true });
      await mkdir(partialDir, { recursive: true });
      const context: StatementContext = {
        connection,
        worldDir: options.worldDir,
        bankCode: bank.bank_code,
        bankName: bank.bank_name,
        periodStart,
        periodEnd,
        dropDir: partialDir,
      };
      const written = [
        ...(await statementWriter(bank.statement_layout, options.faults ?? {})(context)),
        ...(await writeRecordFiles(context)),
      ];
      const manifest: DropManifest = {
        format: DROP_MANIFEST_FORMAT,
        dropId,
        bankCode: bank.bank_code,
        bankName: bank.bank_name,
        periodStart,
        periodEnd,
        files: await describeFiles(partialDir, written),
      };
      await writeFile(
        join(partialDir, DROP_MANIFEST_FILE),
        `${JSON.stringify(manifest, null, 2)}\n`,
      );
      await rm(finalDir, { recursive: true, force: true });
      await rename(partialDir, finalDir);
      manifests.push(manifest);
    }
    return manifests;
  } finally {
    session.close();
  }
}
