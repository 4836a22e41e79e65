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
export { NINGXIA_PREFECTURE_PROFILES } from './ningxia-counties.ts';
export type { PrefectureProfile } from './ningxia-counties.ts';
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
export type { Fault, FaultInjector, FaultInput } from './fault-injector.ts';
export type { RateLimit } from './rate-limiter.ts';
export { formatCapitalText, toVendorEnterprise, toVendorSummary } from './vendor-records.ts';
export type { VendorEnterprise, VendorEnterpriseSummary } from './vendor-records.ts';
