// What activities return: Dagster-style materialisation metadata, plain JSON so that it travels
// through Temporal's payload converter and can be recorded in the catalog.

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

export type DbtNodeStatus = 'success' | 'pass' | 'warn' | 'error' | 'fail' | 'skipped' | 'other';

/** One dbt node (model, test, seed…) that did not succeed. */
export interface DbtNodeProblem {
  readonly uniqueId: string;
  readonly status: DbtNodeStatus;
  readonly message: string;
}

/** Summary of a `dbt build`, plus the row count of every registry asset it built. */
export interface DbtBuildMetadata {
  readonly select: string;
  readonly success: boolean;
  readonly elapsedSeconds: number;
  readonly statusCounts: Readonly<Record<DbtNodeStatus, number>>;
  readonly problems: readonly DbtNodeProblem[];
  readonly assets: readonly {
    readonly asset: string;
    readonly relation: string;
    readonly rowCount: number;
  }[];
}

/** Error type of a dbt build whose models or tests failed: deterministic, never retried. */
export const DBT_BUILD_FAILED = 'DbtBuildFailed';
