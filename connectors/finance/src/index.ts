export { extractSheet, extractWorkbook } from './extract.ts';
export type { SheetExtract, WorkbookExtract } from './extract.ts';
export { FINANCE_DROP_REFUSED, FinanceFileError } from './finance-errors.ts';
export type { FinanceFileErrorKind } from './finance-errors.ts';
export {
  DROP_MANIFEST_FILE,
  planFinanceDrops,
  readDropManifest,
  scanFinanceInbox,
  verifiedWorkbook,
} from './inbox.ts';
export type {
  FinanceDrop,
  FinanceDropPlan,
  FinanceInboxScan,
  RefusedFinanceDrop,
} from './inbox.ts';
export { FINANCE_SOURCE, landFinanceDrop, landFinanceInbox } from './land.ts';
export type {
  FinanceDropLanding,
  FinanceEntityLanding,
  FinanceInboxLanding,
  LandFinanceOptions,
} from './land.ts';
export {
  FINANCE_DROP_FORMAT,
  balanceSheetLineSchema,
  dropManifestSchema,
  incomeStatementLineSchema,
  supplementaryLineSchema,
} from './schemas.ts';
export type {
  BalanceSheetLine,
  DropManifest,
  IncomeStatementLine,
  SupplementaryLine,
} from './schemas.ts';
export { FINANCE_RAW_TABLES, financeSource } from './source-definition.ts';
export type { FinanceSourceConfig } from './source-definition.ts';
export { balanceSheetTotalErrors } from './statement-totals.ts';
export {
  FINANCE_COLUMNS,
  FINANCE_ENTITIES,
  SHEET_OF,
  assetClassOf,
  countOf,
  yuanToFen,
} from './type-mapping.ts';
export type { FinanceEntity } from './type-mapping.ts';
