import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import type { NativeConnection, WorkflowBundle } from '@temporalio/worker';
import type { PipelineActivities } from '../activities/index.ts';
import { NAMESPACE, TASK_QUEUE } from '../temporal-settings.ts';

/** The module the worker bundles: every workflow, and nothing that does I/O. */
export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export interface PipelinesWorkerOptions {
  readonly connection: NativeConnection;
  readonly activities: PipelineActivities;
  readonly namespace?: string;
  readonly taskQueue?: string;
  /** A prebuilt bundle (tests build one per file); otherwise the worker bundles WORKFLOWS_PATH. */
  readonly workflowBundle?: WorkflowBundle;
}

/** A worker for the `sg-pipelines` task queue running the pipelines' workflows and activities. */
export async function createPipelinesWorker(options: PipelinesWorkerOptions): Promise<Worker> {
  const workflows =
    options.workflowBundle === undefined
      ? { workflowsPath: WORKFLOWS_PATH }
      : { workflowBundle: options.workflowBundle };
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace ?? NAMESPACE,
    taskQueue: options.taskQueue ?? TASK_QUEUE,
    activities: options.activities,
    // On SIGINT/SIGTERM the worker stops polling and lets running activities finish this long.
    shutdownGraceTime: '30 seconds',
    ...workflows,
  });
}
