/**
 * One month-end export of the finance system as its accountants produce it: an XLSX workbook
 * with the sheets 资产负债表, 利润表 and 补充资料, each with a merged title row, the company and
 * date line, `单位：元`, a (merged, two-level on the balance sheet) header and amounts in yuan as
 * numeric cells with two decimals.
 */
import ExcelJS from 'exceljs';
import type { BalanceSheetRow, MonthBooks } from './world-books.ts';

export const COMPANY_NAME = '银川中小企业融资担保有限公司';
export const SHEET_NAMES = {
  balanceSheet: '资产负债表',
  incomeStatement: '利润表',
  supplementary: '补充资料',
} as const;
export const ASSET_CLASS_LABELS = { I: 'Ⅰ级', II: 'Ⅱ级', III: 'Ⅲ级' } as const;

const AMOUNT_FORMAT = '#,##0.00';
const SECTION_TITLES = { asset: '资产', liability: '负债', equity: '所有者权益' } as const;

export interface WorkbookVariant {
  /** Closing balances shifted on these codes (a wrong first issue), fen. */
  readonly shiftedCodes: readonly string[];
  readonly shiftFen: number;
  readonly subtotalRow: boolean;
  readonly textAmount: boolean;
}

const yuan = (fen: number): number => fen / 100;

function lastDayOf(period: string): string {
  const [year, month] = period.split('-').map(Number);
  const day = new Date(Date.UTC(year ?? 0, month ?? 1, 0)).getUTCDate();
  return `${String(year)}年${String(month).padStart(2, '0')}月${String(day)}日`;
}

function titleRows(
  sheet: ExcelJS.Worksheet,
  title: string,
  date: string,
  lastColumn: string,
): void {
  sheet.addRow([title]);
  sheet.mergeCells(`A1:${lastColumn}1`);
  const titleCell = sheet.getCell('A1');
  titleCell.font = { bold: true, size: 16 };
  titleCell.alignment = { horizontal: 'center' };
  const meta = sheet.addRow([`编制单位：${COMPANY_NAME}`, null, date]);
  meta.getCell(lastColumn).value = '单位：元';
  sheet.mergeCells('A2:B2');
}

function balanceSheet(
  workbook: ExcelJS.Workbook,
  books: MonthBooks,
  variant: WorkbookVariant,
): void {
  const sheet = workbook.addWorksheet(SHEET_NAMES.balanceSheet);
  sheet.columns = [{ width: 12 }, { width: 44 }, { width: 10 }, { width: 20 }, { width: 20 }];
  titleRows(sheet, '资产负债表', lastDayOf(books.period), 'E');
  sheet.addRow(['科目编码', '项目', '资产级别', '金额', null]);
  sheet.addRow([null, null, null, '期末余额', '年初余额']);
  sheet.mergeCells('A3:A4');
  sheet.mergeCells('B3:B4');
  sheet.mergeCells('C3:C4');
  sheet.mergeCells('D3:E3');
  let section: BalanceSheetRow['section'] | null = null;
  for (const row of books.balanceSheet) {
    if (row.section !== section) {
      if (section !== null) sheet.addRow([]);
      sheet.addRow([null, SECTION_TITLES[row.section]]);
      section = row.section;
    }
    const shift = variant.shiftedCodes.includes(row.item_code) ? variant.shiftFen : 0;
    const line = sheet.addRow([
      row.item_code,
      row.item_name,
      row.asset_class === null ? null : ASSET_CLASS_LABELS[row.asset_class],
      yuan(row.closing_fen + shift),
      yuan(row.year_opening_fen),
    ]);
    line.getCell(4).numFmt = AMOUNT_FORMAT;
    line.getCell(5).numFmt = AMOUNT_FORMAT;
    if (variant.subtotalRow && row.item_code === '1221') {
      const current = books.balanceSheet.filter((r) =>
        ['1001', '1002', '1031', '1221'].includes(r.item_code),
      );
      sheet.addRow([
        null,
        '流动资产小计',
        null,
        yuan(current.reduce((sum, r) => sum + r.closing_fen, 0)),
        yuan(current.reduce((sum, r) => sum + r.year_opening_fen, 0)),
      ]);
    }
  }
  sheet.addRow([]);
  sheet.addRow(['单位负责人：', null, '会计机构负责人：', '制表人：']);
}

function incomeStatement(workbook: ExcelJS.Workbook, books: MonthBooks): void {
  const sheet = workbook.addWorksheet(SHEET_NAMES.incomeStatement);
  sheet.columns = [{ width: 12 }, { width: 30 }, { width: 20 }, { width: 20 }];
  const [year, month] = books.period.split('-');
  titleRows(sheet, '利润表', `${year ?? ''}年${month ?? ''}月`, 'D');
  sheet.addRow(['科目编码', '项目', '本月数', '本年累计数']);
  for (const row of books.incomeStatement) {
    const line = sheet.addRow([
      row.item_code,
      row.item_name,
      yuan(row.month_fen),
      yuan(row.year_to_date_fen),
    ]);
    line.getCell(3).numFmt = AMOUNT_FORMAT;
    line.getCell(4).numFmt = AMOUNT_FORMAT;
  }
}

function supplementary(
  workbook: ExcelJS.Workbook,
  books: MonthBooks,
  variant: WorkbookVariant,
): void {
  const sheet = workbook.addWorksheet(SHEET_NAMES.supplementary);
  sheet.columns = [{ width: 10 }, { width: 64 }, { width: 8 }, { width: 20 }];
  titleRows(sheet, '补充资料（准备金、股权投资及担保业务）', lastDayOf(books.period), 'D');
  sheet.addRow(['编码', '项目', '单位', '本期数']);
  for (const row of books.supplementary) {
    const value =
      row.unit === '笔' ? (variant.textAmount ? '见附表' : row.count) : yuan(row.amount_fen ?? 0);
    const line = sheet.addRow([row.item_code, row.item_name, row.unit, value]);
    if (row.unit === '元') line.getCell(4).numFmt = AMOUNT_FORMAT;
  }
}

/** The month's workbook, written to `path`. */
export async function writeStatementWorkbook(
  path: string,
  books: MonthBooks,
  variant: WorkbookVariant,
  issuedAt: Date,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `${COMPANY_NAME}财务部`;
  workbook.created = issuedAt;
  workbook.modified = issuedAt;
  balanceSheet(workbook, books, variant);
  incomeStatement(workbook, books);
  supplementary(workbook, books, variant);
  await workbook.xlsx.writeFile(path);
}
