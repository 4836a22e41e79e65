/**
 * SQL over the world's `sources/bank/*.ndjson` files (WORLD_SYSTEM.md, section sources/bank):
 * each file is read by DuckDB with its declared columns, so rows never pass through JS objects.
 */
import { join } from 'node:path';
import { sqlString } from '@sg/sql-text';

export const BANK_SOURCE_FILES = {
  banks: {
    bank_code: 'VARCHAR',
    bank_name: 'VARCHAR',
    statement_layout: 'VARCHAR',
  },
  accounts: {
    account_no: 'VARCHAR',
    bank_code: 'VARCHAR',
    holder_kind: 'VARCHAR',
    holder_uscc: 'VARCHAR',
    holder_id_number: 'VARCHAR',
    holder_name: 'VARCHAR',
    opened_date: 'DATE',
    account_type: 'VARCHAR',
  },
  transactions: {
    account_no: 'VARCHAR',
    bank_code: 'VARCHAR',
    txn_id: 'VARCHAR',
    txn_time: 'TIMESTAMPTZ',
    direction: 'VARCHAR',
    amount_fen: 'BIGINT',
    balance_fen: 'BIGINT',
    counterparty_account: 'VARCHAR',
    counterparty_name: 'VARCHAR',
    summary: 'VARCHAR',
  },
  loans: {
    loan_no: 'VARCHAR',
    bank_code: 'VARCHAR',
    borrower_uscc: 'VARCHAR',
    borrower_id_number: 'VARCHAR',
    borrower_name: 'VARCHAR',
    principal_fen: 'BIGINT',
    annual_rate_bp: 'INTEGER',
    start_date: 'DATE',
    maturity_date: 'DATE',
    guarantee_contract_no: 'VARCHAR',
    loan_status: 'VARCHAR',
  },
  loan_schedules: {
    loan_no: 'VARCHAR',
    period_no: 'INTEGER',
    due_date: 'DATE',
    principal_due_fen: 'BIGINT',
    interest_due_fen: 'BIGINT',
  },
  repayments: {
    loan_no: 'VARCHAR',
    period_no: 'INTEGER',
    paid_date: 'DATE',
    principal_paid_fen: 'BIGINT',
    interest_paid_fen: 'BIGINT',
    overdue_days: 'INTEGER',
  },
} as const;

export type BankSourceFile = keyof typeof BANK_SOURCE_FILES;

/** The `sources/bank` folder of a world directory. */
export function bankSourceDir(worldDir: string): string {
  return join(worldDir, 'sources', 'bank');
}

/** `read_json(…)` of one source file with its declared column types. */
export function readSourceSql(worldDir: string, file: BankSourceFile): string {
  const columns = Object.entries(BANK_SOURCE_FILES[file])
    .map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`)
    .join(', ');
  const path = join(bankSourceDir(worldDir), `${file}.ndjson`);
  return `read_json(${sqlString(path)}, format = 'newline_delimited', columns = {${columns}})`;
}

/**
 * Integer fen as yuan text with two decimals, computed with integer arithmetic (no float
 * rounding); `thousands` adds the separators Chinese bank exports print ("1,234.56").
 */
export function yuanTextSql(fenExpression: string, thousands: boolean): string {
  const whole = thousands
    ? `format('{:,}', abs(${fenExpression}) // 100)`
    : `cast(abs(${fenExpression}) // 100 as varchar)`;
  return (
    `case when ${fenExpression} is null then null else ` +
    `(case when ${fenExpression} < 0 then '-' else '' end) || ${whole} || '.' || ` +
    `lpad(cast(abs(${fenExpression}) % 100 as varchar), 2, '0') end`
  );
}

/** A TIMESTAMPTZ as Beijing local time (TIMESTAMP), the clock bank statements print. */
export function beijingLocalSql(expression: string): string {
  return `timezone('Asia/Shanghai', ${expression})`;
}
