export type {
  ChangeFeedQuery,
  CommerceClient,
  CommerceSourceClient,
  ListingQuery,
  RelatedList,
  RelatedQuery,
  SearchQuery,
} from './client.ts';
export { mapBounded } from './bounded-concurrency.ts';
export { COMMERCE_API_REJECTED, CommerceApiError, RETRYABLE_KINDS } from './commerce-errors.ts';
export type { CommerceErrorKind } from './commerce-errors.ts';
export { DEFAULT_EXTRACT_PAGE_SIZE, judgeRecord } from './enterprise-records.ts';
export type { RecordVerdict } from './enterprise-records.ts';
export {
  CHANGE_FEED_ENTITY,
  COMMERCE_ENTITIES,
  COMMERCE_SOURCE,
  ENTERPRISES_ENTITY,
  DEFAULT_FEED_PAGE_SIZE,
  DEFAULT_RELATED_CONCURRENCY,
  DEFAULT_RELATED_PAGE_SIZE,
  extractCommerceSource,
} from './extract-source.ts';
export type {
  EntityExtract,
  SourceExtractOptions,
  SourceExtractResult,
  SourcePull,
} from './extract-source.ts';
export { landCommerceSource, readCommerceFeedCursor } from './land-source.ts';
export type { CommerceSourceLanding, LandCommerceSourceOptions } from './land-source.ts';
export { RELATED_LISTS } from './vendor-requests.ts';
export { RELATED_ENTITIES, judgeRelatedRecord } from './related-entities.ts';
export type { RelatedEntity, RelatedVerdict } from './related-entities.ts';
export {
  DEFAULT_TIMEOUT_MS,
  commerceClientConfigFromEnv,
  createCommerceClient,
} from './live-client.ts';
export type { CommerceClientConfig } from './live-client.ts';
export {
  changeFeedPageSchema,
  listingPageSchema,
  relatedPageSchema,
  searchPageSchema,
  vendorAbnormalOperationSchema,
  vendorChangeRecordSchema,
  vendorCourtCaseSchema,
  vendorEnforcementSchema,
  vendorExecutiveSchema,
  vendorPenaltySchema,
  vendorShareholderSchema,
  vendorEnterpriseSchema,
  vendorEnterpriseSummarySchema,
  vendorEnvelopeSchema,
} from './schemas.ts';
export type {
  ChangeFeedPage,
  ListingPage,
  RelatedPage,
  SearchPage,
  VendorEnterprise,
  VendorEnterpriseSummary,
} from './schemas.ts';
export {
  commerceSnapshotSchema,
  createSnapshotCommerceClient,
  createSnapshotRecorder,
  loadCommerceSnapshot,
} from './snapshot-client.ts';
export type { CommerceSnapshot } from './snapshot-client.ts';
export {
  COMMERCE_CHANGE_FEED_COLUMNS,
  COMMERCE_ENTERPRISE_COLUMNS,
  COMMERCE_ENTERPRISE_PROFILE_COLUMNS,
  COMMERCE_RELATED_COLUMNS,
  commerceEnterpriseColumnSpecs,
  parseRegisteredCapitalFen,
  toColumnSpecs,
  toRawEnterpriseRow,
  toRawRelatedRow,
} from './type-mapping.ts';
export type {
  ArrowTypeName,
  CommerceColumn,
  CommerceRelatedEntity,
  RawEnterpriseRow,
  RelatedColumn,
} from './type-mapping.ts';
export type { VendorExchange } from './vendor-responses.ts';
export {
  COMMERCE_RAW_TABLES,
  LOCAL_COMMERCE_DEFAULTS,
  commerceSource,
} from './source-definition.ts';
