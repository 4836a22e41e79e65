/**
 * Layout A: one UTF-8 CSV per bank and period covering all its accounts, English-ish headers
 * (the style of a cash-management / host-to-host export). Written by DuckDB's COPY straight from
 * the NDJSON source.
 */
import { join } from 'node:path';
import { sqlString } from '@sg/sql-text';
import { yuanTextSql } from './bank-source-sql.ts';
import { copyRowCount, fileNamePart, periodTransactionsSql } from './statement-context.ts';
import type { StatementContext, WrittenFile } from './statement-context.ts';

export const LAYOUT_A_HEADERS = [
  'Account No',
  'Transaction ID',
  'Value Date',
  'Time',
  'Dr/Cr',
  'Amount',
  'Balance',
  'Counterparty Account',
  'Counterparty Name',
  'Narrative',
  'Currency',
] as const;

export async function writeLayoutA(context: StatementContext): Promise<WrittenFile[]> {
  const file = `statement-${fileNamePart(context.bankCode)}-${context.periodStart}-${context.periodEnd}.csv`;
  const values = [
    'account_no',
    'txn_id',
    `strftime(local_time, '%Y-%m-%d')`,
    `strftime(local_time, '%H:%M:%S')`,
    `case direction when '借' then 'DR' else 'CR' end`,
    yuanTextSql('amount_fen', false),
    yuanTextSql('balance_fen', false),
    'counterparty_account',
    'counterparty_name',
    'summary',
    `'CNY'`,
  ];
  const select = values
    .map((value, index) => `${value} as "${LAYOUT_A_HEADERS[index] ?? ''}"`)
    .join(', ');
  const rows = await copyRowCount(
    context.connection,
    `copy (select ${select} from (${periodTransactionsSql(context)})) to ` +
      `${sqlString(join(context.dropDir, file))} (format csv, header true)`,
  );
  return [{ file, rows }];
}
