/**
 * The bank's record files (account list, loan book, schedules, repayments): CSV in UTF-8 with one
 * header row. Each entity is recognised by its header (content, not file name), its columns are
 * the raw columns of `raw_bank.<entity>`, and `key` is the natural key used to drop the copies
 * that overlapping drops deliver.
 */
import type { ColumnSpec } from '@sg/lake';

export const RECORD_ENTITIES = ['accounts', 'loans', 'loan_schedules', 'repayments'] as const;
export type RecordEntity = (typeof RECORD_ENTITIES)[number];

export interface RecordLayout {
  readonly entity: RecordEntity;
  /** Chinese title of the raw table. */
  readonly title: string;
  /** English description of the raw table; the first sentence states the grain. */
  readonly description: string;
  /** Columns as in the file header, in landing order (without the connector's lineage columns). */
  readonly columns: readonly ColumnSpec[];
  /** Natural key within one bank. */
  readonly key: readonly string[];
}

function column(
  name: string,
  type: ColumnSpec['type'],
  required: boolean,
  description: string,
): ColumnSpec {
  return { name, type, required, description };
}

export const RECORD_LAYOUTS: Readonly<Record<RecordEntity, RecordLayout>> = {
  accounts: {
    entity: 'accounts',
    title: '银行账户（银行文件原始落地）',
    description:
      'One row per bank account per landing window, from the account lists in the banks’ drops ' +
      '(the copy from the latest drop kept).',
    key: ['account_no'],
    columns: [
      column('account_no', 'VARCHAR', true, '账号'),
      column('holder_kind', 'VARCHAR', true, '开户人类型（organisation|person）'),
      column('holder_uscc', 'VARCHAR', false, '开户单位统一社会信用代码'),
      column('holder_id_number', 'VARCHAR', false, '开户人身份证号'),
      column('holder_name', 'VARCHAR', true, '户名'),
      column('opened_date', 'DATE', false, '开户日期'),
      column('account_type', 'VARCHAR', false, '账户类型（基本户|一般户|个人结算户）'),
    ],
  },
  loans: {
    entity: 'loans',
    title: '银行贷款（银行文件原始落地）',
    description:
      'One row per bank loan per landing window, from the loan records in the banks’ drops.',
    key: ['loan_no'],
    columns: [
      column('loan_no', 'VARCHAR', true, '借据号'),
      column('borrower_uscc', 'VARCHAR', false, '借款单位统一社会信用代码'),
      column('borrower_id_number', 'VARCHAR', false, '借款人身份证号'),
      column('borrower_name', 'VARCHAR', true, '借款人名称'),
      column('principal_fen', 'BIGINT', true, '贷款本金（分）'),
      column('annual_rate_bp', 'INTEGER', false, '年利率（基点）'),
      column('start_date', 'DATE', true, '放款日'),
      column('maturity_date', 'DATE', false, '到期日'),
      column('guarantee_contract_no', 'VARCHAR', false, '担保合同号'),
      column('loan_status', 'VARCHAR', false, '贷款状态'),
    ],
  },
  loan_schedules: {
    entity: 'loan_schedules',
    title: '贷款还款计划（银行文件原始落地）',
    description:
      'One row per instalment (loan and period number) of a loan schedule per landing window.',
    key: ['loan_no', 'period_no'],
    columns: [
      column('loan_no', 'VARCHAR', true, '借据号'),
      column('period_no', 'INTEGER', true, '期次'),
      column('due_date', 'DATE', true, '应还日'),
      column('principal_due_fen', 'BIGINT', false, '应还本金（分）'),
      column('interest_due_fen', 'BIGINT', false, '应还利息（分）'),
    ],
  },
  repayments: {
    entity: 'repayments',
    title: '贷款还款记录（银行文件原始落地）',
    description: 'One row per repayment (loan, period number and paid date) per landing window.',
    key: ['loan_no', 'period_no', 'paid_date'],
    columns: [
      column('loan_no', 'VARCHAR', true, '借据号'),
      column('period_no', 'INTEGER', true, '期次'),
      column('paid_date', 'DATE', true, '还款日'),
      column('principal_paid_fen', 'BIGINT', false, '实还本金（分）'),
      column('interest_paid_fen', 'BIGINT', false, '实还利息（分）'),
      column('overdue_days', 'INTEGER', false, '逾期天数'),
    ],
  },
};

/** The record entity whose required columns all appear in `headers`, if any. */
export function detectRecordEntity(headers: readonly string[]): RecordEntity | undefined {
  const present = new Set(headers);
  // Most specific first: repayments and schedules both carry loan_no and period_no.
  const order: RecordEntity[] = ['repayments', 'loan_schedules', 'loans', 'accounts'];
  return order.find((entity) =>
    RECORD_LAYOUTS[entity].columns
      .filter((spec) => spec.required)
      .every((spec) => present.has(spec.name)),
  );
}
