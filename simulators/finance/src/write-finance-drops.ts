/**
 * The finance system's month-end exports as drops: one folder per month and issue,
 * `<yyyy-mm>_<nn>/` (nn = the issue's sequence; a restatement is a later sequence of the same
 * month), holding `财务月报_<yyyy-mm>.xlsx` and `manifest.json` (format, period, sequence, issue
 * date, the workbook's sha256). A drop is written under a hidden `.<name>.partial/` folder and
 * renamed when complete, so a reader never sees half a drop.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NO_DEFECTS, RESTATED_CODES, planExportDefects } from './export-defects.ts';
import type { ExportDefects } from './export-defects.ts';
import { writeStatementWorkbook } from './statement-workbook.ts';
import type { WorkbookVariant } from './statement-workbook.ts';
import { readWorldBooks } from './world-books.ts';
import type { MonthBooks } from './world-books.ts';

export const FINANCE_DROP_FORMAT = 'sg-finance-drop/1';
export const FINANCE_DROP_MANIFEST = 'manifest.json';

export interface FinanceDropManifest {
  readonly format: typeof FINANCE_DROP_FORMAT;
  readonly period: string;
  readonly sequence: number;
  /** The day the accountants issued it (yyyy-mm-dd). */
  readonly issuedOn: string;
  /** Why it was issued: the month-end close, or a correction of an earlier issue. */
  readonly reason: '月结' | '更正';
  readonly file: string;
  readonly sha256: string;
}

export interface WriteFinanceDropsOptions {
  readonly worldDir: string;
  readonly outboxDir: string;
  /** Default true: the defects of export-defects.ts. */
  readonly defects?: boolean;
}

export function dropNameOf(period: string, sequence: number): string {
  return `${period}_${String(sequence).padStart(2, '0')}`;
}

function dayAfterMonthEnd(period: string, days: number): Date {
  const [year, month] = period.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, month ?? 1, days));
}

async function writeDrop(
  outboxDir: string,
  books: MonthBooks,
  issue: { sequence: number; variant: WorkbookVariant; issuedAt: Date },
): Promise<FinanceDropManifest> {
  const name = dropNameOf(books.period, issue.sequence);
  const partial = join(outboxDir, `.${name}.partial`);
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  const file = `财务月报_${books.period}.xlsx`;
  await writeStatementWorkbook(join(partial, file), books, issue.variant, issue.issuedAt);
  const sha256 = createHash('sha256')
    .update(await readFile(join(partial, file)))
    .digest('hex');
  const manifest: FinanceDropManifest = {
    format: FINANCE_DROP_FORMAT,
    period: books.period,
    sequence: issue.sequence,
    issuedOn: issue.issuedAt.toISOString().slice(0, 10),
    reason: issue.sequence === 1 ? '月结' : '更正',
    file,
    sha256,
  };
  await writeFile(join(partial, FINANCE_DROP_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  const finalDir = join(outboxDir, name);
  await rm(finalDir, { recursive: true, force: true });
  await rename(partial, finalDir);
  return manifest;
}

/** The issues of one month: the month-end close, and a correction when the month is restated. */
function issuesOf(
  books: MonthBooks,
  defects: ExportDefects,
): { sequence: number; variant: WorkbookVariant; issuedAt: Date }[] {
  const clean: WorkbookVariant = {
    shiftedCodes: [],
    shiftFen: 0,
    subtotalRow: defects.subtotalRowPeriod === books.period,
    textAmount: defects.textAmountPeriod === books.period,
  };
  const close = { sequence: 1, variant: clean, issuedAt: dayAfterMonthEnd(books.period, 10) };
  if (defects.restatedPeriod !== books.period) return [close];
  return [
    {
      ...close,
      variant: { ...clean, shiftedCodes: RESTATED_CODES, shiftFen: defects.restatementDeltaFen },
    },
    { sequence: 2, variant: clean, issuedAt: dayAfterMonthEnd(books.period, 45) },
  ];
}

/** Writes every month of the world's books to the outbox; returns the manifests written. */
export async function writeFinanceDrops(
  options: WriteFinanceDropsOptions,
): Promise<FinanceDropManifest[]> {
  const months = await readWorldBooks(options.worldDir);
  const defects =
    options.defects === false ? NO_DEFECTS : planExportDefects(months.map((m) => m.period));
  await mkdir(options.outboxDir, { recursive: true });
  const manifests: FinanceDropManifest[] = [];
  for (const books of months) {
    for (const issue of issuesOf(books, defects)) {
      manifests.push(await writeDrop(options.outboxDir, books, issue));
    }
  }
  return manifests;
}
