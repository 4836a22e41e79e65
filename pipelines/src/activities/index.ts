// Activities do all I/O and return metadata. They are created from resources (resources.ts), so
// tests and environments differ only in what they pass here.
import type { PipelineResources } from '../resources.ts';
import type { DbtBuildMetadata, LandingMetadata } from './activity-metadata.ts';
import { landCommerceWindow } from './commerce-landing.ts';
import { buildDbtAsset } from './dbt-build.ts';

export interface PipelineActivities {
  /** Lands one window of commerce enterprises into `raw_commerce.enterprises`. */
  readonly landCommerceEnterprises: (input: { window: string }) => Promise<LandingMetadata>;
  /** `dbt build --select +<model>` for a dbt asset of the registry, then counts its rows. */
  readonly dbtBuild: (input: { asset: string }) => Promise<DbtBuildMetadata>;
}

export function createActivities(resources: PipelineResources): PipelineActivities {
  return {
    landCommerceEnterprises: ({ window }) => landCommerceWindow(resources, window),
    dbtBuild: ({ asset }) => buildDbtAsset(resources, asset),
  };
}

export type {
  AssetRowCount,
  DbtBuildMetadata,
  DbtNodeProblem,
  DbtNodeStatus,
  LandingMetadata,
} from './activity-metadata.ts';
export { DBT_BUILD_FAILED } from './activity-metadata.ts';
