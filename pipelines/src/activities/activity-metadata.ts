// What activities return: Dagster-style materialisation metadata, plain JSON so that it travels
// through Temporal's payload converter and can be recorded in the catalog.

import type { SourceName } from '../assets/registry.ts';

/** Metadata of one landing of a window into a raw lake table. */
export interface LandingMetadata {
  readonly asset: string;
  readonly window: string;
  readonly landingId: string;
  readonly rowCount: number;
  readonly quarantinedCount: number;
  readonly checksum: string;
  readonly schemaHash: string;
}

/**
 * What a source's landing activity returns: one {@link LandingMetadata} per raw asset it wrote
 * (for tax, one per asset and period), plus what the source itself reported.
 */
export interface SourceLandingMetadata {
  readonly source: SourceName;
  readonly landings: readonly LandingMetadata[];
}

/** The whole commerce source (`landCommerceSource`): nine raw assets, one window. */
export interface CommerceSourceMetadata extends SourceLandingMetadata {
  readonly source: 'commerce';
  readonly window: string;
  /** `full` the first time (no feed cursor in the lake yet), then `incremental`. */
  readonly mode: 'full' | 'incremental';
  /** The change-feed cursor the pull resumed from (null for a full landing). */
  readonly since: string | null;
  /** Where the next incremental landing resumes. */
  readonly feedCursor: string | null;
  readonly enterprisesPulled: number;
  /** USCCs the feed named that the vendor no longer has. */
  readonly enterprisesGone: readonly string[];
}

/** One legacy table of a business landing. */
export interface BusinessTableMetadata {
  readonly table: string;
  readonly mode: 'full' | 'incremental';
  /** Beijing-local lower bound of an incremental read, else null. */
  readonly updatedSince: string | null;
  readonly receivedCount: number;
  readonly deletedCount: number;
}

/** The legacy business database (`landBusinessWindow`): its tables, deletions and schema drift. */
export interface BusinessSourceMetadata extends SourceLandingMetadata {
  readonly source: 'business';
  readonly window: string;
  readonly tables: readonly BusinessTableMetadata[];
  readonly driftFindings: number;
}

/** One monthly tax drop that was landed (window = its period). */
export interface TaxPeriodMetadata {
  readonly period: string;
  readonly sequence: number;
  /** The drop folder's name in the inbox, e.g. `2025-05_02`. */
  readonly drop: string;
  /** Header drift notices (new, missing optional or retyped columns) over both files. */
  readonly driftNotices: number;
}

/** A drop the tax connector refused (nothing of it landed). */
export interface RefusedDrop {
  readonly drop: string;
  readonly kind: string;
  readonly message: string;
}

/** Every complete drop of the tax inbox, the latest sequence of each period landed in order. */
export interface TaxInboxMetadata extends SourceLandingMetadata {
  readonly source: 'tax';
  readonly periods: readonly TaxPeriodMetadata[];
  /** Earlier sequences of a period a later (corrected) drop replaces: not landed. */
  readonly supersededDrops: readonly string[];
  /** Folders without manifest.json yet (still being delivered): not landed. */
  readonly incompleteDrops: readonly string[];
  readonly refusedDrops: readonly RefusedDrop[];
}

/** Every complete drop of the bank inbox, landed as one window (`landBankDrops`). */
export interface BankSourceMetadata extends SourceLandingMetadata {
  readonly source: 'bank';
  readonly window: string;
  readonly dropIds: readonly string[];
  readonly fileCount: number;
  /** Files lying in a drop folder without being listed in its manifest (not read). */
  readonly unlistedFiles: readonly string[];
  /** Per raw asset: older identical copies from overlapping drops, landed once. */
  readonly collapsedDuplicates: Readonly<Record<string, number>>;
}

/** dbt node statuses as counted here; anything else dbt reports (no-op, …) counts as `other`. */
export type DbtNodeStatus = 'success' | 'pass' | 'warn' | 'error' | 'fail' | 'skipped' | 'other';

/** One dbt node (model, test, seed…) that failed or warned. */
export interface DbtNodeProblem {
  readonly uniqueId: string;
  /** dbt's own status, e.g. `fail`, `error`, `warn`, `runtime error`. */
  readonly status: string;
  readonly message: string;
}

/** Summary of a `dbt build`, plus the row count of every registry asset it built. */
export interface DbtBuildMetadata {
  readonly select: string;
  /** dbt's invocation id (links to its logs and artifacts), when dbt got as far as writing it. */
  readonly invocationId: string | null;
  readonly success: boolean;
  readonly elapsedSeconds: number;
  readonly statusCounts: Readonly<Record<DbtNodeStatus, number>>;
  readonly problems: readonly DbtNodeProblem[];
  /** Row count of every registry asset the build materialised, in build order. */
  readonly assets: readonly AssetRowCount[];
}

export interface AssetRowCount {
  readonly asset: string;
  readonly relation: string;
  readonly rowCount: number;
}

/** Error type of a dbt build whose models or tests failed: deterministic, never retried. */
export const DBT_BUILD_FAILED = 'DbtBuildFailed';
