export { BANK_DROP_REFUSED, BankFileError } from './bank-errors.ts';
export type { BankFileErrorKind } from './bank-errors.ts';
export { columnLetter, detectFile, splitCsvHeader } from './detect-layout.ts';
export type { DetectedFile } from './detect-layout.ts';
export { BANK_ENTITIES, extractBankDrops, loadBankFileExtensions } from './extract.ts';
export type {
  BankEntity,
  BankFileReport,
  EntityExtract,
  ExtractBankDropsOptions,
  ExtractBankDropsResult,
} from './extract.ts';
export { BANK_SOURCE, landBankDrops } from './land.ts';
export type { BankEntityLanding, BankLandingResult, LandBankDropsOptions } from './land.ts';
export {
  LAYOUT_A_CSV_UTF8,
  LAYOUT_B_CSV_GBK,
  LAYOUT_C_XLSX_TITLED,
  STATEMENT_LAYOUTS,
  layoutHeaders,
  layoutSignature,
} from './layout-registry.ts';
export type {
  AmountStyle,
  StatementContainer,
  StatementLayout,
  TextEncoding,
  TitledSheet,
} from './layout-registry.ts';
export { RECORD_ENTITIES, RECORD_LAYOUTS, detectRecordEntity } from './record-layouts.ts';
export type { RecordEntity, RecordLayout } from './record-layouts.ts';
export { DROP_MANIFEST_FILE, dropManifestSchema } from './schemas.ts';
export type { DropManifest } from './schemas.ts';
export {
  BANK_TRANSACTION_COLUMNS,
  DROP_LINEAGE_COLUMNS,
  beijingTimestampSql,
  currencySql,
  yuanToFenSql,
} from './type-mapping.ts';
export { BANK_RAW_TABLES, bankSource } from './source-definition.ts';
export type { BankSourceConfig } from './source-definition.ts';
