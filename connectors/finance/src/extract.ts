/**
 * Reads one month-end workbook of the finance system into raw records: finds each sheet by its
 * Chinese name and its header by the header texts (wherever the title rows end, merged or not),
 * then classifies every row below it. Blank rows, section headings (资产, 负债…) and the signature
 * line are skipped; a line with amounts but no account code (a 小计 row), an amount that is not a
 * number, a repeated code or a line the schema refuses is quarantined with its reason. The balance
 * sheet's totals are verified against its lines: a sheet that does not add up refuses the drop.
 */
import ExcelJS from 'exceljs';
import type { QuarantinedRecord } from '@sg/lake';
import type { ZodType } from 'zod';
import { FinanceFileError } from './finance-errors.ts';
import {
  balanceSheetLineSchema,
  incomeStatementLineSchema,
  supplementaryLineSchema,
} from './schemas.ts';
import type { BalanceSheetLine } from './schemas.ts';
import { verifyBalanceSheetTotals } from './statement-totals.ts';
import {
  SECTION_HEADINGS,
  SHEET_OF,
  assetClassOf,
  cellText,
  countOf,
  isTotalName,
  yuanToFen,
} from './type-mapping.ts';
import type { CellContent, FinanceEntity } from './type-mapping.ts';

/** One sheet's lines: records (without provenance), quarantine, and what was skipped. */
export interface SheetExtract {
  readonly records: (Record<string, unknown> & { sheet_row: number })[];
  readonly quarantined: QuarantinedRecord[];
  /** Blank rows, headings and notes read past. */
  readonly skippedRows: number;
}

export type WorkbookExtract = Readonly<Record<FinanceEntity, SheetExtract>>;

const HAN = /\p{Script=Han}/u;

interface SheetRow {
  readonly number: number;
  readonly cells: readonly CellContent[];
}

function contentOf(value: ExcelJS.CellValue): CellContent {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean' || value instanceof Date) return String(value);
  if ('result' in value) return contentOf(value.result);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return value.text;
  return null;
}

function rowsOf(sheet: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  for (let number = 1; number <= sheet.rowCount; number += 1) {
    const row = sheet.getRow(number);
    const cells: CellContent[] = [];
    for (let column = 1; column <= Math.max(row.cellCount, 1); column += 1) {
      const cell = row.getCell(column);
      // A merged cell repeats its master's value: read it once, at the master.
      cells.push(
        cell.isMerged && cell.master.address !== cell.address ? null : contentOf(cell.value),
      );
    }
    rows.push({ number, cells });
  }
  return rows;
}

/** The header: each label's column (1-based) and the first data row. */
function findHeader(
  rows: readonly SheetRow[],
  labels: readonly string[],
  sheetName: string,
): { columns: Record<string, number>; firstDataRow: number } {
  const columns: Record<string, number> = {};
  let lastHeaderRow = 0;
  for (const row of rows.slice(0, 12)) {
    row.cells.forEach((cell, index) => {
      const text = cellText(cell);
      if (text !== null && labels.includes(text) && columns[text] === undefined) {
        columns[text] = index + 1;
        lastHeaderRow = Math.max(lastHeaderRow, row.number);
      }
    });
  }
  const missing = labels.filter((label) => columns[label] === undefined);
  if (missing.length > 0) {
    throw new FinanceFileError('missing_header', `${sheetName}缺少表头：${missing.join('、')}`);
  }
  return { columns, firstDataRow: lastHeaderRow + 1 };
}

function quarantine(row: SheetRow, reasonCode: string, reason: string): QuarantinedRecord {
  return { record: JSON.stringify({ row: row.number, cells: row.cells }), reason, reasonCode };
}

interface LineReader {
  readonly labels: readonly string[];
  /** The line as a record, or a quarantine reason; `section` is the heading above the line. */
  readonly read: (
    cell: (label: string) => CellContent,
    code: string,
    name: string,
    section: string | null,
  ) => Record<string, unknown> | { readonly reasonCode: string; readonly reason: string };
  readonly schema: ZodType;
}

function amount(cell: CellContent, label: string): number | { reasonCode: string; reason: string } {
  return (
    yuanToFen(cell) ?? { reasonCode: 'invalid_amount', reason: `${label}不是金额：${String(cell)}` }
  );
}

