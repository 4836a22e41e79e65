/**
 * From the monthly files' Chinese headers to the lake's raw columns of `raw_tax.vat_invoices` and
 * `raw_tax.tax_payments`: which header feeds which column, what kind of value it holds (decides
 * the SQL check and the cast) and whether it is required. Yuan text becomes integer fen; every row
 * keeps the file and row it came from (`source_file`, `source_row`) for reconciliation.
 */
import type { ColumnSpec } from '@sg/lake';

export type TaxFileEntity = 'vat_invoices' | 'tax_payments';

/** code: USCC (normalised, check character verified); yuan: '1234.56' → fen. */
export type ValueKind = 'text' | 'uscc' | 'period' | 'date' | 'yuan' | 'invoice_status';

export interface FileColumn {
  readonly header: string;
  readonly column: string;
  readonly kind: ValueKind;
  readonly required: boolean;
  readonly description: string;
}

export const INVOICE_STATUSES = ['正常', '作废', '红冲'] as const;

export const FILE_COLUMNS: Readonly<Record<TaxFileEntity, readonly FileColumn[]>> = {
  vat_invoices: [
    {
      header: '发票号码',
      column: 'invoice_no',
      kind: 'text',
      required: true,
      description: '发票号码',
    },
    {
      header: '所属期',
      column: 'period',
      kind: 'period',
      required: true,
      description: '所属期（yyyy-MM）',
    },
    {
      header: '开票日期',
      column: 'issue_date',
      kind: 'date',
      required: true,
      description: '开票日期',
    },
    {
      header: '销方纳税人识别号',
      column: 'seller_uscc',
      kind: 'uscc',
      required: true,
      description: '销方统一社会信用代码',
    },
    {
      header: '销方名称',
      column: 'seller_name',
      kind: 'text',
      required: true,
      description: '销方名称',
    },
    {
      header: '购方纳税人识别号',
      column: 'buyer_uscc',
      kind: 'uscc',
      required: false,
      description: '购方统一社会信用代码（个人为空）',
    },
    {
      header: '购方名称',
      column: 'buyer_name',
      kind: 'text',
      required: false,
      description: '购方名称',
    },
    {
      header: '金额',
      column: 'amount_fen',
      kind: 'yuan',
      required: true,
      description: '不含税金额（分；红冲为负）',
    },
    {
      header: '税额',
      column: 'tax_fen',
      kind: 'yuan',
      required: true,
      description: '税额（分；红冲为负）',
    },
    {
      header: '发票状态',
      column: 'invoice_status',
      kind: 'invoice_status',
      required: true,
      description: '发票状态（正常、作废、红冲）',
    },
  ],
  tax_payments: [
    {
      header: '纳税人识别号',
      column: 'uscc',
      kind: 'uscc',
      required: true,
      description: '统一社会信用代码',
    },
    {
      header: '所属期',
      column: 'period',
      kind: 'period',
      required: true,
      description: '所属期（yyyy-MM）',
    },
    { header: '税种', column: 'tax_type', kind: 'text', required: true, description: '税种' },
    {
      header: '实缴金额',
      column: 'paid_fen',
      kind: 'yuan',
      required: true,
      description: '实缴金额（分）',
    },
    {
      header: '缴款日期',
      column: 'paid_date',
      kind: 'date',
      required: true,
      description: '缴款日期',
    },
  ],
};

/** The key that makes a row unique within one period's file (duplicates are quarantined). */
export const DEDUPLICATION_KEYS: Readonly<Record<TaxFileEntity, readonly string[]>> = {
  vat_invoices: ['invoice_no'],
  tax_payments: ['uscc', 'period', 'tax_type', 'paid_fen', 'paid_date'],
};

const LINEAGE: readonly ColumnSpec[] = [
  { name: 'source_file', type: 'VARCHAR', required: true, description: '来源文件名' },
  {
    name: 'source_row',
    type: 'INTEGER',
    required: true,
    description: '来源文件中的数据行号（从1起）',
  },
];

function columnType(kind: ValueKind): ColumnSpec['type'] {
  if (kind === 'yuan') return 'BIGINT';
  if (kind === 'date') return 'DATE';
  return 'VARCHAR';
}

/** The columns `landRecords` takes for one entity. */
export function taxFileColumnSpecs(entity: TaxFileEntity): ColumnSpec[] {
  return [
    ...FILE_COLUMNS[entity].map((column) => ({
      name: column.column,
      type: columnType(column.kind),
      required: column.required,
      description: column.description,
    })),
    ...LINEAGE,
  ];
}
