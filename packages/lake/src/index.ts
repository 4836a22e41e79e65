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
