import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Client } from '@temporalio/client';
import type {
  CommerceLandingAndBuildResult,
  commerceLandingAndBuild,
} from '../workflows/commerce-landing-and-build.ts';
import { isLandingWindow } from '../workflows/landing-window.ts';
import { TASK_QUEUE } from '../temporal-settings.ts';

export function commerceLandingWorkflowId(window: string): string {
  return `commerce-landing-${window}`;
}

export interface RunCommerceLandingOptions {
  readonly window: string;
  /** Run again even if this window's workflow already completed (re-lands the window). */
  readonly rerun?: boolean;
  readonly taskQueue?: string;
}

export interface CommerceLandingRun {
  readonly workflowId: string;
  /** `started`: this call started (or joined) a run; `completed-earlier`: the window was done. */
  readonly outcome: 'started' | 'completed-earlier';
  readonly result: CommerceLandingAndBuildResult;
}

/**
 * Runs `commerceLandingAndBuild` for one window and waits for its result. Idempotent per window:
 * the workflow id is `commerce-landing-<window>`; a run in progress is joined
 * (conflict policy USE_EXISTING), a completed one is returned, not repeated (reuse policy
 * ALLOW_DUPLICATE_FAILED_ONLY), and a failed one is started again.
 */
export async function runCommerceLanding(
  client: Client,
  options: RunCommerceLandingOptions,
): Promise<CommerceLandingRun> {
  const { window } = options;
  if (!isLandingWindow(window))
    throw new Error(`invalid landing window: ${JSON.stringify(window)}`);
  const workflowId = commerceLandingWorkflowId(window);
  try {
    const handle = await client.workflow.start<typeof commerceLandingAndBuild>(
      'commerceLandingAndBuild',
      {
        taskQueue: options.taskQueue ?? TASK_QUEUE,
        workflowId,
        args: [{ window }],
        workflowIdReusePolicy:
          options.rerun === true ? 'ALLOW_DUPLICATE' : 'ALLOW_DUPLICATE_FAILED_ONLY',
        workflowIdConflictPolicy: 'USE_EXISTING',
      },
    );
    return { workflowId, outcome: 'started', result: await handle.result() };
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    const handle = client.workflow.getHandle<typeof commerceLandingAndBuild>(workflowId);
    return { workflowId, outcome: 'completed-earlier', result: await handle.result() };
  }
}
