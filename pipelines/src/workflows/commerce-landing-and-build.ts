// Orchestration only: deterministic, no I/O. Activities are referenced by type and run on the
// worker, which does all I/O (commerce API, lake, dbt).
import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { PipelineActivities } from '../activities/index.ts';
import type { DbtBuildMetadata, LandingMetadata } from '../activities/activity-metadata.ts';
import { MARTS_ENTERPRISES, dbtSelectorFor } from '../assets/registry.ts';
import { DBT_BUILD_ACTIVITY, LANDING_RETRY } from './activity-options.ts';
import { assertLandingWindow } from './landing-window.ts';

export interface CommerceLandingAndBuildInput {
  /** Extraction window, e.g. `2024-06-30` (see landing-window.ts). */
  readonly window: string;
}

export interface CommerceLandingAndBuildResult {
  readonly window: string;
  readonly landing: LandingMetadata;
  readonly dbt: DbtBuildMetadata;
}

/** Error type of this workflow's failures; the message names the failed step and window. */
export const COMMERCE_LANDING_AND_BUILD_FAILED = 'CommerceLandingAndBuildFailed';

const { landCommerceEnterprises } = proxyActivities<PipelineActivities>({
  // The commerce API and the lake catalog can be briefly unavailable: retry with backoff.
  startToCloseTimeout: '10 minutes',
  retry: LANDING_RETRY,
});

const { dbtBuild } = proxyActivities<PipelineActivities>(DBT_BUILD_ACTIVITY);

/**
 * Lands the commerce enterprises of one window into `raw_commerce.enterprises`, then builds
 * `marts.enterprises` and everything upstream of it with `dbt build` (models and their tests).
 */
export async function commerceLandingAndBuild(
  input: CommerceLandingAndBuildInput,
): Promise<CommerceLandingAndBuildResult> {
  const { window } = input;
  assertLandingWindow(window);
  const select = dbtSelectorFor(MARTS_ENTERPRISES);

  const landing = await step(`landing of commerce enterprises for window ${window}`, () =>
    landCommerceEnterprises({ window }),
  );
  const dbt = await step(`dbt build --select ${select} for window ${window}`, () =>
    dbtBuild({ asset: MARTS_ENTERPRISES }),
  );
  return { window, landing, dbt };
}

/** Runs one activity; when it fails for good, fails the workflow with a message naming the step. */
async function step<T>(description: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ActivityFailure) {
      const cause = error.cause?.message ?? error.message;
      throw ApplicationFailure.create({
        message: `${description} failed: ${cause}`,
        type: COMMERCE_LANDING_AND_BUILD_FAILED,
        nonRetryable: true,
        cause: error,
      });
    }
    throw error;
  }
}
