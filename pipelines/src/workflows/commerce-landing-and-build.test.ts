// (No node: imports here: lint treats everything under workflows/ as workflow code.)
// The workflow on a real Temporal dev server with a real worker, and fake activities that record
// their calls: ordering, retries and how failures surface.
import { Context } from '@temporalio/activity';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineActivities } from '../activities/index.ts';
import { DBT_BUILD_FAILED } from '../activities/activity-metadata.ts';
import type { DbtBuildMetadata, LandingMetadata } from '../activities/activity-metadata.ts';
import { MARTS_ENTERPRISES } from '../assets/registry.ts';
import { unusedActivities } from '../test-support/unused-activities.ts';
import { startWorkflowTestWorker } from '../test-support/workflow-test-worker.ts';
import type { WorkflowTestWorker } from '../test-support/workflow-test-worker.ts';
import {
  COMMERCE_LANDING_AND_BUILD_FAILED,
  commerceLandingAndBuild,
} from './commerce-landing-and-build.ts';
import type { CommerceLandingAndBuildResult } from './commerce-landing-and-build.ts';
import { INVALID_LANDING_WINDOW } from './landing-window.ts';

const WINDOW = '2024-06-30';

const LANDING: LandingMetadata = {
  asset: 'raw_commerce.enterprises',
  window: WINDOW,
  landingId: 'landing-1',
  rowCount: 120,
  quarantinedCount: 2,
  checksum: 'c0ffee',
  schemaHash: '5ca1ab1e',
};

const DBT_BUILD: DbtBuildMetadata = {
  select: '+enterprises',
  invocationId: 'dbt-invocation-1',
  success: true,
  elapsedSeconds: 3.5,
  statusCounts: { success: 2, pass: 9, warn: 0, error: 0, fail: 0, skipped: 0, other: 0 },
  problems: [],
  assets: [{ asset: MARTS_ENTERPRISES, relation: 'lake.marts.enterprises', rowCount: 118 }],
};

/** Each fake fails on the attempts listed (with the given error), then returns its metadata. */
interface FakeBehaviour {
  readonly landingFailsOn?: Readonly<Record<number, Error>>;
  readonly dbtFailsOn?: Readonly<Record<number, Error>>;
}

/** `land(<window>)#<attempt>` or `dbt(<asset>)#<attempt>`. */
type Call = string;

function fakeActivities(behaviour: FakeBehaviour, calls: Call[]): PipelineActivities {
  return {
    ...unusedActivities(),
    landCommerceEnterprises: ({ window }) => {
      const { attempt } = Context.current().info;
      calls.push(`land(${window})#${attempt}`);
      const error = behaviour.landingFailsOn?.[attempt];
      return error ? Promise.reject(error) : Promise.resolve({ ...LANDING, window });
    },
    dbtBuild: ({ asset }) => {
      const { attempt } = Context.current().info;
      calls.push(`dbt(${asset})#${attempt}`);
      const error = behaviour.dbtFailsOn?.[attempt];
      return error ? Promise.reject(error) : Promise.resolve(DBT_BUILD);
    },
  };
}

const SIMULATOR_503 = new Error('commerce API answered 503 Service Unavailable');
const CATALOG_LOCKED = new Error('SQLite catalog: database is locked');
const DBT_TESTS_FAILED = ApplicationFailure.nonRetryable(
  'dbt build --select +enterprises: 1 of 11 tests failed: not_null_enterprises_region_code',
  DBT_BUILD_FAILED,
);
const CREDENTIALS_REJECTED = ApplicationFailure.nonRetryable(
  'commerce API rejected the credentials (401)',
  'CommerceCredentialsRejected',
);

let temporal: WorkflowTestWorker;

beforeAll(async () => {
  temporal = await startWorkflowTestWorker();
});

afterAll(async () => {
  await temporal.teardown();
});

/** Runs the workflow to its end on a worker (own task queue) with the given activities. */
function runWorkflow(
  window: string,
  activities: PipelineActivities,
): Promise<CommerceLandingAndBuildResult> {
  return temporal.execute(commerceLandingAndBuild, { window }, activities);
}

async function runWorkflowFailure(
  window: string,
  activities: PipelineActivities,
): Promise<ApplicationFailure> {
  const error = await runWorkflow(window, activities).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowFailedError);
  const cause = (error as WorkflowFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
}

describe('commerceLandingAndBuild (real dev server and worker, fake activities)', () => {
  it.each([
    {
      name: 'ALL_SUCCEED',
      behaviour: {},
      calls: ['land(2024-06-30)#1', 'dbt(marts.enterprises)#1'],
    },
    {
      name: 'LANDING_FLAKY_TWICE (retried with backoff)',
      behaviour: { landingFailsOn: { 1: SIMULATOR_503, 2: SIMULATOR_503 } },
      calls: [
        'land(2024-06-30)#1',
        'land(2024-06-30)#2',
        'land(2024-06-30)#3',
        'dbt(marts.enterprises)#1',
      ],
    },
    {
      name: 'DBT_CATALOG_LOCKED_ONCE (retried)',
      behaviour: { dbtFailsOn: { 1: CATALOG_LOCKED } },
      calls: ['land(2024-06-30)#1', 'dbt(marts.enterprises)#1', 'dbt(marts.enterprises)#2'],
    },
  ])('$name: lands, then builds, and returns both metadata', async ({ behaviour, calls }) => {
    const recorded: Call[] = [];
    const result = await runWorkflow(WINDOW, fakeActivities(behaviour, recorded));
    expect(recorded).toEqual(calls);
    expect(result).toEqual({ window: WINDOW, landing: LANDING, dbt: DBT_BUILD });
  });

  it.each([
    {
      name: 'DBT_TESTS_FAIL (not retried)',
      behaviour: { dbtFailsOn: { 1: DBT_TESTS_FAILED } },
      calls: ['land(2024-06-30)#1', 'dbt(marts.enterprises)#1'],
      message:
        'dbt build --select +enterprises for window 2024-06-30 failed: dbt build --select ' +
        '+enterprises: 1 of 11 tests failed: not_null_enterprises_region_code',
    },
    {
      name: 'LANDING_CREDENTIALS_REJECTED (not retried, dbt never runs)',
      behaviour: { landingFailsOn: { 1: CREDENTIALS_REJECTED } },
      calls: ['land(2024-06-30)#1'],
      message:
        'landing of commerce enterprises for window 2024-06-30 failed: ' +
        'commerce API rejected the credentials (401)',
    },
  ])(
    '$name: fails the workflow with a message naming the step',
    async ({ behaviour, calls, message }) => {
      const recorded: Call[] = [];
      const failure = await runWorkflowFailure(WINDOW, fakeActivities(behaviour, recorded));
      expect(recorded).toEqual(calls);
      expect(failure.type).toBe(COMMERCE_LANDING_AND_BUILD_FAILED);
      expect(failure.message).toBe(message);
    },
  );

  it('INVALID_WINDOW: fails before any activity runs', async () => {
    const recorded: Call[] = [];
    const failure = await runWorkflowFailure('2024/06/30 ; drop', fakeActivities({}, recorded));
    expect(recorded).toEqual([]);
    expect(failure.type).toBe(INVALID_LANDING_WINDOW);
    expect(failure.message).toMatch(/invalid landing window "2024\/06\/30 ; drop"/);
  });
});
