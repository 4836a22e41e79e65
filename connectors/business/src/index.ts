export type {
  BusinessSourceClient,
  KeyPageQuery,
  RowPageQuery,
  SourceRow,
  SourceValue,
} from './client.ts';
export { DEFAULT_EXTRACT_PAGE_SIZE, extractKeys, extractTable } from './extract.ts';
export type { ExtractKeysResult, ExtractTableOptions, ExtractTableResult } from './extract.ts';
export {
  BUSINESS_SOURCE,
  DELETIONS_ENTITY,
  SCHEMA_DRIFT_ENTITY,
  detectDeletedKeys,
  previousWatermark,
} from './lake-state.ts';
export type { DeletedKey } from './lake-state.ts';
export {
  DEFAULT_OVERLAP_MINUTES,
  DELETION_COLUMNS,
  SCHEMA_DRIFT_COLUMNS,
  incrementalLowerBound,
  landBusinessWindow,
} from './land.ts';
export type { BusinessLandingResult, LandBusinessOptions, TableLanding } from './land.ts';
export {
  DEFAULT_EMBEDDED_BUSINESS_DB_PORT,
  businessClientConfigFromEnv,
  createBusinessClient,
  createMariaDbBusinessClient,
  createPostgresBusinessClient,
} from './live-client.ts';
export type { BusinessEnv } from './live-client.ts';
export { detectSchemaDrift } from './schema-drift.ts';
export type { DriftChange, DriftFinding } from './schema-drift.ts';
export {
  SOURCE_TYPE_FAMILIES,
  businessClientConfigSchema,
  businessSnapshotSchema,
} from './schemas.ts';
export type {
  BusinessClientConfig,
  BusinessSnapshot,
  SourceColumn,
  SourceTypeFamily,
} from './schemas.ts';
export { createSnapshotBusinessClient, loadBusinessSnapshot } from './snapshot-client.ts';
export { normaliseSourceType, parseSourceTypeText, typeFamily } from './source-types.ts';
export {
  BUSINESS_TABLES,
  beijingDatetimeToUtc,
  convertValue,
  findBusinessTable,
  rawColumnSpecs,
  toRawRow,
  utcToBeijingDatetime,
} from './type-mapping.ts';
export type { Conversion, MappedColumn, MappedTable, RawValue } from './type-mapping.ts';
export {
  BUSINESS_DATABASE_REJECTED,
  BusinessDatabaseError,
  asBusinessDatabaseError,
  sqlStateOf,
} from './business-errors.ts';
export { BUSINESS_RAW_TABLES, businessSource } from './source-definition.ts';
