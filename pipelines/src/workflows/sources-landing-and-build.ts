// Orchestration only: deterministic, no I/O. Activities are referenced by type and run on the
// worker, which does all I/O (the four sources, the lake, dbt).
import {
  ActivityFailure,
  ApplicationFailure,
  isCancellation,
  proxyActivities,
} from '@temporalio/workflow';
import type { PipelineActivities } from '../activities/index.ts';
import type {
  BankSourceMetadata,
  BusinessSourceMetadata,
  CommerceSourceMetadata,
  DbtBuildMetadata,
  TaxInboxMetadata,
} from '../activities/activity-metadata.ts';
import {
  LANDING_SOURCES,
  MARTS_ENTERPRISES,
  dbtSelectorFor,
  sourcesUpstreamOf,
} from '../assets/registry.ts';
import type { SourceName } from '../assets/registry.ts';
import { DBT_BUILD_ACTIVITY, LANDING_RETRY } from './activity-options.ts';
import { assertLandingWindow } from './landing-window.ts';

export interface SourcesLandingAndBuildInput {
  /** Extraction window, e.g. `2025-06-30` (see landing-window.ts). Tax lands by its own periods. */
  readonly window: string;
}

/** The landing metadata of every source. */
export interface SourceLandings {
  readonly commerce: CommerceSourceMetadata;
  readonly business: BusinessSourceMetadata;
  readonly tax: TaxInboxMetadata;
  readonly bank: BankSourceMetadata;
}

export interface SourcesLandingAndBuildResult {
  readonly window: string;
  readonly sources: SourceLandings;
  readonly dbt: DbtBuildMetadata;
}

/** A step that failed for good (after its retries): a source's landing or the dbt build. */
export interface FailedStep {
  readonly step: SourceName | 'dbt';
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
  readonly sources: Partial<SourceLandings>;
  readonly failures: readonly FailedStep[];
  readonly dbt: DbtBuildMetadata | null;
  /** Why the dbt build did not run, when it did not. */
  readonly dbtSkipped: string | null;
}

/** Error type of this workflow's failures; the message names every failed step. */
export const SOURCES_LANDING_AND_BUILD_FAILED = 'SourcesLandingAndBuildFailed';

/** The four landing activities: sources and the lake catalog can be briefly unavailable. */
const { landCommerceAll, landBusiness, landTaxInbox, landBankInbox } =
  proxyActivities<PipelineActivities>({
    // A large world's bank or tax landing runs for minutes; a stuck one is cut after an hour.
    startToCloseTimeout: '1 hour',
    retry: LANDING_RETRY,
  });

const { dbtBuild } = proxyActivities<PipelineActivities>(DBT_BUILD_ACTIVITY);

/**
 * Lands the four sources one after another (commerce, business, tax, bank: the worker has few
 * cores, and each landing already uses them), then builds `marts.enterprises` with `dbt build`.
 *
 * Failure policy: a source whose landing fails for good does not stop the others — all four are
 * attempted. The dbt build runs unless a source upstream of the mart (by the asset registry) failed.
 * If any step failed, the workflow then fails with one message naming every failed step, and the
 * failure's details hold a {@link SourcesLandingOutcome} with the metadata of everything that did
 * land and build.
 */
export async function sourcesLandingAndBuild(
  input: SourcesLandingAndBuildInput,
): Promise<SourcesLandingAndBuildResult> {
  const { window } = input;
  assertLandingWindow(window);
  const failures: FailedStep[] = [];

  /** Runs one step; a failure for good is recorded (not thrown), cancellation is rethrown. */
  async function attempt<T>(step: FailedStep['step'], run: () => Promise<T>): Promise<T | null> {
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

  const commerce = await attempt('commerce', () => landCommerceAll({ window }));
  const business = await attempt('business', () => landBusiness({ window }));
  const tax = await attempt('tax', () => landTaxInbox());
  const bank = await attempt('bank', () => landBankInbox({ window }));

  const failedUpstream = sourcesUpstreamOf(MARTS_ENTERPRISES).filter((source) =>
    failures.some((failure) => failure.step === source),
  );
  const select = dbtSelectorFor(MARTS_ENTERPRISES);
  const dbtSkipped =
    failedUpstream.length === 0
      ? null
      : `dbt build --select ${select} skipped: upstream source ${failedUpstream.join(', ')} failed`;
  const dbt =
    dbtSkipped === null ? await attempt('dbt', () => dbtBuild({ asset: MARTS_ENTERPRISES })) : null;

  if (
    failures.length === 0 &&
    commerce !== null &&
    business !== null &&
    tax !== null &&
    bank !== null &&
    dbt !== null
  ) {
    return { window, sources: { commerce, business, tax, bank }, dbt };
  }
  const outcome: SourcesLandingOutcome = {
    window,
    sources: {
      ...(commerce === null ? {} : { commerce }),
      ...(business === null ? {} : { business }),
      ...(tax === null ? {} : { tax }),
      ...(bank === null ? {} : { bank }),
    },
    failures,
    dbt,
    dbtSkipped,
  };
  throw ApplicationFailure.create({
    message: failureMessage(outcome),
    type: SOURCES_LANDING_AND_BUILD_FAILED,
    nonRetryable: true,
    details: [outcome],
  });
}

/**
 * `sources landing for window W failed: business: <cause>; tax: <cause> (landed: commerce, bank;
 * dbt build --select +enterprises succeeded)`.
 */
export function failureMessage(outcome: SourcesLandingOutcome): string {
  const failed = outcome.failures.map((failure) => `${failure.step}: ${failure.message}`);
  const landed = LANDING_SOURCES.filter((source) => outcome.sources[source] !== undefined);
  const dbt =
    outcome.dbtSkipped ??
    (outcome.dbt === null
      ? `dbt build --select ${dbtSelectorFor(MARTS_ENTERPRISES)} failed`
      : `dbt build --select ${outcome.dbt.select} succeeded`);
  return (
    `sources landing for window ${outcome.window} failed: ${failed.join('; ')} ` +
    `(landed: ${landed.length === 0 ? 'none' : landed.join(', ')}; ${dbt})`
  );
}
