// @sg/pipelines: the asset registry, the Temporal workflows that materialise it, the activities
// and their per-environment resources, the worker, the client and the local dev server helper.
export { AssetGraphError, defineAssetGraph } from './assets/asset-definition.ts';
export type {
  AssetDefinition,
  AssetGraph,
  AssetKind,
  AssetPartitioning,
} from './assets/asset-definition.ts';
export { SOURCES, createPipelineRegistry, landingAssetKey } from './assets/registry.ts';
export type { DbtBuildPlan, PipelineRegistry } from './assets/registry.ts';
export { createActivities, DBT_BUILD_FAILED, loadPipelineRegistry } from './activities/index.ts';
export type {
  AssetRowCount,
  DbtBuildMetadata,
  DbtNodeProblem,
  DbtNodeStatus,
  LandingMetadata,
  PipelineActivities,
  PlannedSource,
  SourceLandingMetadata,
  SourcesLandingPlan,
} from './activities/index.ts';
export { INVALID_ARGUMENT } from './activities/activity-errors.ts';
export {
  ResourceConfigError,
  pipelineEnvironmentFromEnv,
  resourcesFromEnv,
  sourceConfigsFromEnv,
} from './resources.ts';
export type { DbtRunner, Env, PipelineEnvironment, PipelineResources } from './resources.ts';
export {
  DEFAULT_TEMPORAL_ADDRESS,
  NAMESPACE,
  TASK_QUEUE,
  temporalAddressFromEnv,
} from './temporal-settings.ts';
export { SOURCES_LANDING_AND_BUILD_FAILED } from './workflows/sources-landing-and-build.ts';
export type {
  FailedStep,
  SourceLandings,
  SourcesLandingAndBuildInput,
  SourcesLandingAndBuildResult,
  SourcesLandingOutcome,
} from './workflows/sources-landing-and-build.ts';
export { INVALID_LANDING_WINDOW, isLandingWindow } from './workflows/landing-window.ts';
export { runSourcesLanding, sourcesLandingWorkflowId } from './client/sources-landing-run.ts';
export type { RunSourcesLandingOptions, SourcesLandingRun } from './client/sources-landing-run.ts';
export { summariseSourcesLanding } from './client/sources-landing-summary.ts';
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
