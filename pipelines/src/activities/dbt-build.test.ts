// How the dbt activity classifies dbt's outcome (dbt itself runs in worker-end-to-end.test.ts):
// summaries are built by @sg/dbt-cli's own summariseRun from run_results fixtures.
import { ApplicationFailure } from '@temporalio/common';
import { DbtRunError, summariseRun } from '@sg/dbt-cli';
import type { DbtRunSummary, RunResults } from '@sg/dbt-cli';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PipelineRegistry } from '../assets/registry.ts';
import type { PipelineResources } from '../resources.ts';
import { runInActivityContext } from '../testing/local-temporal.ts';
import { parsedRegistry } from '../testing/parsed-registry.ts';
import { DBT_BUILD_FAILED } from './activity-metadata.ts';
import { buildDbtAssets } from './dbt-build.ts';
import { countStatuses, dbtBuildMetadata } from './dbt-build-metadata.ts';

const ARGS = ['build', '--select', '+enterprises'];

function node(
  uniqueId: string,
  status: string,
  message: string | null = null,
): RunResults['results'][number] {
  return { unique_id: uniqueId, status, execution_time: 0.1, message };
}

function summary(exitCode: number, results: RunResults['results']): DbtRunSummary {
  return summariseRun({
    args: ARGS,
    exitCode,
    wallMs: 4_200,
    lockWaitMs: 0,
    runResults: {
      metadata: {
        dbt_version: '1.11.16',
        invocation_id: 'inv-1',
        generated_at: '2025-06-30T00:00:00Z',
      },
      elapsed_time: 3.9,
      results,
    },
  });
}

const TEST_FAILED = summary(1, [
  node('seed.smart_guarantee.ref_regions', 'success'),
  node('model.smart_guarantee.stg_commerce__enterprises', 'success'),
  node('model.smart_guarantee.enterprises', 'success'),
  node(
    'test.smart_guarantee.not_null_enterprises_region_code',
    'fail',
    'Got 3 results, configured to fail if != 0\ndetails',
  ),
  node('test.smart_guarantee.unique_enterprises_uscc', 'pass'),
]);

const STOPPED_BEFORE_ANY_NODE = summariseRun({
  args: ARGS,
  exitCode: 2,
  wallMs: 900,
  lockWaitMs: 0,
  runResults: undefined,
});

const MARTS_ENTERPRISES = 'marts.enterprises';

let registry: PipelineRegistry;
beforeAll(async () => {
  registry = await parsedRegistry();
}, 60_000);

function resourcesWithDbt(dbt: PipelineResources['dbt']): PipelineResources {
  return {
    environment: 'local',
    lake: {
      dataDir: '/nonexistent',
      dataPath: '/nonexistent/',
      catalog: { kind: 'sqlite', path: '/nonexistent/c.sqlite' },
      extensionDirectory: '/nonexistent',
    },
    sources: {},
    dbt,
    dbtManifest: () => Promise.reject(new Error('the registry is given')),
  };
}

async function failureOf(dbt: PipelineResources['dbt']): Promise<unknown> {
  return runInActivityContext(() =>
    buildDbtAssets(resourcesWithDbt(dbt), registry, [MARTS_ENTERPRISES]),
  ).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('buildDbtAsset', () => {
  it('runs `dbt build --select +enterprises` for the enterprises mart', async () => {
    const calls: (readonly string[])[] = [];
    await failureOf((args) => {
      calls.push(args);
      return Promise.reject(new Error('stop here'));
    });
    expect(calls).toEqual([ARGS]);
  });

  it('TEST_FAILED: fails for good, naming the failing test, with the build metadata as details', async () => {
    const failure = await failureOf(() => Promise.reject(new DbtRunError(TEST_FAILED, '')));
    expect(failure).toBeInstanceOf(ApplicationFailure);
    const applicationFailure = failure as ApplicationFailure;
    expect(applicationFailure).toMatchObject({ type: DBT_BUILD_FAILED, nonRetryable: true });
    expect(applicationFailure.message).toContain(
      'test.smart_guarantee.not_null_enterprises_region_code [fail]',
    );
    expect(applicationFailure.details).toEqual([dbtBuildMetadata('+enterprises', TEST_FAILED, [])]);
  });

  it.each([
    {
      name: 'STOPPED_BEFORE_ANY_NODE',
      error: new DbtRunError(STOPPED_BEFORE_ANY_NODE, 'database is locked'),
    },
    { name: 'DBT_DID_NOT_START', error: new Error('spawn .venv/bin/dbt ENOENT') },
  ])('$name: rethrows as is, so the workflow retries', async ({ error }) => {
    expect(await failureOf(() => Promise.reject(error))).toBe(error);
  });
});

describe('dbtBuildMetadata', () => {
  it('summarises counts, problems (first message line) and elapsed time', () => {
    expect(dbtBuildMetadata('+enterprises', TEST_FAILED, [])).toEqual({
      select: '+enterprises',
      invocationId: 'inv-1',
      success: false,
      elapsedSeconds: 3.9,
      statusCounts: { success: 3, pass: 1, warn: 0, error: 0, fail: 1, skipped: 0, other: 0 },
      problems: [
        {
          uniqueId: 'test.smart_guarantee.not_null_enterprises_region_code',
          status: 'fail',
          message: 'Got 3 results, configured to fail if != 0',
        },
      ],
      assets: [],
    });
  });

  it('falls back to wall time when dbt wrote no run results', () => {
    expect(dbtBuildMetadata('+enterprises', STOPPED_BEFORE_ANY_NODE, []).elapsedSeconds).toBe(0.9);
  });

  it.each([
    { name: 'KNOWN_ONLY', counts: { success: 2, pass: 9 }, other: 0 },
    {
      name: 'NO_OP_AND_RUNTIME_ERROR',
      counts: { success: 1, 'no-op': 2, 'runtime error': 1 },
      other: 3,
    },
  ])('countStatuses $name: unknown statuses count as other', ({ counts, other }) => {
    expect(countStatuses(counts).other).toBe(other);
  });
});
