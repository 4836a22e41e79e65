// Activities do all I/O and return metadata. They are created from resources (resources.ts) and
// the registry, so tests and environments differ only in what they pass here.
import { SOURCES, createPipelineRegistry } from '../assets/registry.ts';
import type { PipelineRegistry } from '../assets/registry.ts';
import type { PipelineResources } from '../resources.ts';
import type {
  DbtBuildMetadata,
  SourceLandingMetadata,
  SourcesLandingPlan,
} from './activity-metadata.ts';
import { buildDbtAssets } from './dbt-build.ts';
import { landSourceWindow, sourcesLandingPlan } from './source-landing.ts';

export interface PipelineActivities {
  /** Every registered source in landing order, and the dbt build downstream of them. */
  readonly planSourcesLanding: () => Promise<SourcesLandingPlan>;
  /** Lands one window of a registered source into its `raw_<source>.*` tables. */
  readonly landSource: (input: {
    source: string;
    window: string;
  }) => Promise<SourceLandingMetadata>;
  /** `dbt build --select +<model> …` for dbt assets of the registry, then counts their rows. */
  readonly dbtBuild: (input: { assets: readonly string[] }) => Promise<DbtBuildMetadata>;
}

/**
 * The registry of the registered sources and the dbt project as dbt parses it (`dbt parse`, once
 * per worker).
 */
export async function loadPipelineRegistry(
  resources: PipelineResources,
): Promise<PipelineRegistry> {
  return createPipelineRegistry({ sources: SOURCES, dbtManifest: await resources.dbtManifest() });
}

export function createActivities(
  resources: PipelineResources,
  options: { readonly registry?: PipelineRegistry } = {},
): PipelineActivities {
  let loading: Promise<PipelineRegistry> | undefined;
  const registry = (): Promise<PipelineRegistry> => {
    if (options.registry !== undefined) return Promise.resolve(options.registry);
    if (loading === undefined) {
      const load = loadPipelineRegistry(resources);
      // A failed load (dbt not installed yet…) is tried again by the next activity.
      load.catch(() => {
        if (loading === load) loading = undefined;
      });
      loading = load;
    }
    return loading;
  };
  return {
    planSourcesLanding: async () => sourcesLandingPlan(await registry()),
    landSource: async ({ source, window }) =>
      landSourceWindow(resources, await registry(), source, window),
    dbtBuild: async ({ assets }) => buildDbtAssets(resources, await registry(), assets),
  };
}

export type {
  AssetRowCount,
  DbtBuildMetadata,
  DbtNodeProblem,
  DbtNodeStatus,
  LandingMetadata,
  PlannedSource,
  SourceLandingMetadata,
  SourcesLandingPlan,
} from './activity-metadata.ts';
export { DBT_BUILD_FAILED } from './activity-metadata.ts';
