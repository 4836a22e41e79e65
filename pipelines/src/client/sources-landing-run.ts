import type { Client } from '@temporalio/client';
import type {
  SourcesLandingAndBuildResult,
  sourcesLandingAndBuild,
} from '../workflows/sources-landing-and-build.ts';
import { runWindowWorkflow } from './window-workflow-run.ts';
import type { WindowWorkflowOptions, WindowWorkflowRun } from './window-workflow-run.ts';

const ID_PREFIX = 'sources-landing';

export function sourcesLandingWorkflowId(window: string): string {
  return `${ID_PREFIX}-${window}`;
}

export type RunSourcesLandingOptions = WindowWorkflowOptions;
export type SourcesLandingRun = WindowWorkflowRun<SourcesLandingAndBuildResult>;

/**
 * Runs `sourcesLandingAndBuild` (all four sources, then dbt) for one window and waits for its
 * result. Idempotent per window: the workflow id is `sources-landing-<window>`; a run in progress
 * is joined, a completed one is returned, not repeated, and a failed one is started again (see
 * runWindowWorkflow).
 */
export function runSourcesLanding(
  client: Client,
  options: RunSourcesLandingOptions,
): Promise<SourcesLandingRun> {
  return runWindowWorkflow<typeof sourcesLandingAndBuild>(
    client,
    'sourcesLandingAndBuild',
    ID_PREFIX,
    options,
  );
}
