export {
  BEIJING_OFFSET_SECONDS,
  beijingToEpochSeconds,
  epochDayToIsoDate,
  epochSecondsToBeijing,
  epochSecondsToIsoUtc,
  isoDateToEpochDay,
} from './calendar.ts';
export { createSeededRandom, deriveSeed, type SeededRandom } from './seeded-random.ts';
export { syntheticPersonName } from './person-names.ts';
export {
  NINGXIA_NAME_PREFIX,
  NINGXIA_PREFECTURE_PROFILES,
  YINCHUAN_GUARANTOR_SERVICE_AREA,
  countyWeightsFor,
  type CountyChoice,
  type PrefectureProfile,
  type PrefectureShares,
} from './ningxia-counties.ts';
export {
  INDUSTRY_PROFILES,
  type IndustryCluster,
  type IndustryProfile,
} from './industry-profiles.ts';
export {
  createRateLimiter,
  type RateDecision,
  type RateLimit,
  type RateLimiter,
} from './rate-limiter.ts';
export {
  createFaultInjector,
  faultSchema,
  statusFaultHeaders,
  type Fault,
  type FaultInjector,
  type FaultInput,
} from './fault-injector.ts';
export { listenOn, type ListeningServer } from './http-listener.ts';
export {
  createSimulatorHttpServer,
  simulatorApiRequest,
  type SimulatorApiRequest,
  type SimulatorHttpHandlers,
} from './simulator-http-server.ts';
