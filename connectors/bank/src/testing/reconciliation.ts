// Test support: compare what landed in lake.raw_bank.transactions with the world's source rows.
import { sqlString } from '@sg/sql-text';

/** `read_json` of a world source file. */
export function sourceNdjsonSql(bankDir: string, file: string): string {
  return `read_json(${sqlString(`${bankDir}/${file}.ndjson`)}, format = 'newline_delimited')`;
}

/**
 * A query counting the rows that differ between source and landed transactions of a window
 * (source except landed, plus landed except source), on every column both hold. Landed rows
 * without a transaction id (layouts that print none) take the source's id of the same account,
 * time and amount.
 */
export function transactionDifferenceSql(bankDir: string, window: string): string {
  const source = sourceNdjsonSql(bankDir, 'transactions');
  const fields =
    'bank_code, account_no, direction, amount_fen::bigint, balance_fen::bigint, ' +
    'counterparty_account, counterparty_name, summary';
  const sourceRows = `select ${fields}, timezone('UTC', txn_time::timestamptz) as txn_time, txn_id from ${source}`;
  const landedRows =
    `select ${fields}, txn_time, coalesce(txn_id, (select any_value(s.txn_id) from ${source} s ` +
    `where s.account_no = t.account_no and timezone('UTC', s.txn_time::timestamptz) = t.txn_time ` +
    `and s.amount_fen = t.amount_fen)) from lake.raw_bank.transactions t ` +
    `where _window = ${sqlString(window)}`;
  return (
    `select (select count(*) from (${sourceRows} except all ${landedRows})) + ` +
    `(select count(*) from (${landedRows} except all ${sourceRows}))`
  );
}
