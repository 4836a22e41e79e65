import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from '@sg/sql-text';
import { beijingLocalSql, readSourceSql } from './bank-source-sql.ts';

/** One bank's statement period inside one drop. */
export interface StatementContext {
  readonly connection: DuckDBConnection;
  readonly worldDir: string;
  readonly bankCode: string;
  readonly bankName: string;
  /** Inclusive Beijing-local dates, `YYYY-MM-DD`. */
  readonly periodStart: string;
  readonly periodEnd: string;
  /** Folder the files are written to. */
  readonly dropDir: string;
}

/** A file written into a drop: its name inside the drop and its data rows. */
export interface WrittenFile {
  readonly file: string;
  readonly rows: number;
}

/**
 * The bank's transactions of the period with `local_time` (Beijing), in the order statements list
 * them: by account, then time, then transaction id.
 */
export function periodTransactionsSql(context: StatementContext): string {
  const local = beijingLocalSql('t.txn_time');
  return (
    `select t.*, ${local} as local_time from ${readSourceSql(context.worldDir, 'transactions')} t ` +
    `where t.bank_code = ${sqlString(context.bankCode)} and cast(${local} as date) between ` +
    `${sqlString(context.periodStart)}::date and ${sqlString(context.periodEnd)}::date ` +
    `order by t.account_no, t.txn_time, t.txn_id`
  );
}

/** Runs a `COPY … TO` and returns the number of rows it wrote. */
export async function copyRowCount(connection: DuckDBConnection, sql: string): Promise<number> {
  const reader = await connection.runAndReadAll(sql);
  const first = reader.getRows()[0]?.[0];
  return Number(first ?? 0);
}

/** Safe file-name part (account numbers, bank codes, dates). */
export function fileNamePart(text: string): string {
  return text.replace(/[^0-9A-Za-z_-]/g, '_');
}
