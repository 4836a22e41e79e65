export type { CommerceClient, ListingQuery, SearchQuery } from './client.ts';
export { CommerceApiError, RETRYABLE_KINDS } from './commerce-errors.ts';
export type { CommerceErrorKind } from './commerce-errors.ts';
export { DEFAULT_EXTRACT_PAGE_SIZE, extractEnterprises, judgeRecord } from './extract.ts';
export type { ExtractOptions, ExtractResult, RecordVerdict } from './extract.ts';
export { COMMERCE_SOURCE, ENTERPRISES_ENTITY, landCommerceEnterprises } from './land.ts';
export type { LandCommerceOptions } from './land.ts';
export {
  DEFAULT_TIMEOUT_MS,
  commerceClientConfigFromEnv,
  createCommerceClient,
} from './live-client.ts';
export type { CommerceClientConfig } from './live-client.ts';
export { DEFAULT_RETRY_POLICY } from './retry-policy.ts';
export type { RetryPolicy } from './retry-policy.ts';
export {
  listingPageSchema,
  searchPageSchema,
  vendorEnterpriseSchema,
  vendorEnterpriseSummarySchema,
  vendorEnvelopeSchema,
} from './schemas.ts';
export type {
  ListingPage,
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
  COMMERCE_ENTERPRISE_COLUMNS,
  commerceEnterpriseColumnSpecs,
  parseRegisteredCapitalFen,
  toRawEnterpriseRow,
} from './type-mapping.ts';
export type { ArrowTypeName, CommerceColumn, RawEnterpriseRow } from './type-mapping.ts';
export type { VendorExchange } from './vendor-responses.ts';
