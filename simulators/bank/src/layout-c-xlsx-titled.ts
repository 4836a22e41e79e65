/**
 * Layout C: one XLSX workbook per account and period, the way a branch's counter system prints a
 * statement: three title rows (bank, account and holder, period), a header row, the transactions
 * (amounts as numeric cells in yuan, no transaction id) and a totals row 合计 at the bottom.
 * Rows are streamed from DuckDB chunk by chunk into exceljs' streaming writer: one workbook is
 * open at a time and no account's rows are held in memory.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sqlString } from '@sg/sql-text';
import { readSourceSql } from './bank-source-sql.ts';
import { fileNamePart, periodTransactionsSql } from './statement-context.ts';
import { pinZipTimestamps } from './zip-timestamps.ts';
import type { StatementContext, WrittenFile } from './statement-context.ts';

export const LAYOUT_C_HEADERS = [
  '交易时间',
  '摘要',
  '收入金额',
  '支出金额',
  '账户余额',
  '对方账号',
  '对方户名',
] as const;

export const LAYOUT_C_TOTALS_LABEL = '合计';

export interface LayoutCFaults {
  /** Accounts whose 合计 income total is written 1.00 yuan too high (a statement missing a row). */
  readonly totalsMismatchAccounts?: readonly string[];
}

interface OpenStatement {
  readonly accountNo: string;
  readonly dropDir: string;
  readonly file: string;
  readonly created: Date;
  readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  readonly sheet: ExcelJS.Worksheet;
  rows: number;
  incomeFen: number;
  expenseFen: number;
}

const AMOUNT_FORMAT = '#,##0.00';

/** The statement's print time: the end of its period. */
function statementTimestamp(context: StatementContext): Date {
  return new Date(`${context.periodEnd}T00:00:00Z`);
}

function openStatement(
  context: StatementContext,
  accountNo: string,
  holderName: string,
): OpenStatement {
  const file = `statement-${fileNamePart(accountNo)}-${context.periodStart}-${context.periodEnd}.xlsx`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: join(context.dropDir, file),
    useStyles: true,
    useSharedStrings: false,
  });
  // A fixed creation time (with pinned zip entry times, see closeStatement) keeps the same world's
  // workbooks byte-identical between runs.
  workbook.created = statementTimestamp(context);
  workbook.modified = workbook.created;
  workbook.creator = context.bankName;
  const sheet = workbook.addWorksheet('账户交易明细');
  sheet.addRow([`${context.bankName}账户交易明细`]).commit();
  sheet.addRow([`账号：${accountNo}`, null, `户名：${holderName}`]).commit();
  sheet
    .addRow([`起止日期：${context.periodStart} 至 ${context.periodEnd}`, null, '币种：人民币'])
    .commit();
  sheet.addRow([...LAYOUT_C_HEADERS]).commit();
  return {
    accountNo,
    dropDir: context.dropDir,
    file,
    created: workbook.created,
    workbook,
    sheet,
    rows: 0,
    incomeFen: 0,
    expenseFen: 0,
  };
}

async function closeStatement(
  statement: OpenStatement,
  faults: LayoutCFaults,
): Promise<WrittenFile> {
  const skew = faults.totalsMismatchAccounts?.includes(statement.accountNo) === true ? 100 : 0;
  const totals = statement.sheet.addRow([
    LAYOUT_C_TOTALS_LABEL,
    `共 ${String(statement.rows)} 笔`,
    (statement.incomeFen + skew) / 100,
    statement.expenseFen / 100,
  ]);
  totals.getCell(3).numFmt = AMOUNT_FORMAT;
  totals.getCell(4).numFmt = AMOUNT_FORMAT;
  totals.commit();
  statement.sheet.commit();
  await statement.workbook.commit();
  await pinZipTimestamps(join(statement.dropDir, statement.file), statement.created);
  return { file: statement.file, rows: statement.rows };
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export async function writeLayoutC(
  context: StatementContext,
  faults: LayoutCFaults = {},
): Promise<WrittenFile[]> {
  const sql =
    `select t.account_no, coalesce(a.holder_name, '') as holder_name, ` +
    `strftime(t.local_time, '%Y-%m-%d %H:%M:%S') as local_time, t.summary, t.direction, ` +
    `cast(t.amount_fen as double) as amount_fen, cast(t.balance_fen as double) as balance_fen, ` +
    `t.counterparty_account, t.counterparty_name ` +
    `from (${periodTransactionsSql(context)}) t ` +
    `left join (select account_no, any_value(holder_name) as holder_name from ` +
    `${readSourceSql(context.worldDir, 'accounts')} where bank_code = ${sqlString(context.bankCode)} ` +
    `group by account_no) a using (account_no) ` +
    `order by t.account_no, t.txn_time, t.txn_id`;
  const result = await context.connection.stream(sql);
  const written: WrittenFile[] = [];
  let current: OpenStatement | undefined;
  for await (const rows of result.yieldRowsJs()) {
    for (const row of rows) {
      const [
        accountNo,
        holderName,
        localTime,
        summary,
        direction,
        amount,
        balance,
        cpAccount,
        cpName,
      ] = row;
      const account = asText(accountNo);
      if (current?.accountNo !== account) {
        if (current !== undefined) written.push(await closeStatement(current, faults));
        current = openStatement(context, account, asText(holderName));
      }
      const amountFen = typeof amount === 'number' ? amount : 0;
      const isCredit = direction === '贷';
      if (isCredit) current.incomeFen += amountFen;
      else current.expenseFen += amountFen;
      current.rows += 1;
      const line = current.sheet.addRow([
        asText(localTime),
        asText(summary),
        isCredit ? amountFen / 100 : null,
        isCredit ? null : amountFen / 100,
        typeof balance === 'number' ? balance / 100 : null,
        asText(cpAccount),
        asText(cpName),
      ]);
      for (const column of [3, 4, 5]) line.getCell(column).numFmt = AMOUNT_FORMAT;
      line.commit();
    }
  }
  if (current !== undefined) written.push(await closeStatement(current, faults));
  return written;
}