const READERS: Readonly<Record<FinanceEntity, LineReader>> = {
  balance_sheet_items: {
    labels: ['科目编码', '项目', '资产级别', '期末余额', '年初余额'],
    schema: balanceSheetLineSchema,
    read: (cell, code, name, section) => {
      const closing = amount(cell('期末余额'), '期末余额');
      if (typeof closing !== 'number') return closing;
      const opening = amount(cell('年初余额'), '年初余额');
      if (typeof opening !== 'number') return opening;
      const assetClass = assetClassOf(cell('资产级别'));
      if (assetClass === undefined) {
        return {
          reasonCode: 'invalid_asset_class',
          reason: `资产级别无法识别：${String(cell('资产级别'))}`,
        };
      }
      return {
        item_code: code,
        item_name: name,
        section,
        asset_class: assetClass,
        is_total: isTotalName(name),
        closing_fen: closing,
        year_opening_fen: opening,
      };
    },
  },
  income_statement_items: {
    labels: ['科目编码', '项目', '本月数', '本年累计数'],
    schema: incomeStatementLineSchema,
    read: (cell, code, name) => {
      const month = amount(cell('本月数'), '本月数');
      if (typeof month !== 'number') return month;
      const ytd = amount(cell('本年累计数'), '本年累计数');
      if (typeof ytd !== 'number') return ytd;
      return {
        item_code: code,
        item_name: name,
        is_total: isTotalName(name),
        month_fen: month,
        year_to_date_fen: ytd,
      };
    },
  },
  supplementary_items: {
    labels: ['编码', '项目', '单位', '本期数'],
    schema: supplementaryLineSchema,
    read: (cell, code, name) => {
      const unit = cellText(cell('单位'));
      if (unit === '笔') {
        const count = countOf(cell('本期数'));
        if (count === undefined) {
          return {
            reasonCode: 'invalid_count',
            reason: `本期数不是笔数：${String(cell('本期数'))}`,
          };
        }
        return { item_code: code, item_name: name, unit, amount_fen: null, count };
      }
      const fen = amount(cell('本期数'), '本期数');
      if (typeof fen !== 'number') return fen;
      return { item_code: code, item_name: name, unit, amount_fen: fen, count: null };
    },
  },
};

/** One sheet's rows below its header, classified. */
export function extractSheet(sheet: ExcelJS.Worksheet, entity: FinanceEntity): SheetExtract {
  const reader = READERS[entity];
  const rows = rowsOf(sheet);
  const { columns, firstDataRow } = findHeader(rows, reader.labels, sheet.name);
  const [codeLabel = '科目编码', nameLabel = '项目'] = reader.labels;
  const amountLabels = reader.labels.slice(2);
  const records: SheetExtract['records'] = [];
  const quarantined: QuarantinedRecord[] = [];
  const seen = new Set<string>();
  let skippedRows = 0;
  let section: string | null = null;
  for (const row of rows.filter((r) => r.number >= firstDataRow)) {
    const cell = (label: string): CellContent => row.cells[(columns[label] ?? 0) - 1] ?? null;
    const codeText = cellText(cell(codeLabel));
    // Text in the code column (单位负责人：…) is a note, not an account code.
    const code = codeText !== null && HAN.test(codeText) ? null : codeText;
    const name = cellText(cell(nameLabel)) ?? codeText ?? '';
    if (code === null) {
      const heading = SECTION_HEADINGS[name];
      if (heading !== undefined) section = heading;
      const hasAmount = amountLabels.some(
        (label) => label !== '资产级别' && label !== '单位' && yuanToFen(cell(label)) !== undefined,
      );
      if (!hasAmount) {
        skippedRows += 1;
      } else if (/小计|合计|总计/.test(name)) {
        quarantined.push(
          quarantine(
            row,
            'subtotal_row',
            `无科目编码的小计行“${name}”，不落地（合计由明细行核对）`,
          ),
        );
      } else {
        quarantined.push(quarantine(row, 'missing_item_code', `有金额而无科目编码的行“${name}”`));
      }
      continue;
    }
    const read = reader.read(cell, code, name, section);
    if ('reasonCode' in read && typeof read.reasonCode === 'string') {
      quarantined.push(quarantine(row, read.reasonCode, String(read.reason)));
      continue;
    }
    const parsed = reader.schema.safeParse(read);
    if (!parsed.success) {
      quarantined.push(
        quarantine(
          row,
          'invalid_line',
          `行不符合格式：${parsed.error.issues.map((i) => i.message).join('；')}`,
        ),
      );
      continue;
    }
    if (seen.has(code)) {
      quarantined.push(quarantine(row, 'duplicate_item_code', `科目编码重复：${code}`));
      continue;
    }
    seen.add(code);
    records.push({ ...(parsed.data as Record<string, unknown>), sheet_row: row.number });
  }
  return { records, quarantined, skippedRows };
}

/** Reads the workbook at `path` (every sheet), verifying the balance sheet's totals. */
export async function extractWorkbook(path: string): Promise<WorkbookExtract> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new FinanceFileError('unreadable_workbook', `无法读取工作簿：${String(error)}`, path, {
      cause: error,
    });
  }
  const sheetOf = (entity: FinanceEntity): ExcelJS.Worksheet => {
    const sheet = workbook.getWorksheet(SHEET_OF[entity]);
    if (sheet === undefined)
      throw new FinanceFileError('missing_sheet', `缺少工作表“${SHEET_OF[entity]}”`, path);
    return sheet;
  };
  const balance = extractSheet(sheetOf('balance_sheet_items'), 'balance_sheet_items');
  verifyBalanceSheetTotals(balance.records as unknown as readonly BalanceSheetLine[], path);
  return {
    balance_sheet_items: balance,
    income_statement_items: extractSheet(
      sheetOf('income_statement_items'),
      'income_statement_items',
    ),
    supplementary_items: extractSheet(sheetOf('supplementary_items'), 'supplementary_items'),
  };
}
