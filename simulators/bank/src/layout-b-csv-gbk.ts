/**
 * Layout B: one GBK-encoded CSV per bank and period, Chinese headers, Beijing date `YYYYMMDD`,
 * debit and credit in separate columns as yuan text with thousands separators ("1,234.56").
 * DuckDB cannot write GBK: it writes UTF-8 to a work file, which is stream-encoded to GB18030
 * (identical bytes to GBK for every GBK character; covers the rare characters GBK lacks).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { sqlString } from '@sg/sql-text';
import { yuanTextSql } from './bank-source-sql.ts';
import { copyRowCount, fileNamePart, periodTransactionsSql } from './statement-context.ts';
import type { StatementContext, WrittenFile } from './statement-context.ts';

export const LAYOUT_B_HEADERS = [
  '本方账号',
  '交易流水号',
  '交易日期',
  '交易时间',
  '借方发生额',
  '贷方发生额',
  '余额',
  '对方账号',
  '对方户名',
  '摘要',
  '币种',
] as const;

/** The encoding layout B files are written in. */
export const LAYOUT_B_ENCODING = 'gb18030';

export async function writeLayoutB(context: StatementContext): Promise<WrittenFile[]> {
  const file = `mingxi-${fileNamePart(context.bankCode)}-${context.periodStart.replaceAll('-', '')}-${context.periodEnd.replaceAll('-', '')}.csv`;
  const target = join(context.dropDir, file);
  const utf8Work = `${target}.utf8.tmp`;
  const values = [
    'account_no',
    'txn_id',
    `strftime(local_time, '%Y%m%d')`,
    `strftime(local_time, '%H:%M:%S')`,
    `case when direction = '借' then ${yuanTextSql('amount_fen', true)} end`,
    `case when direction = '贷' then ${yuanTextSql('amount_fen', true)} end`,
    yuanTextSql('balance_fen', true),
    'counterparty_account',
    'counterparty_name',
    'summary',
    `'人民币'`,
  ];
  const select = values
    .map((value, index) => `${value} as "${LAYOUT_B_HEADERS[index] ?? ''}"`)
    .join(', ');
  try {
    const rows = await copyRowCount(
      context.connection,
      `copy (select ${select} from (${periodTransactionsSql(context)})) to ` +
        `${sqlString(utf8Work)} (format csv, header true)`,
    );
    await pipeline(
      createReadStream(utf8Work),
      iconv.decodeStream('utf8'),
      iconv.encodeStream(LAYOUT_B_ENCODING),
      createWriteStream(target),
    );
    return [{ file, rows }];
  } finally {
    await rm(utf8Work, { force: true });
  }
}
