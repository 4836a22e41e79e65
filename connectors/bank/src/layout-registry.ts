/**
 * The statement layouts the connector knows, as data. A file's layout is detected from its
 * content (container, encoding, header row), never from its name. To accept a new bank's export,
 * add an entry here (or pass an extended registry to landBankDrops): the header names of each
 * role, the date/time format, how the amount's direction is expressed, and for titled sheets
 * where the account number and the totals row are.
 */

export type StatementContainer = 'csv' | 'xlsx';
export type TextEncoding = 'utf-8' | 'gb18030';

export type AmountStyle =
  /** One amount column and a debit/credit indicator column. */
  | {
      readonly style: 'indicator';
      readonly indicatorColumn: string;
      readonly amountColumn: string;
      readonly debitValues: readonly string[];
      readonly creditValues: readonly string[];
    }
  /** Separate debit (借/支出) and credit (贷/收入) columns, exactly one filled per row. */
  | {
      readonly style: 'debit_credit_columns';
      readonly debitColumn: string;
      readonly creditColumn: string;
    };

export interface TitledSheet {
  /** Regex (source) finding the account number in the title rows; group 1 is the number. */
  readonly accountPattern: string;
  /** Regex (source) finding the currency in the title rows; group 1 is the currency. */
  readonly currencyPattern: string;
  /** Text in the first column of the totals row; the row's debit/credit cells hold the sums. */
  readonly totalsLabel: string;
}

export interface StatementLayout {
  readonly id: string;
  readonly description: string;
  readonly container: StatementContainer;
  /** Text encoding of CSV files (XLSX is always Unicode). */
  readonly encoding: TextEncoding;
  readonly columns: {
    /** Absent for titled sheets (the account is in the title). */
    readonly accountNo?: string;
    readonly txnId?: string;
    readonly date: string;
    readonly time?: string;
    readonly balance: string;
    readonly counterpartyAccount?: string;
    readonly counterpartyName?: string;
    readonly summary?: string;
    readonly currency?: string;
  };
  /** strptime format of `date` or of `date || ' ' || time`. Times are Beijing local time. */
  readonly dateTimeFormat: string;
  readonly amount: AmountStyle;
  readonly titled?: TitledSheet;
}

export const LAYOUT_A_CSV_UTF8: StatementLayout = {
  id: 'layout_a_csv_utf8',
  description: 'UTF-8 CSV，英文表头，多账户，借贷标志 + 金额列（现金管理 / 银企直连导出）',
  container: 'csv',
  encoding: 'utf-8',
  columns: {
    accountNo: 'Account No',
    txnId: 'Transaction ID',
    date: 'Value Date',
    time: 'Time',
    balance: 'Balance',
    counterpartyAccount: 'Counterparty Account',
    counterpartyName: 'Counterparty Name',
    summary: 'Narrative',
    currency: 'Currency',
  },
  dateTimeFormat: '%Y-%m-%d %H:%M:%S',
  amount: {
    style: 'indicator',
    indicatorColumn: 'Dr/Cr',
    amountColumn: 'Amount',
    debitValues: ['DR', 'D'],
    creditValues: ['CR', 'C'],
  },
};

export const LAYOUT_B_CSV_GBK: StatementLayout = {
  id: 'layout_b_csv_gbk',
  description: 'GBK 编码 CSV，中文表头，多账户，借方/贷方发生额分列，金额带千分位',
  container: 'csv',
  encoding: 'gb18030',
  columns: {
    accountNo: '本方账号',
    txnId: '交易流水号',
    date: '交易日期',
    time: '交易时间',
    balance: '余额',
    counterpartyAccount: '对方账号',
    counterpartyName: '对方户名',
    summary: '摘要',
    currency: '币种',
  },
  dateTimeFormat: '%Y%m%d %H:%M:%S',
  amount: { style: 'debit_credit_columns', debitColumn: '借方发生额', creditColumn: '贷方发生额' },
};

export const LAYOUT_C_XLSX_TITLED: StatementLayout = {
  id: 'layout_c_xlsx_titled',
  description:
    'XLSX 单账户对账单：标题行（银行、账号户名、起止日期）、表头、明细、合计行；无流水号',
  container: 'xlsx',
  encoding: 'utf-8',
  columns: {
    date: '交易时间',
    balance: '账户余额',
    counterpartyAccount: '对方账号',
    counterpartyName: '对方户名',
    summary: '摘要',
  },
  dateTimeFormat: '%Y-%m-%d %H:%M:%S',
  amount: { style: 'debit_credit_columns', debitColumn: '支出金额', creditColumn: '收入金额' },
  titled: {
    accountPattern: '账号[：:]\\s*([0-9A-Za-z-]+)',
    currencyPattern: '币种[：:]\\s*(\\S+)',
    totalsLabel: '合计',
  },
};

/** The built-in registry, tried in order. */
export const STATEMENT_LAYOUTS: readonly StatementLayout[] = [
  LAYOUT_A_CSV_UTF8,
  LAYOUT_B_CSV_GBK,
  LAYOUT_C_XLSX_TITLED,
];

/** Every header a layout names (the known columns of its files). */
export function layoutHeaders(layout: StatementLayout): string[] {
  const amount =
    layout.amount.style === 'indicator'
      ? [layout.amount.indicatorColumn, layout.amount.amountColumn]
      : [layout.amount.debitColumn, layout.amount.creditColumn];
  return [...Object.values(layout.columns), ...amount];
}

/** Headers that must be present for a file to be of this layout: all but the optional roles. */
export function layoutSignature(layout: StatementLayout): string[] {
  const { columns } = layout;
  const required = [columns.accountNo, columns.date, columns.time, columns.balance];
  const amount =
    layout.amount.style === 'indicator'
      ? [layout.amount.indicatorColumn, layout.amount.amountColumn]
      : [layout.amount.debitColumn, layout.amount.creditColumn];
  return [...required, ...amount].filter((name): name is string => name !== undefined);
}
