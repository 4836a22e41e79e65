// (No node: imports here: lint treats workflows/ as workflow code.)
// The four-source workflow on a real Temporal dev server with a real worker, and fake activities
// that record their calls: order, retries, a failing source reported while the others still land,
// the dbt build skipped only when a source upstream of the mart failed; and the client's
// idempotency per window.
import { Context } from '@temporalio/activity';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { BANK_DROP_REFUSED } from '@sg/connector-bank';
import { BUSINESS_DATABASE_REJECTED } from '@sg/connector-business';
import { COMMERCE_API_REJECTED } from '@sg/connector-commerce';
import { TAX_DROP_REFUSED } from '@sg/connector-tax';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DBT_BUILD_FAILED } from '../activities/activity-metadata.ts';
import type {
  DbtBuildMetadata,
  LandingMetadata,
  SourceLandingMetadata,
  SourcesLandingPlan,
} from '../activities/activity-metadata.ts';
import type { PipelineActivities } from '../activities/index.ts';
import { runSourcesLanding, sourcesLandingWorkflowId } from '../client/sources-landing-run.ts';
import { summariseSourcesLanding } from '../client/sources-landing-summary.ts';
import { unusedActivities } from '../testing/unused-activities.ts';
import { startWorkflowTestWorker } from '../testing/workflow-test-worker.ts';
import type { WorkflowTestWorker } from '../testing/workflow-test-worker.ts';
import { INVALID_LANDING_WINDOW } from './landing-window.ts';
import {
  SOURCES_LANDING_AND_BUILD_FAILED,
  sourcesLandingAndBuild,
} from './sources-landing-and-build.ts';
import type {
  SourcesLandingAndBuildResult,
  SourcesLandingOutcome,
} from './sources-landing-and-build.ts';

const WINDOW = '2025-06-30';

const landing = (asset: string, window: string, rowCount: number): LandingMetadata => ({
  asset,
  window,
  landingId: `landing-${asset}-${window}`,
  rowCount,
  quarantinedCount: 1,
  checksum: `checksum-${asset}`,
  schemaHash: 'schema',
});

const MARTS_ENTERPRISES = 'marts.enterprises';

const COMMERCE: SourceLandingMetadata = {
  source: 'commerce',
  title: '工商数据',
  window: WINDOW,
  landings: [landing('raw_commerce.enterprises', WINDOW, 158)],
  details: { mode: 'full', since: null, feedCursor: 'cursor-9', enterprisesPulled: 159 },
  note: '全量，159 家企业',
};
const BUSINESS: SourceLandingMetadata = {
  source: 'business',
  title: '业务系统',
  window: WINDOW,
  landings: [landing('raw_business.t_customer', WINDOW, 93)],
  details: { tables: [{ table: 't_customer', mode: 'full' }], driftFindings: 0 },
  note: '增量 0 张，结构漂移 0 项',
};
const TAX: SourceLandingMetadata = {
  source: 'tax',
  title: '税务文件',
  window: WINDOW,
  landings: [landing('raw_tax.vat_invoices', '2025-05', 150)],
  details: { periods: [{ period: '2025-05', sequence: 2 }], supersededDrops: ['2025-05_01'] },
  note: '1 个所属期：2025-05…2025-05',
};
const BANK: SourceLandingMetadata = {
  source: 'bank',
  title: '银行文件',
  window: WINDOW,
  landings: [landing('raw_bank.transactions', WINDOW, 12_000)],
  details: { dropIds: ['NXBANK-2025-06'], fileCount: 12 },
  note: '1 个投递批次，12 个文件',
};
const LANDED = { commerce: COMMERCE, business: BUSINESS, tax: TAX, bank: BANK };

