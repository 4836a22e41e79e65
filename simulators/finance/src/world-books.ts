/**
 * The company's books as the world holds them (`sources/finance/*.ndjson`, WORLD_SYSTEM.md),
 * read and grouped by month. The files are small (a few dozen lines per month), so they are read
 * whole.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export const balanceSheetRowSchema = z.object({
  period: z.string().regex(/^\d{4}-\d{2}$/),
  item_code: z.string(),
  item_name: z.string(),
  section: z.enum(['asset', 'liability', 'equity']),
  asset_class: z.enum(['I', 'II', 'III']).nullable(),
  is_total: z.boolean(),
  closing_fen: z.number().int(),
  year_opening_fen: z.number().int(),
});
export type BalanceSheetRow = z.infer<typeof balanceSheetRowSchema>;

export const incomeStatementRowSchema = z.object({
  period: z.string(),
  item_code: z.string(),
  item_name: z.string(),
  is_total: z.boolean(),
  month_fen: z.number().int(),
  year_to_date_fen: z.number().int(),
});
export type IncomeStatementRow = z.infer<typeof incomeStatementRowSchema>;

export const supplementaryRowSchema = z.object({
  period: z.string(),
  item_code: z.string(),
  item_name: z.string(),
  unit: z.enum(['元', '笔']),
  amount_fen: z.number().int().nullable(),
  count: z.number().int().nullable(),
});
export type SupplementaryRow = z.infer<typeof supplementaryRowSchema>;

export interface MonthBooks {
  readonly period: string;
  readonly balanceSheet: BalanceSheetRow[];
  readonly incomeStatement: IncomeStatementRow[];
  readonly supplementary: SupplementaryRow[];
}

async function readRows<T>(path: string, schema: z.ZodType<T>): Promise<T[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => schema.parse(JSON.parse(line)));
}

/** The world's books, one entry per month in period order. */
export async function readWorldBooks(worldDir: string): Promise<MonthBooks[]> {
  const dir = join(worldDir, 'sources', 'finance');
  const [balance, income, supplementary] = await Promise.all([
    readRows(join(dir, 'balance_sheet_items.ndjson'), balanceSheetRowSchema),
    readRows(join(dir, 'income_statement_items.ndjson'), incomeStatementRowSchema),
    readRows(join(dir, 'supplementary_items.ndjson'), supplementaryRowSchema),
  ]);
  const months = new Map<string, MonthBooks>();
  const monthOf = (period: string): MonthBooks => {
    let month = months.get(period);
    if (month === undefined) {
      month = { period, balanceSheet: [], incomeStatement: [], supplementary: [] };
      months.set(period, month);
    }
    return month;
  };
  for (const row of balance) monthOf(row.period).balanceSheet.push(row);
  for (const row of income) monthOf(row.period).incomeStatement.push(row);
  for (const row of supplementary) monthOf(row.period).supplementary.push(row);
  return [...months.values()].sort((a, b) => a.period.localeCompare(b.period));
}
