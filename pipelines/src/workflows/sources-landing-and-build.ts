// Orchestration only: deterministic, no I/O. Activities are referenced by type and run on the
// worker, which does all I/O (the registered sources, the lake, dbt).
import {
  ActivityFailure,
  ApplicationFailure,
  isCancellation,
  proxyActivities,
} from '@temporalio/workflow';
import type { PipelineActivities } from '../activities/index.ts';
import type {
  DbtBuildMetadata,
  PlannedSource,
  SourceLandingMetadata,
} from '../activities/activity-metadata.ts';
import { DBT_BUILD_ACTIVITY, LANDING_RETRY } from './activity-options.ts';
import { assertLandingWindow } from './landing-window.ts';

export interface SourcesLandingAndBuildInput {
  /** Extraction window, e.g. `2025-06-30` (see landing-window.ts). Tax lands by its own periods. */
  readonly window: string;
}

/** The landing metadata of every source that landed, by source name, in landing order. */
export type SourceLandings = Readonly<Record<string, SourceLandingMetadata>>;

export interface SourcesLandingAndBuildResult {
  readonly window: string;
  /** The registered sources, in landing order. */
  readonly planned: readonly PlannedSource[];
  readonly sources: SourceLandings;
  /** Null when no dbt model reads a registered source (nothing to build). */
  readonly dbt: DbtBuildMetadata | null;
}

/** A step that failed for good (after its retries): a source's landing or the dbt build. */
export interface FailedStep {
  /** The source's name, or `dbt`. */
  readonly step: string;
  /** The ApplicationFailure type of the cause (e.g. `TaxDropRefused`), when it has one. */
  readonly type: string | null;
  readonly message: string;
}

/**
 * The details of this workflow's failure: what landed, every step that failed, and the dbt build
 * (or why it was skipped). Nothing that succeeded is hidden by what failed.
 */
export interface SourcesLandingOutcome {
  readonly window: string;
  readonly planned: readonly PlannedSource[];
  readonly sources: SourceLandings;
  readonly failures: readonly FailedStep[];
  readonly dbt: DbtBuildMetadata | null;
  /** Why the dbt build did not run, when it did not. */
  readonly dbtSkipped: string | null;
}

/** Error type of this workflow's failures; the message names every failed step. */
export const SOURCES_LANDING_AND_BUILD_FAILED = 'SourcesLandingAndBuildFailed';

/** Reading the registry: the first call of a worker parses the dbt project (seconds). */
const { planSourcesLanding } = proxyActivities<PipelineActivities>({
  startToCloseTimeout: '5 minutes',
  retry: LANDING_RETRY,
});

/** The landing activity: sources and the lake catalog can be briefly unavailable. */
const { landSource } = proxyActivities<PipelineActivities>({
  // A large world's bank or tax landing runs for minutes; a stuck one is cut after an hour.
  startToCloseTimeout: '1 hour',
  retry: LANDING_RETRY,
});

const { dbtBuild } = proxyActivities<PipelineActivities>(DBT_BUILD_ACTIVITY);

/**
 * Lands every registered source one after another, in the registry's order (the worker has few
 * cores, and each landing already uses them), then builds the dbt models downstream of them.
 *
 * Failure policy: a source whose landing fails for good does not stop the others — all are
 * attempted. The dbt build runs unless a source upstream of the models it builds failed. If any
 * step failed, the workflow then fails with one message naming every failed step, and the
 * failure's details hold a {@link SourcesLandingOutcome} with the metadata of everything that did
 * land and build.
 */
export async function sourcesLandingAndBuild(
  input: SourcesLandingAndBuildInput,
): Promise<SourcesLandingAndBuildResult> {
  const { window } = input;
  assertLandingWindow(window);
  const plan = await planSourcesLanding();
  const failures: FailedStep[] = [];

  /** Runs one step; a failure for good is recorded (not thrown), cancellation is rethrown. */
  async function attempt<T>(step: string, run: () => Promise<T>): Promise<T | null> {
    try {
      return await run();
    } catch (error) {
      if (isCancellation(error) || !(error instanceof ActivityFailure)) throw error;
      const cause = error.cause;
      failures.push({
        step,
        type: cause instanceof ApplicationFailure ? (cause.type ?? null) : null,
        message: cause?.message ?? error.message,
      });
      return null;
    }
  }

  const sources: Record<string, SourceLandingMetadata> = {};
  for (const source of plan.sources) {
    const landed = await attempt(source.name, () => landSource({ source: source.name, window }));
    if (landed !== null) sources[source.name] = landed;
  }
  const dbtSkipped = whyDbtIsSkipped(plan.dbt, failures);
  const dbt =
    plan.dbt !== null && dbtSkipped === null
      ? await attempt('dbt', () => dbtBuild({ assets: plan.dbt?.assets ?? [] }))
      : null;
  if (failures.length === 0) return { window, planned: plan.sources, sources, dbt };
  const outcome: SourcesLandingOutcome = {
    window,
    planned: plan.sources,
    sources,
    failures,
    dbt,
    dbtSkipped,
  };
  throw ApplicationFailure.create({
    message: failureMessage(outcome, plan.dbt?.select ?? ''),
    type: SOURCES_LANDING_AND_BUILD_FAILED,
    nonRetryable: true,
    details: [outcome],
  });
}

/** Null when dbt is to run; otherwise why not (nothing to build, or an upstream source failed). */
function whyDbtIsSkipped(
  dbt: { readonly select: string; readonly upstreamSources: readonly string[] } | null,
  failures: readonly FailedStep[],
): string | null {
  if (dbt === null) return 'no dbt model reads a registered source';
  const failedUpstream = dbt.upstreamSources.filter((source) =>
    failures.some((failure) => failure.step === source),
  );
  return failedUpstream.length === 0
    ? null
    : `dbt build --select ${dbt.select} skipped: upstream source ${failedUpstream.join(', ')} failed`;
}

/**
 * `sources landing for window W failed: business: <cause>; tax: <cause> (landed: commerce, bank;
 * dbt build --select +enterprises succeeded)`.
 */
export function failureMessage(outcome: SourcesLandingOutcome, select: string): string {
  const failed = outcome.failures.map((failure) => `${failure.step}: ${failure.message}`);
  const landed = outcome.planned
    .map((source) => source.name)
    .filter((name) => outcome.sources[name] !== undefined);
  const dbt =
    outcome.dbtSkipped ??
    (outcome.dbt === null
      ? `dbt build --select ${select} failed`
      : `dbt build --select ${outcome.dbt.select} succeeded`);
  return (
    `sources landing for window ${outcome.window} failed: ${failed.join('; ')} ` +
    `(landed: ${landed.length === 0 ? 'none' : landed.join(', ')}; ${dbt})`
  );
}
