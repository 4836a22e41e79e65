import type { Client } from '@temporalio/client';
import type {
  CommerceLandingAndBuildResult,
  commerceLandingAndBuild,
} from '../workflows/commerce-landing-and-build.ts';
import { runWindowWorkflow } from './window-workflow-run.ts';
import type { WindowWorkflowOptions, WindowWorkflowRun } from './window-workflow-run.ts';

const ID_PREFIX = 'commerce-landing';

export function commerceLandingWorkflowId(window: string): string {
  return `${ID_PREFIX}-${window}`;
}

export type RunCommerceLandingOptions = WindowWorkflowOptions;
export type CommerceLandingRun = WindowWorkflowRun<CommerceLandingAndBuildResult>;

/**
 * Runs `commerceLandingAndBuild` for one window and waits for its result. Idempotent per window:
 * the workflow id is `commerce-landing-<window>`; a run in progress is joined, a completed one is
 * returned, not repeated, and a failed one is started again (see runWindowWorkflow).
 */
export function runCommerceLanding(
  client: Client,
  options: RunCommerceLandingOptions,
): Promise<CommerceLandingRun> {
  return runWindowWorkflow<typeof commerceLandingAndBuild>(
    client,
    'commerceLandingAndBuild',
    ID_PREFIX,
    options,
  );
}
