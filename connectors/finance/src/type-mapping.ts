/**
 * From the finance system's sheets to the lake's raw columns: which sheet feeds which raw table,
 * the columns each lands (with Chinese descriptions), and how a cell becomes a value — yuan
 * (numeric cell or text like `1,234.56`, `(1,234.56)` negative, `-` for zero) to integer fen,
 * counts to integers, `Ⅰ级/Ⅱ级/Ⅲ级` to I/II/III. Every row keeps the drop it came from.
 */
import type { ColumnSpec } from '@sg/lake';

export type FinanceEntity =
  'balance_sheet_items' | 'income_statement_items' | 'supplementary_items';

export const FINANCE_ENTITIES: readonly FinanceEntity[] = [
  'balance_sheet_items',
  'income_statement_items',
  'supplementary_items',
];

/** The sheet (by its Chinese name) each raw table is read from. */
export const SHEET_OF: Readonly<Record<FinanceEntity, string>> = {
  balance_sheet_items: '资产负债表',
  income_statement_items: '利润表',
  supplementary_items: '补充资料',
};

const column = (
  name: string,
  type: ColumnSpec['type'],
  required: boolean,
  description: string,
): ColumnSpec => ({ name, type, required, description });

const LEAD: readonly ColumnSpec[] = [
  column('period', 'VARCHAR', true, '会计期间（yyyy-MM，月末）'),
  column('item_code', 'VARCHAR', true, '科目编码（合计行为 ZC、FZ、QY、FZQY、LRZE、JLR 等）'),
  column('item_name', 'VARCHAR', true, '项目名称'),
];

const PROVENANCE: readonly ColumnSpec[] = [
  column('sheet_row', 'INTEGER', true, '所在工作表行号'),
  column('drop_sequence', 'INTEGER', true, '报送序号（1 为月结，更大者为更正）'),
  column('issued_on', 'DATE', true, '财务部报送日期'),
  column('source_file', 'VARCHAR', true, '来源文件（投递目录/文件名）'),
];

export const FINANCE_COLUMNS: Readonly<Record<FinanceEntity, readonly ColumnSpec[]>> = {
  balance_sheet_items: [
    ...LEAD,
    column('section', 'VARCHAR', true, '报表部分：asset 资产、liability 负债、equity 所有者权益'),
    column('asset_class', 'VARCHAR', false, '资产级别（资产比例管理办法）：I、II、III；空为不分级'),
    column('is_total', 'BOOLEAN', true, '是否合计/总计行'),
    column('closing_fen', 'BIGINT', true, '期末余额（分）'),
    column('year_opening_fen', 'BIGINT', true, '年初余额（分）'),
    ...PROVENANCE,
  ],
  income_statement_items: [
    ...LEAD,
    column('is_total', 'BOOLEAN', true, '是否利润合计行（利润总额、净利润）'),
    column('month_fen', 'BIGINT', true, '本月数（分）'),
    column('year_to_date_fen', 'BIGINT', true, '本年累计数（分）'),
    ...PROVENANCE,
  ],
  supplementary_items: [
    ...LEAD,
    column('unit', 'VARCHAR', true, '单位：元 或 笔'),
    column('amount_fen', 'BIGINT', false, '金额（分），单位为元时'),
    column('count', 'BIGINT', false, '笔数，单位为笔时'),
    ...PROVENANCE,
  ],
};

/** A cell's value as exceljs reads it, reduced to what a statement holds. */
export type CellContent = string | number | null;

/** Text of a cell, trimmed; empty text is null. */
export function cellText(value: CellContent): string | null {
  if (value === null) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

const ZERO_MARKS = new Set(['-', '—', '－', '--']);

/** Yuan to integer fen; undefined when the cell is not an amount (text such as `见附表`). */
export function yuanToFen(value: CellContent): number | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? Math.round(value * 100) : undefined;
  const text = cellText(value);
  if (text === null) return undefined;
  if (ZERO_MARKS.has(text)) return 0;
  const match = /^([(（-])?\s*([0-9][0-9,，]*(?:\.[0-9]{1,2})?)\s*([)）])?$/.exec(text);
  if (match === null) return undefined;
  const negative = match[1] !== undefined && (match[1] === '-' || match[3] !== undefined);
  if ((match[1] === '(' || match[1] === '（') !== (match[3] !== undefined)) return undefined;
  const fen = Math.round(Number((match[2] ?? '').replace(/[,，]/g, '')) * 100);
  return negative ? -fen : fen;
}

/** A whole, non-negative count; undefined otherwise. */
export function countOf(value: CellContent): number | undefined {
  const number = typeof value === 'number' ? value : Number(cellText(value) ?? Number.NaN);
  return Number.isInteger(number) && number >= 0 ? number : undefined;
}

const ASSET_CLASSES: Readonly<Record<string, 'I' | 'II' | 'III'>> = {
  Ⅰ级: 'I',
  Ⅱ级: 'II',
  Ⅲ级: 'III',
  Ⅰ: 'I',
  Ⅱ: 'II',
  Ⅲ: 'III',
  一级: 'I',
  二级: 'II',
  三级: 'III',
};

/** `Ⅰ级` → 'I'; null for an empty cell; undefined for a label that is no class. */
export function assetClassOf(value: CellContent): 'I' | 'II' | 'III' | null | undefined {
  const text = cellText(value);
  return text === null ? null : ASSET_CLASSES[text];
}

/** The balance sheet's section headings. */
export const SECTION_HEADINGS: Readonly<Record<string, 'asset' | 'liability' | 'equity'>> = {
  资产: 'asset',
  负债: 'liability',
  所有者权益: 'equity',
};

/** A total line: its name ends in 合计 or 总计 (资产总计, 负债合计, 利润总额, 净利润 …). */
export function isTotalName(name: string): boolean {
  return /(合计|总计|总额|^净利润)$/.test(name);
}
