/**
 * From the banks' file fields to the raw columns of `raw_bank.*`, as SQL over text: yuan text
 * ("1,234.56", numeric XLSX cells) to integer fen, Beijing date and time to an ISO timestamp with
 * +08:00 (the lake stores UTC), debit/credit to 借/贷. A value that cannot be converted is passed
 * on as its original text, so the lake's landing check quarantines it with the value in the reason.
 */
import type { ColumnSpec } from '@sg/lake';
import { sqlString } from '@sg/sql-text';

/** Columns every raw_bank table gets from the drop: where the row came from. */
export const DROP_LINEAGE_COLUMNS: readonly ColumnSpec[] = [
  { name: 'bank_code', type: 'VARCHAR', required: true, description: '银行代码（投递清单）' },
  { name: 'drop_id', type: 'VARCHAR', required: true, description: '投递批次编号' },
  { name: 'source_file', type: 'VARCHAR', required: true, description: '来源文件名' },
  { name: 'source_row', type: 'BIGINT', required: true, description: '来源文件中的行号' },
];

/** The raw columns of `lake.raw_bank.transactions`, in order. */
export const BANK_TRANSACTION_COLUMNS: readonly ColumnSpec[] = [
  { name: 'account_no', type: 'VARCHAR', required: true, description: '本方账号' },
  {
    name: 'txn_id',
    type: 'VARCHAR',
    required: false,
    description: '交易流水号（版式无此列时为空）',
  },
  {
    name: 'txn_key',
    type: 'VARCHAR',
    required: true,
    description: '去重键：流水号，无流水号时为 nk:账号|时间|借贷|金额|余额',
  },
  { name: 'txn_time', type: 'TIMESTAMP', required: true, description: '交易时间（UTC）' },
  {
    name: 'direction',
    type: 'VARCHAR',
    required: true,
    description: '借贷方向（借=支出，贷=收入）',
  },
  { name: 'amount_fen', type: 'BIGINT', required: true, description: '发生额（分，正数）' },
  { name: 'balance_fen', type: 'BIGINT', required: true, description: '交易后余额（分）' },
  { name: 'counterparty_account', type: 'VARCHAR', required: false, description: '对方账号' },
  { name: 'counterparty_name', type: 'VARCHAR', required: false, description: '对方户名' },
  { name: 'summary', type: 'VARCHAR', required: false, description: '摘要' },
  { name: 'currency', type: 'VARCHAR', required: true, description: '币种（CNY）' },
  { name: 'statement_layout', type: 'VARCHAR', required: true, description: '识别出的对账单版式' },
  ...DROP_LINEAGE_COLUMNS,
];

/** Trimmed text, NULL when blank. */
export function presentTextSql(expression: string): string {
  return `nullif(trim(${expression}), '')`;
}

/**
 * Yuan text to fen text. Accepts "1234.56", "1,234.56", "-12.3" (at most two decimals); with
 * `numericCells` also a spreadsheet double within 1e-6 fen of a whole fen. Otherwise: the text.
 */
export function yuanToFenSql(expression: string, numericCells: boolean): string {
  const text = presentTextSql(expression);
  // Text is parsed as DECIMAL(18, 2) and only then widened for the × 100: parsing text straight
  // into a wider decimal (a 128-bit integer in DuckDB) costs ~8 µs per value, 25× this, and
  // dominated large bank landings. Amounts beyond 16 integer digits stay text (quarantined).
  const decimal =
    `when regexp_full_match(${text}, '[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\\.[0-9]{1,2})?') ` +
    `then coalesce(try_cast(try_cast(replace(${text}, ',', '') as decimal(18, 2))::decimal(20, 2) * 100 ` +
    `as bigint)::varchar, ${text}) `;
  const double = `try_cast(${text} as double)`;
  const cell = numericCells
    ? `when ${double} is not null and abs(${double} * 100 - round(${double} * 100)) < 1e-6 ` +
      `then cast(round(${double} * 100) as bigint)::varchar `
    : '';
  return `case when ${text} is null then null ${decimal}${cell}else ${text} end`;
}

/** Beijing date/time text to `YYYY-MM-DDTHH:MM:SS+08:00`; the original text when unparseable. */
export function beijingTimestampSql(dateTimeText: string, format: string): string {
  const parsed = `try_strptime(${dateTimeText}, ${sqlString(format)})`;
  return (
    `case when ${parsed} is not null then strftime(${parsed}, '%Y-%m-%dT%H:%M:%S') || '+08:00' ` +
    `else ${dateTimeText} end`
  );
}

/** Currency names banks print, normalised to ISO 4217 where known. */
export function currencySql(expression: string): string {
  const text = presentTextSql(expression);
  return `case when upper(${text}) in ('CNY', 'RMB', '人民币', '156') then 'CNY' else ${text} end`;
}
