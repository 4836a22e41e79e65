// @sg/semantic: Cube-format model files, a Cube-query → DuckDB SQL compiler and a server that
// answers Cube's REST API (/cubejs-api/v1/load, /sql, /meta).
export { loadSemanticModel, parseModelFile, DEFAULT_MODEL_DIRECTORY } from './model/load-model.ts';
export { buildSemanticModel, ModelError } from './model/semantic-model.ts';
export type {
  SemanticModel,
  SemanticView,
  ViewDimension,
  ViewMeasure,
  ViewMember,
} from './model/semantic-model.ts';
export { cubeQuerySchema, GRANULARITIES } from './query/cube-query.ts';
export type { CubeQuery, CubeQueryInput, Granularity, QueryFilter } from './query/cube-query.ts';
export {
  compileQuery,
  parseCubeQuery,
  DEFAULT_ROW_LIMIT,
  MAX_ROW_LIMIT,
} from './query/compile-query.ts';
export type { CompiledQuery, NormalizedQuery, QueryAnnotation } from './query/compile-query.ts';
export { QueryError } from './query/query-errors.ts';
export { resolveDateRange } from './query/date-range.ts';
export {
  cubeRows,
  loadResult,
  metaResponse,
  multiLoadResponse,
  sqlResponse,
} from './api/cube-responses.ts';
export type { LoadResult, MultiLoadResponse } from './api/cube-responses.ts';
export { DEV_SEMANTIC_SECRET, signToken, verifyAuthorization } from '@sg/api-token';
export {
  createQueryRunner,
  classifyQueryFailure,
  DEFAULT_RUNNER_LIMITS,
  QueryTimeoutError,
} from './server/query-runner.ts';
export type {
  ConnectionSource,
  QueryFailure,
  QueryRunner,
  QuerySession,
  RunnerLimits,
  SourceOpener,
} from './server/query-runner.ts';
export {
  PoolClosedError,
  PoolSaturatedError,
  PoolWaitTimeoutError,
} from './server/connection-pool.ts';
export type { PoolLimits, PoolStats } from './server/connection-pool.ts';
export { CONTINUE_WAIT, errorResponse } from './server/error-responses.ts';
export { createSemanticServer, API_BASE_PATH } from './server/semantic-server.ts';
export type { DrainReport, SemanticServer } from './server/semantic-server.ts';
export { ARROW_STREAM_MEDIA_TYPE } from './server/arrow-ipc.ts';
export { semanticSettingsFromEnv, DEFAULT_DRAIN_MS } from './server/semantic-settings.ts';
export type { SemanticSettings } from './server/semantic-settings.ts';
