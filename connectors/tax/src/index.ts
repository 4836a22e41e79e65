export {
  API_COLUMNS,
  CREDIT_GRADES,
  extractAuthorizedProfiles,
  judgeArrears,
  judgeCreditGrade,
} from './api-extract.ts';
export type {
  ApiEntity,
  ApiEntityExtract,
  ApiExtractResult,
  ApiRecordVerdict,
  SkippedEnterprise,
} from './api-extract.ts';
export type { PeriodRange, TaxClient } from './client.ts';
export {
  dropFileSchema,
  dropManifestSchema,
  readDropManifest,
  sha256OfFile,
  verifyDropFile,
} from './drop-manifest.ts';
export type { DropFile, DropManifest } from './drop-manifest.ts';
export { normalizedCodeSql, usccMacroSql } from './drop-sql.ts';
export { extractDropFile, isUtf8File } from './extract-drop.ts';
export type {
  DriftKind,
  DriftNotice,
  ExtractFileOptions,
  FileExtractResult,
} from './extract-drop.ts';
export { TAX_FILE_ENTITIES, TAX_SOURCE, extractDrop, landTaxDrop } from './land-drop.ts';
export type { DropLandingResult, EntityLanding, LandDropOptions } from './land-drop.ts';
export { landTaxAuthorizedProfiles } from './land-api.ts';
export type { ApiLandingResult } from './land-api.ts';
export { DEFAULT_TAX_TIMEOUT_MS, createTaxClient, taxClientConfigFromEnv } from './live-client.ts';
export type { TaxClientConfig } from './live-client.ts';
export {
  accessTokenSchema,
  arrearsRecordSchema,
  authorizationListSchema,
  authorizationSchema,
  creditGradeRecordSchema,
  describeIssues,
  taxEnvelopeSchema,
  taxpayerItemsSchema,
  taxpayerSchema,
} from './schemas.ts';
export type { AccessToken, TaxAuthorization, TaxpayerInfo, TaxpayerItems } from './schemas.ts';
export { AUTHORIZATION_ERRORS, RETRYABLE_TAX_ERRORS, TaxApiError } from './tax-errors.ts';
export type { TaxErrorKind } from './tax-errors.ts';
export { TAX_DROP_REFUSED, TaxFileError } from './tax-file-error.ts';
export type { TaxFileErrorKind } from './tax-file-error.ts';
export {
  DEDUPLICATION_KEYS,
  FILE_COLUMNS,
  INVOICE_STATUSES,
  taxFileColumnSpecs,
} from './type-mapping.ts';
export type { FileColumn, TaxFileEntity, ValueKind } from './type-mapping.ts';
export { landTaxInbox, planTaxDrops, scanTaxInbox } from './land-inbox.ts';
export type {
  LandTaxInboxOptions,
  RefusedTaxDrop,
  TaxDropFolder,
  TaxDropPlan,
  TaxInboxLanding,
} from './land-inbox.ts';
export { TAX_RAW_TABLES, taxSource } from './source-definition.ts';
export type { TaxSourceConfig } from './source-definition.ts';
