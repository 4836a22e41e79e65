export { NO_DEFECTS, RESTATED_CODES, planExportDefects } from './export-defects.ts';
export type { ExportDefects } from './export-defects.ts';
export {
  ASSET_CLASS_LABELS,
  COMPANY_NAME,
  SHEET_NAMES,
  writeStatementWorkbook,
} from './statement-workbook.ts';
export type { WorkbookVariant } from './statement-workbook.ts';
export { readWorldBooks } from './world-books.ts';
export type {
  BalanceSheetRow,
  IncomeStatementRow,
  MonthBooks,
  SupplementaryRow,
} from './world-books.ts';
export {
  FINANCE_DROP_FORMAT,
  FINANCE_DROP_MANIFEST,
  dropNameOf,
  writeFinanceDrops,
} from './write-finance-drops.ts';
export type { FinanceDropManifest, WriteFinanceDropsOptions } from './write-finance-drops.ts';
