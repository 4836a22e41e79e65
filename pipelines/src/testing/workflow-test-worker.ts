// A real Temporal dev server and the bundled workflows for one test file, and a way to run one
// workflow to its end on a fresh worker (own task queue) with the activities a test gives.
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { Worker, WorkflowBundle } from '@temporalio/worker';
import type { PipelineActivities } from '../activities/index.ts';
import { WORKFLOWS_PATH, createPipelinesWorker } from '../worker/create-worker.ts';
import { quietLogger, startLocalTemporal } from './local-temporal.ts';

export interface WorkflowTestWorker {
  readonly env: TestWorkflowEnvironment;
  /** A worker on its own task queue with these activities (not yet running). */
  workerWith(activities: PipelineActivities): Promise<{ worker: Worker; taskQueue: string }>;
  /** Runs `workflow(input)` to its end; rejects as the client would (WorkflowFailedError). */
  execute<Input, Result>(
    workflow: (input: Input) => Promise<Result>,
    input: Input,
    activities: PipelineActivities,
  ): Promise<Result>;
  teardown(): Promise<void>;
}

export async function startWorkflowTestWorker(): Promise<WorkflowTestWorker> {
  const [env, workflowBundle]: [TestWorkflowEnvironment, WorkflowBundle] = await Promise.all([
    startLocalTemporal(),
    bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietLogger }),
  ]);
  const workerWith = async (
    activities: PipelineActivities,
  ): Promise<{ worker: Worker; taskQueue: string }> => {
    const taskQueue = `test-${randomUUID()}`;
    const worker = await createPipelinesWorker({
      connection: env.nativeConnection,
      activities,
      taskQueue,
      workflowBundle,
    });
    return { worker, taskQueue };
  };
  return {
    env,
    workerWith,
    async execute(workflow, input, activities) {
      const { worker, taskQueue } = await workerWith(activities);
      return worker.runUntil(
        env.client.workflow.execute(workflow, {
          taskQueue,
          workflowId: `test-${workflow.name}-${randomUUID()}`,
          args: [input],
        }),
      );
    },
    teardown: () => env.teardown(),
  };
}
