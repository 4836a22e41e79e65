// Idempotency of the client per window, on a real dev server and worker with fake activities.
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { Worker, WorkflowBundle } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbtBuildMetadata, LandingMetadata } from '../activities/activity-metadata.ts';
import type { PipelineActivities } from '../activities/index.ts';
import { quietLogger, startLocalTemporal } from '../test-support/local-temporal.ts';
import { unusedActivities } from '../test-support/unused-activities.ts';
import { WORKFLOWS_PATH, createPipelinesWorker } from '../worker/create-worker.ts';
import { commerceLandingWorkflowId, runCommerceLanding } from './commerce-landing-run.ts';

const DBT_BUILD: DbtBuildMetadata = {
  select: '+enterprises',
  invocationId: 'dbt-invocation-1',
  success: true,
  elapsedSeconds: 1,
  statusCounts: { success: 2, pass: 4, warn: 0, error: 0, fail: 0, skipped: 0, other: 0 },
  problems: [],
  assets: [],
};

/** Fake activities numbering their landings; `failLandings` makes every landing fail for good. */
function countingActivities(state: {
  landings: number;
  failLandings: boolean;
}): PipelineActivities {
  return {
    ...unusedActivities(),
    landCommerceEnterprises: ({ window }) => {
      state.landings += 1;
      if (state.failLandings) {
        return Promise.reject(ApplicationFailure.nonRetryable('commerce API is down', 'Down'));
      }
      const landing: LandingMetadata = {
        asset: 'raw_commerce.enterprises',
        window,
        landingId: `landing-${state.landings}`,
        rowCount: 10,
        quarantinedCount: 0,
        checksum: 'c',
        schemaHash: 's',
      };
      return Promise.resolve(landing);
    },
    dbtBuild: () => Promise.resolve(DBT_BUILD),
  };
}

let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundle;
let worker: Worker;
let running: Promise<void>;
const state = { landings: 0, failLandings: false };
const taskQueue = `test-${randomUUID()}`;

beforeAll(async () => {
  [env, workflowBundle] = await Promise.all([
    startLocalTemporal(),
    bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietLogger }),
  ]);
  worker = await createPipelinesWorker({
    connection: env.nativeConnection,
    activities: countingActivities(state),
    taskQueue,
    workflowBundle,
  });
  running = worker.run();
});

afterAll(async () => {
  worker.shutdown();
  await running;
  await env.teardown();
});

describe('runCommerceLanding', () => {
  it('names the workflow after the window', () => {
    expect(commerceLandingWorkflowId('2024-06-30')).toBe('commerce-landing-2024-06-30');
  });

  it('runs a window once: a second call returns the first result without landing again', async () => {
    state.landings = 0;
    const first = await runCommerceLanding(env.client, { window: 'w-once', taskQueue });
    const second = await runCommerceLanding(env.client, { window: 'w-once', taskQueue });
    expect(first.outcome).toBe('started');
    expect(second.outcome).toBe('completed-earlier');
    expect(second.result).toEqual(first.result);
    expect(first.result.landing.landingId).toBe('landing-1');
    expect(state.landings).toBe(1);
  });

  it('joins a run in progress instead of starting a second one', async () => {
    state.landings = 0;
    const [a, b] = await Promise.all([
      runCommerceLanding(env.client, { window: 'w-concurrent', taskQueue }),
      runCommerceLanding(env.client, { window: 'w-concurrent', taskQueue }),
    ]);
    expect(a.result).toEqual(b.result);
    expect(state.landings).toBe(1);
  });

  it('with rerun, lands the window again', async () => {
    state.landings = 0;
    await runCommerceLanding(env.client, { window: 'w-rerun', taskQueue });
    const again = await runCommerceLanding(env.client, {
      window: 'w-rerun',
      taskQueue,
      rerun: true,
    });
    expect(again.outcome).toBe('started');
    expect(again.result.landing.landingId).toBe('landing-2');
  });

  it('starts a failed window again', async () => {
    state.landings = 0;
    state.failLandings = true;
    await expect(runCommerceLanding(env.client, { window: 'w-failed', taskQueue })).rejects.toThrow(
      /Workflow execution failed/,
    );
    state.failLandings = false;
    const retried = await runCommerceLanding(env.client, { window: 'w-failed', taskQueue });
    expect(retried.outcome).toBe('started');
    expect(state.landings).toBe(2);
  });

  it('refuses an invalid window before contacting the server', async () => {
    await expect(runCommerceLanding(env.client, { window: '../etc', taskQueue })).rejects.toThrow(
      /invalid landing window/,
    );
  });
});