/** The plan the registry gives: four sources, then +enterprises (built from commerce only). */
const PLAN: SourcesLandingPlan = {
  sources: [COMMERCE, BUSINESS, TAX, BANK].map(({ source, title }) => ({ name: source, title })),
  dbt: { assets: [MARTS_ENTERPRISES], select: '+enterprises', upstreamSources: ['commerce'] },
};
const DBT_BUILD: DbtBuildMetadata = {
  select: '+enterprises',
  invocationId: 'dbt-invocation-1',
  success: true,
  elapsedSeconds: 3.5,
  statusCounts: { success: 4, pass: 9, warn: 0, error: 0, fail: 0, skipped: 0, other: 0 },
  problems: [],
  assets: [{ asset: MARTS_ENTERPRISES, relation: 'lake.marts.enterprises', rowCount: 158 }],
};

type Step = 'commerce' | 'business' | 'tax' | 'bank' | 'dbt';
/** Per step, the error each failing attempt throws (attempts not listed succeed). */
type Behaviour = Partial<Record<Step, Readonly<Record<number, Error>>>>;

/** Fake activities recording `<step>#<attempt>` and returning the fixtures above. */
function fakeActivities(behaviour: Behaviour, calls: string[]): PipelineActivities {
  const run = <T>(step: Step, result: T): Promise<T> => {
    const { attempt } = Context.current().info;
    calls.push(`${step}#${String(attempt)}`);
    const error = behaviour[step]?.[attempt];
    return error === undefined ? Promise.resolve(result) : Promise.reject(error);
  };
  return {
    ...unusedActivities(),
    planSourcesLanding: () => Promise.resolve(PLAN),
    landSource: ({ source, window }) => {
      const landed = LANDED[source as keyof typeof LANDED];
      return run(source as Step, { ...landed, window });
    },
    dbtBuild: ({ assets }) => {
      expect(assets).toEqual([MARTS_ENTERPRISES]);
      return run('dbt', DBT_BUILD);
    },
  };
}

const BUSINESS_DB_STARTING = new Error('connect ECONNREFUSED 127.0.0.1:5434');
const TAX_REFUSED = ApplicationFailure.nonRetryable(
  'tax inbox: 1 drop(s) refused, 23 period(s) landed: 2025-05_01: sha256 与清单不符 (checksum_mismatch)',
  TAX_DROP_REFUSED,
);
const COMMERCE_REJECTED = ApplicationFailure.nonRetryable(
  'commerce API: 签名无效 (authentication, GET /v1/enterprises)',
  COMMERCE_API_REJECTED,
);
const BANK_REFUSED = ApplicationFailure.nonRetryable(
  'bank drop refused: 无法识别的流水格式 (unknown_layout)',
  BANK_DROP_REFUSED,
);
const BUSINESS_PASSWORD = ApplicationFailure.nonRetryable(
  'business database: password authentication failed (SQLSTATE 28P01)',
  BUSINESS_DATABASE_REJECTED,
);
const DBT_TESTS_FAILED = ApplicationFailure.nonRetryable(
  'dbt build --select +enterprises: 1 of 11 tests failed: not_null_enterprises_region_code',
  DBT_BUILD_FAILED,
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
): Promise<SourcesLandingAndBuildResult> {
  return temporal.execute(sourcesLandingAndBuild, { window }, activities);
}

/** The workflow's failure (an ApplicationFailure) and the outcome in its details. */
async function runWorkflowFailure(
  window: string,
  activities: PipelineActivities,
): Promise<{ failure: ApplicationFailure; outcome: SourcesLandingOutcome | undefined }> {
  const error = await runWorkflow(window, activities).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowFailedError);
  const failure = (error as WorkflowFailedError).cause;
  expect(failure).toBeInstanceOf(ApplicationFailure);
  const [outcome] = (failure as ApplicationFailure).details ?? [];
  return {
    failure: failure as ApplicationFailure,
    outcome: outcome as SourcesLandingOutcome | undefined,
  };
}

const ALL_STEPS = ['commerce#1', 'business#1', 'tax#1', 'bank#1', 'dbt#1'];

