export {
  DEFAULT_AS_OF,
  DEFAULT_ENTERPRISE_COUNT,
  REGISTRATION_STATUSES,
  generateCommerceEnterprises,
  iterateCommerceEnterprises,
} from './enterprise-generator.ts';
export type {
  CommerceEnterprise,
  GenerateOptions,
  RegistrationStatus,
} from './enterprise-generator.ts';
export {
  DEFAULT_COMMERCE_SEED,
  DEFAULT_RATE_LIMIT,
  DEFAULT_TIMESTAMP_TOLERANCE_SECONDS,
  DEV_COMMERCE_API_KEY,
  DEV_COMMERCE_API_SECRET,
  startCommerceSimulator,
} from './server.ts';
export type { CommerceSimulator, CommerceSimulatorOptions, CommerceTotals } from './server.ts';
export { formatCapitalText, toVendorEnterprise, toVendorSummary } from './vendor-records.ts';
export type { VendorEnterprise, VendorEnterpriseSummary } from './vendor-records.ts';
export { RELATED_SECTIONS, RELATED_SECTION_NAMES } from './commerce-catalog.ts';
export type { CommerceCatalog, RelatedSection } from './commerce-catalog.ts';
export { COMMERCE_WORLD_SUBDIR, openWorldCatalog, worldTimeToUtcIso } from './world-catalog.ts';
export type { WorldCommerceCatalog } from './world-catalog.ts';
