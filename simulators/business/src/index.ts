export { advanceBusinessDatabase, driftStatements, pickDistinct } from './advance.ts';
export type { AdvanceDrift, AdvanceOptions, AdvanceReport, DriftChange } from './advance.ts';
export { DEFAULT_BUSINESS_DB_PORT, businessDbConfigFromEnv } from './business-db-config.ts';
export type { BusinessDbConfig, BusinessDbEnv } from './business-db-config.ts';
export { connectLegacyDatabase, csvField, dialectOfUrl, placeholder } from './legacy-database.ts';
export type { BulkLoadMethod, ConnectLegacyOptions, LegacyDatabase } from './legacy-database.ts';
export {
  LEGACY_TABLES,
  columnTypeSql,
  findLegacyTable,
  legacySchemaDdl,
  quoteIdentifier,
  tableDdl,
} from './legacy-schema.ts';
export type {
  LegacyColumn,
  LegacyColumnKind,
  LegacyDialect,
  LegacyTable,
} from './legacy-schema.ts';
export { legacyRow, legacyValue, toBeijingDatetime, yuanTextFromFen } from './legacy-values.ts';
export type { LegacyValue } from './legacy-values.ts';
export { businessSourceFile, createLegacySchema, seedBusinessDatabase } from './seeder.ts';
export type { SeedOptions, SeedResult } from './seeder.ts';