describe('sourcesLandingAndBuild (real dev server and worker, fake activities)', () => {
  it.each([
    { name: 'ALL_SUCCEED', behaviour: {}, calls: ALL_STEPS },
    {
      name: 'BUSINESS_DB_STARTING_ONCE (retried with backoff)',
      behaviour: { business: { 1: BUSINESS_DB_STARTING } },
      calls: ['commerce#1', 'business#1', 'business#2', 'tax#1', 'bank#1', 'dbt#1'],
    },
  ])(
    '$name: lands commerce, business, tax, bank in order, then builds',
    async ({ behaviour, calls }) => {
      const recorded: string[] = [];
      const result = await runWorkflow(WINDOW, fakeActivities(behaviour, recorded));
      expect(recorded).toEqual(calls);
      expect(result).toEqual({
        window: WINDOW,
        planned: PLAN.sources,
        sources: LANDED,
        dbt: DBT_BUILD,
      });
    },
  );

  it('TAX_REFUSED: the other sources land and the mart builds, then the workflow fails naming tax', async () => {
    const recorded: string[] = [];
    const { failure, outcome } = await runWorkflowFailure(
      WINDOW,
      fakeActivities({ tax: { 1: TAX_REFUSED } }, recorded),
    );
    expect(recorded).toEqual(ALL_STEPS); // not retried, nothing skipped
    expect(failure.type).toBe(SOURCES_LANDING_AND_BUILD_FAILED);
    expect(failure.message).toBe(
      `sources landing for window ${WINDOW} failed: tax: ${TAX_REFUSED.message} ` +
        '(landed: commerce, business, bank; dbt build --select +enterprises succeeded)',
    );
    expect(outcome).toEqual({
      window: WINDOW,
      planned: PLAN.sources,
      sources: { commerce: COMMERCE, business: BUSINESS, bank: BANK },
      failures: [{ step: 'tax', type: TAX_DROP_REFUSED, message: TAX_REFUSED.message }],
      dbt: DBT_BUILD,
      dbtSkipped: null,
    });
  });

  it('COMMERCE_AND_BUSINESS_AND_BANK_FAIL: tax still lands; dbt is skipped (commerce is upstream)', async () => {
    const recorded: string[] = [];
    const { failure, outcome } = await runWorkflowFailure(
      WINDOW,
      fakeActivities(
        {
          commerce: { 1: COMMERCE_REJECTED },
          business: { 1: BUSINESS_PASSWORD },
          bank: { 1: BANK_REFUSED },
        },
        recorded,
      ),
    );
    expect(recorded).toEqual(['commerce#1', 'business#1', 'tax#1', 'bank#1']);
    expect(failure.type).toBe(SOURCES_LANDING_AND_BUILD_FAILED);
    for (const cause of [COMMERCE_REJECTED, BUSINESS_PASSWORD, BANK_REFUSED]) {
      expect(failure.message).toContain(cause.message);
    }
    expect(failure.message).toMatch(/\(landed: tax; dbt build --select \+enterprises skipped/);
    expect(outcome?.sources).toEqual({ tax: TAX });
    expect(outcome?.failures.map((f) => [f.step, f.type])).toEqual([
      ['commerce', 'CommerceApiRejected'],
      ['business', BUSINESS_DATABASE_REJECTED],
      ['bank', 'BankDropRefused'],
    ]);
    expect(outcome?.dbt).toBeNull();
    expect(outcome?.dbtSkipped).toBe(
      'dbt build --select +enterprises skipped: upstream source commerce failed',
    );
    if (outcome === undefined) throw new Error('the failure carries no outcome');
    expect(summariseSourcesLanding(outcome)).toEqual([
      `工商数据：失败 — ${COMMERCE_REJECTED.message}`,
      `业务系统：失败 — ${BUSINESS_PASSWORD.message}`,
      '税务文件：1 张表，落地 150 行，隔离 1 行（1 个所属期：2025-05…2025-05）',
      `银行文件：失败 — ${BANK_REFUSED.message}`,
      `dbt 构建：未运行 — ${outcome.dbtSkipped ?? ''}`,
    ]);
  });

  it('DBT_TESTS_FAIL after all four landed: fails naming dbt, with all four landings', async () => {
    const recorded: string[] = [];
    const { failure, outcome } = await runWorkflowFailure(
      WINDOW,
      fakeActivities({ dbt: { 1: DBT_TESTS_FAILED } }, recorded),
    );
    expect(recorded).toEqual(ALL_STEPS);
    expect(failure.message).toBe(
      `sources landing for window ${WINDOW} failed: dbt: ${DBT_TESTS_FAILED.message} ` +
        '(landed: commerce, business, tax, bank; dbt build --select +enterprises failed)',
    );
    expect(Object.keys(outcome?.sources ?? {})).toEqual(['commerce', 'business', 'tax', 'bank']);
  });

  it('INVALID_WINDOW: fails before any activity runs', async () => {
    const recorded: string[] = [];
    const { failure } = await runWorkflowFailure('2025/06/30 ; drop', fakeActivities({}, recorded));
    expect(recorded).toEqual([]);
    expect(failure.type).toBe(INVALID_LANDING_WINDOW);
  });
});

describe('runSourcesLanding (idempotent per window)', () => {
  it('names the workflow after the window, runs it once, and starts a failed window again', async () => {
    expect(sourcesLandingWorkflowId(WINDOW)).toBe('sources-landing-2025-06-30');
    const recorded: string[] = [];
    const behaviour: Behaviour = { commerce: { 1: COMMERCE_REJECTED } };
    const { worker, taskQueue } = await temporal.workerWith(fakeActivities(behaviour, recorded));
    const { env } = temporal;
    const window = `w-${crypto.randomUUID().slice(0, 8)}`;
    await worker.runUntil(async () => {
      await expect(runSourcesLanding(env.client, { window, taskQueue })).rejects.toThrow(
        /Workflow execution failed/,
      );
      delete behaviour.commerce;
      const first = await runSourcesLanding(env.client, { window, taskQueue });
      const second = await runSourcesLanding(env.client, { window, taskQueue });
      expect(first.outcome).toBe('started');
      expect(second.outcome).toBe('completed-earlier');
      expect(second.result).toEqual(first.result);
      expect(first.result.sources['commerce']?.window).toBe(window);
    });
    // The failed run landed each source once, the restarted one once more; the third call none.
    expect(recorded.filter((call) => call.startsWith('bank#'))).toHaveLength(2);
    expect(summariseSourcesLanding({ ...(await lastResult(window)) })).toEqual([
      '工商数据：1 张表，落地 158 行，隔离 1 行（全量，159 家企业）',
      '业务系统：1 张表，落地 93 行，隔离 1 行（增量 0 张，结构漂移 0 项）',
      '税务文件：1 张表，落地 150 行，隔离 1 行（1 个所属期：2025-05…2025-05）',
      '银行文件：1 张表，落地 12000 行，隔离 1 行（1 个投递批次，12 个文件）',
      'dbt 构建 +enterprises：成功，marts.enterprises 158 行',
    ]);
  });
});

describe('runSourcesLanding: joining and refusing', () => {
  it('joins a run in progress instead of starting a second one', async () => {
    const recorded: string[] = [];
    const { worker, taskQueue } = await temporal.workerWith(fakeActivities({}, recorded));
    const window = `w-${crypto.randomUUID().slice(0, 8)}`;
    const [a, b] = await worker.runUntil(
      Promise.all([
        runSourcesLanding(temporal.env.client, { window, taskQueue }),
        runSourcesLanding(temporal.env.client, { window, taskQueue }),
      ]),
    );
    expect(a.result).toEqual(b.result);
    expect(recorded).toEqual(ALL_STEPS);
  });

  it('refuses an invalid window before contacting the server', async () => {
    await expect(
      runSourcesLanding(temporal.env.client, { window: '../etc', taskQueue: 'unused' }),
    ).rejects.toThrow(/invalid landing window/);
  });
});

/** The result of the window's completed run (read back without a worker). */
async function lastResult(window: string): Promise<SourcesLandingAndBuildResult> {
  const handle = temporal.env.client.workflow.getHandle<typeof sourcesLandingAndBuild>(
    sourcesLandingWorkflowId(window),
  );
  return handle.result();
}
