/**
 * The bank's record files in a drop, UTF-8 CSV with the world's field names as headers: its
 * account list and loan book as of the period end (accounts opened, loans started by then, with
 * their schedules) and the repayments made within the period. Written by DuckDB's COPY.
 */
import { join } from 'node:path';
import { sqlString } from '@sg/sql-text';
import { BANK_SOURCE_FILES, readSourceSql } from './bank-source-sql.ts';
import type { BankSourceFile } from './bank-source-sql.ts';
import { copyRowCount } from './statement-context.ts';
import type { StatementContext, WrittenFile } from './statement-context.ts';

export const RECORD_FILES = ['accounts', 'loans', 'loan_schedules', 'repayments'] as const;
export type RecordFile = (typeof RECORD_FILES)[number];

function recordSelectSql(context: StatementContext, file: RecordFile): string {
  const bank = sqlString(context.bankCode);
  const start = `${sqlString(context.periodStart)}::date`;
  const end = `${sqlString(context.periodEnd)}::date`;
  const bankLoans =
    `select loan_no from ${readSourceSql(context.worldDir, 'loans')} ` +
    `where bank_code = ${bank} and start_date <= ${end}`;
  const byFile: Record<RecordFile, string> = {
    accounts:
      `select * from ${readSourceSql(context.worldDir, 'accounts')} ` +
      `where bank_code = ${bank} and opened_date <= ${end} order by account_no`,
    loans:
      `select * from ${readSourceSql(context.worldDir, 'loans')} ` +
      `where bank_code = ${bank} and start_date <= ${end} order by loan_no`,
    loan_schedules:
      `select * from ${readSourceSql(context.worldDir, 'loan_schedules')} ` +
      `where loan_no in (${bankLoans}) order by loan_no, period_no`,
    repayments:
      `select * from ${readSourceSql(context.worldDir, 'repayments')} ` +
      `where loan_no in (${bankLoans}) and paid_date between ${start} and ${end} ` +
      `order by loan_no, period_no, paid_date`,
  };
  const columns = Object.keys(BANK_SOURCE_FILES[file satisfies BankSourceFile])
    .map((name) => `"${name}"`)
    .join(', ');
  return `select ${columns} from (${byFile[file]})`;
}

export async function writeRecordFiles(context: StatementContext): Promise<WrittenFile[]> {
  const written: WrittenFile[] = [];
  for (const file of RECORD_FILES) {
    const name = `${file}.csv`;
    const rows = await copyRowCount(
      context.connection,
      `copy (${recordSelectSql(context, file)}) to ${sqlString(join(context.dropDir, name))} ` +
        `(format csv, header true)`,
    );
    written.push({ file: name, rows });
  }
  return written;
}
