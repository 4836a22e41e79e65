// @sg/pipelines: the asset registry, the Temporal workflows that materialise it, the activities
// and their per-environment resources, the worker, the client and the local dev server helper.
export { AssetGraphError, defineAssetGraph } from './assets/asset-definition.ts';
export type {
  AssetDefinition,
  AssetGraph,
  AssetKind,
  AssetPartitioning,
} from './assets/asset-definition.ts';
export {
  MARTS_ENTERPRISES,
  RAW_COMMERCE_ENTERPRISES,
  STG_COMMERCE_ENTERPRISES,
  assetGraph,
  dbtAssetsBuiltWith,
  dbtSelectorFor,
} from './assets/registry.ts';
export { createActivities, DBT_BUILD_FAILED } from './activities/index.ts';
export type {
  AssetRowCount,
  DbtBuildMetadata,
  DbtNodeProblem,
  DbtNodeStatus,
  LandingMetadata,
  PipelineActivities,
} from './activities/index.ts';
export { COMMERCE_API_REJECTED } from './activities/commerce-landing.ts';
export {
  LOCAL_COMMERCE_DEFAULTS,
  ResourceConfigError,
  commerceConfigForEnvironment,
  pipelineEnvironmentFromEnv,
  resourcesFromEnv,
} from './resources.ts';
export type { DbtRunner, Env, PipelineEnvironment, PipelineResources } from './resources.ts';
export {
  DEFAULT_TEMPORAL_ADDRESS,
  NAMESPACE,
  TASK_QUEUE,
  temporalAddressFromEnv,
} from './temporal-settings.ts';
export { COMMERCE_LANDING_AND_BUILD_FAILED } from './workflows/commerce-landing-and-build.ts';
export type {
  CommerceLandingAndBuildInput,
  CommerceLandingAndBuildResult,
} from './workflows/commerce-landing-and-build.ts';
export { INVALID_LANDING_WINDOW, isLandingWindow } from './workflows/landing-window.ts';
export { commerceLandingWorkflowId, runCommerceLanding } from './client/commerce-landing-run.ts';
export type {
  CommerceLandingRun,
  RunCommerceLandingOptions,
} from './client/commerce-landing-run.ts';
export { defaultLandingWindow } from './client/default-landing-window.ts';
export { WORKFLOWS_PATH, createPipelinesWorker } from './worker/create-worker.ts';
export type { PipelinesWorkerOptions } from './worker/create-worker.ts';
export {
  devServerArgs,
  devServerOptionsFromEnv,
  isTemporalReady,
  startTemporalDevServer,
} from './dev-server.ts';
export type { TemporalDevServer, TemporalDevServerOptions } from './dev-server.ts';
