import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Client } from '@temporalio/client';
import type { WorkflowResultType } from '@temporalio/common';
import { isLandingWindow } from '../workflows/landing-window.ts';
import { TASK_QUEUE } from '../temporal-settings.ts';

/** A workflow run per landing window: input `{ window }`. */
export type WindowWorkflow = (input: { readonly window: string }) => Promise<unknown>;

export interface WindowWorkflowOptions {
  readonly window: string;
  /** Run again even if this window's workflow already completed (re-lands the window). */
  readonly rerun?: boolean;
  readonly taskQueue?: string;
}

export interface WindowWorkflowRun<R> {
  readonly workflowId: string;
  /** `started`: this call started (or joined) a run; `completed-earlier`: the window was done. */
  readonly outcome: 'started' | 'completed-earlier';
  readonly result: R;
}

/**
 * Runs the workflow `workflowType` (input `{ window }`) under the id `<idPrefix>-<window>` and waits
 * for its result. Idempotent per window: a run in progress is joined (conflict policy USE_EXISTING),
 * a completed one is returned, not repeated (reuse policy ALLOW_DUPLICATE_FAILED_ONLY), a failed
 * one is started again; `rerun` starts a completed window again.
 */
export async function runWindowWorkflow<W extends WindowWorkflow>(
  client: Client,
  workflowType: string,
  idPrefix: string,
  options: WindowWorkflowOptions,
): Promise<WindowWorkflowRun<WorkflowResultType<W>>> {
  const { window } = options;
  if (!isLandingWindow(window))
    throw new Error(`invalid landing window: ${JSON.stringify(window)}`);
  const workflowId = `${idPrefix}-${window}`;
  try {
    const handle = await client.workflow.start<W>(workflowType, {
      taskQueue: options.taskQueue ?? TASK_QUEUE,
      workflowId,
      // Every WindowWorkflow takes `{ window }`; TypeScript cannot see that through the generic.
      args: [{ window }] as Parameters<W>,
      workflowIdReusePolicy:
        options.rerun === true ? 'ALLOW_DUPLICATE' : 'ALLOW_DUPLICATE_FAILED_ONLY',
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    return { workflowId, outcome: 'started', result: await handle.result() };
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    const handle = client.workflow.getHandle<W>(workflowId);
    return { workflowId, outcome: 'completed-earlier', result: await handle.result() };
  }
}
