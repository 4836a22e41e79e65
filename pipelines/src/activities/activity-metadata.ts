// What activities return: Dagster-style materialisation metadata, plain JSON so that it travels
// through Temporal's payload converter and can be recorded in the catalog.

import type { JsonValue } from '@sg/source-contract';
import type { DbtBuildPlan } from '../assets/registry.ts';

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
 * What the landing activity returns for one source: one {@link LandingMetadata} per raw asset it
 * wrote (for a period-partitioned source, one per asset and period), plus what the source itself
 * reported (its definition's details and operator note).
 */
export interface SourceLandingMetadata {
  readonly source: string;
  /** The source's Chinese title, e.g. `工商数据`. */
  readonly title: string;
  readonly window: string;
  readonly landings: readonly LandingMetadata[];
  /** What the source reports beyond its landings (mode, cursor, periods, drops…). */
  readonly details: Readonly<Record<string, JsonValue>>;
  /** One Chinese phrase for operators, e.g. `全量，159 家企业`. */
  readonly note: string;
}

/** A registered source, as a run plans it. */
export interface PlannedSource {
  readonly name: string;
  readonly title: string;
}

/** What a sources landing does, in order: every registered source, then the dbt build. */
export interface SourcesLandingPlan {
  readonly sources: readonly PlannedSource[];
  /** Null when no dbt model reads any registered source. */
  readonly dbt: DbtBuildPlan | null;
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
