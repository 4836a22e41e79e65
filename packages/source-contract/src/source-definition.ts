// What a source is, declared once by its connector: its raw tables (grain, columns, Chinese
// titles), its partitioning, where its settings come from and how it lands a window. The pipelines
// derive their landing assets, their one landing activity and the order of a run from the list of
// these definitions; nothing else names a source's tables.
import type { ColumnSpec, Lake, LandingResult } from '@sg/lake';

/**
 * How a source's raw tables are partitioned: by landing `window` (e.g. `2025-06-30`), or by the
 * source's own `period` (the tax bureau's months: `_window` = `yyyy-MM`, a corrected drop
 * replaces its month).
 */
export type SourcePartitioning = 'window' | 'period';

/** One raw table a source lands: `lake.raw_<source>.<entity>`. */
export interface RawTableDefinition {
  readonly entity: string;
  /** Chinese title shown in the data console. */
  readonly title: string;
  /** English description; the first sentence states the grain (`One row per …`). */
  readonly description: string;
  /** The columns the connector lands (the lake adds `_window`, `_landing_id`, `_landed_at`). */
  readonly columns: readonly ColumnSpec[];
}

/** Where a source's settings come from: the environment, per deployment. */
export interface SourceEnvironment {
  /** `local` gives every setting a default (the simulators, `$SG_DATA_DIR`); `production` none. */
  readonly environment: 'local' | 'production';
  /** The process environment, empty values removed. */
  readonly env: Readonly<Record<string, string>>;
  /** The lake's data folder (`SG_DATA_DIR`), under which local inboxes sit. */
  readonly dataDir: string;
}

export interface SourceLandingRequest {
  /** The landing window, e.g. `2025-06-30` (a period-partitioned source lands its own periods). */
  readonly window: string;
  /** Stops the landing between steps (activity cancellation). */
  readonly signal?: AbortSignal;
  /** Called after each part lands (a raw table, a drop): the activity's heartbeat. */
  readonly onProgress?: (landed: string) => void;
}

/** One landing of one raw table into one window (a period-partitioned source: one per period). */
export interface RawTableLanding {
  readonly entity: string;
  readonly window: string;
  readonly result: LandingResult;
}

export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** What a source's landing reports. */
export interface SourceLandingReport {
  readonly landings: readonly RawTableLanding[];
  /** What the source reports beyond its landings (mode, cursor, periods, drops…): plain JSON. */
  readonly details: Readonly<Record<string, JsonValue>>;
  /** One Chinese phrase for operators, e.g. `全量，159 家企业`. */
  readonly note: string;
  /**
   * Parts the source refused while the rest landed (a damaged tax drop): the landing then fails
   * for good with this type and message, the report in its details.
   */
  readonly refused: { readonly type: string; readonly message: string } | null;
}

/** A source, declared once by its connector. `Config` is what `land` needs to reach it. */
export interface SourceDefinition<Config = unknown> {
  /** Lower-case name; its raw tables are `raw_<name>.<entity>`. */
  readonly name: string;
  /** Chinese title, e.g. `工商数据`. */
  readonly title: string;
  readonly partitioning: SourcePartitioning;
  readonly rawTables: readonly RawTableDefinition[];
  /** Reads the source's settings; throws SourceConfigError naming what is missing or invalid. */
  configFromEnvironment(environment: SourceEnvironment): Config;
  /** Lands one window: every raw table, each atomically (`landRecords`). */
  land(lake: Lake, config: Config, request: SourceLandingRequest): Promise<SourceLandingReport>;
}
