// Activities do all I/O and return metadata. They are created from resources (resources.ts), so
// tests and environments differ only in what they pass here.
import type { PipelineResources } from '../resources.ts';
import type {
  BankSourceMetadata,
  BusinessSourceMetadata,
  CommerceSourceMetadata,
  DbtBuildMetadata,
  TaxInboxMetadata,
} from './activity-metadata.ts';
import { landBankInboxWindow } from './bank-landing.ts';
import { landBusinessSourceWindow } from './business-landing.ts';
import { landCommerceSourceWindow } from './commerce-source-landing.ts';
import { buildDbtAsset } from './dbt-build.ts';
import { landTaxInboxDrops } from './tax-landing.ts';

export interface PipelineActivities {
  /** Lands one window of the whole commerce source into `raw_commerce.*` (incremental). */
  readonly landCommerceAll: (input: { window: string }) => Promise<CommerceSourceMetadata>;
  /** Lands one window of the legacy business database into `raw_business.*`. */
  readonly landBusiness: (input: { window: string }) => Promise<BusinessSourceMetadata>;
  /** Lands every complete monthly drop of the tax inbox into `raw_tax.*`, window = period. */
  readonly landTaxInbox: () => Promise<TaxInboxMetadata>;
  /** Lands every complete drop of the bank inbox into `raw_bank.*` as one window. */
  readonly landBankInbox: (input: { window: string }) => Promise<BankSourceMetadata>;
  /** `dbt build --select +<model>` for a dbt asset of the registry, then counts its rows. */
  readonly dbtBuild: (input: { asset: string }) => Promise<DbtBuildMetadata>;
}

export function createActivities(resources: PipelineResources): PipelineActivities {
  return {
    landCommerceAll: ({ window }) => landCommerceSourceWindow(resources, window),
    landBusiness: ({ window }) => landBusinessSourceWindow(resources, window),
    landTaxInbox: () => landTaxInboxDrops(resources),
    landBankInbox: ({ window }) => landBankInboxWindow(resources, window),
    dbtBuild: ({ asset }) => buildDbtAsset(resources, asset),
  };
}

export type {
  AssetRowCount,
  BankSourceMetadata,
  BusinessSourceMetadata,
  BusinessTableMetadata,
  CommerceSourceMetadata,
  DbtBuildMetadata,
  DbtNodeProblem,
  DbtNodeStatus,
  LandingMetadata,
  RefusedDrop,
  SourceLandingMetadata,
  TaxInboxMetadata,
  TaxPeriodMetadata,
} from './activity-metadata.ts';
export { DBT_BUILD_FAILED } from './activity-metadata.ts';
