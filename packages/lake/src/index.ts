// bench/ still imports findRepoRoot from here (another change owns bench/); everything else imports
// it from @sg/runtime-env, where it lives.
export { findRepoRoot } from '@sg/runtime-env';
export { catalogUrl, lakeConfigFromEnv, lakeConfigToEnv, parseCatalogUrl } from './lake-config.ts';
export type { LakeCatalog, LakeConfig } from './lake-config.ts';
export {
  LAKE_DATABASE,
  attachLakeSql,
  spillDirectory,
  loadExtensionsSql,
  openLake,
} from './open-lake.ts';
export type { Lake, OpenLakeOptions } from './open-lake.ts';
export { commitLockPath, withCatalogCommitLock } from './catalog-commit-lock.ts';
export type { CommitLockOptions, CommitLockOwner } from './catalog-commit-lock.ts';
export {
  isCatalogContentionError,
  isCatalogInitialisationRace,
  retryOnCatalogContention,
} from './catalog-contention.ts';
export type { RetryOptions } from './catalog-contention.ts';
export { runLakeTransaction } from './lake-transaction.ts';
export type { LakeTransactionOptions } from './lake-transaction.ts';
export { landRecords, rawTableName } from './land-records.ts';
export type { LandRecordsOptions } from './land-records.ts';
export { COLUMN_TYPES, columnSpecSchema, landingRequestSchema } from './landing-request.ts';
export type {
  ColumnSpec,
  ColumnType,
  LandingRequest,
  LandingResult,
  QuarantinedRecord,
} from './landing-request.ts';
export { canonicalSchema, schemaHash } from './landing-fingerprint.ts';
// Connectors and bench/ still import the SQL text helpers from here; they live in @sg/sql-text.
export { sqlIdentifier, sqlString } from '@sg/sql-text';
