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
export { INDUSTRY_PROFILES } from './industry-profiles.ts';
export type { IndustryCluster, IndustryProfile } from './industry-profiles.ts';
export {
  NINGXIA_NAME_PREFIX,
  NINGXIA_PREFECTURE_PROFILES,
  countyWeightsFor,
} from './ningxia-counties.ts';
export type { CountyChoice, PrefectureProfile } from './ningxia-counties.ts';
export { syntheticPersonName } from './person-names.ts';
export {
  BEIJING_OFFSET_SECONDS,
  epochDayToIsoDate,
  epochSecondsToIsoUtc,
  isoDateToEpochDay,
} from './calendar.ts';
export { createSeededRandom, deriveSeed } from './seeded-random.ts';
export type { SeededRandom } from './seeded-random.ts';
export {
  DEFAULT_COMMERCE_SEED,
  DEFAULT_RATE_LIMIT,
  DEFAULT_TIMESTAMP_TOLERANCE_SECONDS,
  DEV_COMMERCE_API_KEY,
  DEV_COMMERCE_API_SECRET,
  startCommerceSimulator,
} from './server.ts';
export type { CommerceSimulator, CommerceSimulatorOptions, CommerceTotals } from './server.ts';
export { createFaultInjector, faultSchema } from './fault-injector.ts';
export type { Fault, FaultInjector, FaultInput } from './fault-injector.ts';
export { createRateLimiter } from './rate-limiter.ts';
export type { RateDecision, RateLimit, RateLimiter } from './rate-limiter.ts';
export { formatCapitalText, toVendorEnterprise, toVendorSummary } from './vendor-records.ts';
export type { VendorEnterprise, VendorEnterpriseSummary } from './vendor-records.ts';
export { RELATED_SECTIONS, RELATED_SECTION_NAMES } from './commerce-catalog.ts';
export type { CommerceCatalog, RelatedSection } from './commerce-catalog.ts';
export { COMMERCE_WORLD_SUBDIR, openWorldCatalog, worldTimeToUtcIso } from './world-catalog.ts';
export type { WorldCommerceCatalog } from './world-catalog.ts';
export { listenOn } from './http-listener.ts';
export type { ListeningServer } from './http-listener.ts';
