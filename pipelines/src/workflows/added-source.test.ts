// Adding a source is one connector plus one line in the registry's source list: a sixth, test-only
// source (the finance system, landing a few vouchers through @sg/lake) is registered by that one
// line and runs through sourcesLandingAndBuild on a real dev server and worker, with the real
// activities, its settings read from the environment by its own definition, into a real lake.
import { openLake } from '@sg/lake';
import { createTestLake } from '@sg/lake/testing';
import type { TestLake } from '@sg/lake/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../activities/index.ts';
import { createPipelineRegistry } from '../assets/registry.ts';
import type { PipelineRegistry } from '../assets/registry.ts';
import { sourceConfigsFromEnv } from '../resources.ts';
import type { PipelineResources } from '../resources.ts';
import { financeTestSource } from '../testing/finance-test-source.ts';
import { startWorkflowTestWorker } from '../testing/workflow-test-worker.ts';
import type { WorkflowTestWorker } from '../testing/workflow-test-worker.ts';
import { sourcesLandingAndBuild } from './sources-landing-and-build.ts';

const WINDOW = '2025-07-31';

/** The registry's source list with the new source as its one added line (no dbt model reads it). */
const REGISTRY: PipelineRegistry = createPipelineRegistry({
  sources: [financeTestSource],
  dbtManifest: { nodes: {}, sources: {} },
});

let temporal: WorkflowTestWorker;
let testLake: TestLake;
let resources: PipelineResources;

beforeAll(async () => {
  [temporal, testLake] = await Promise.all([startWorkflowTestWorker(), createTestLake('sqlite')]);
  resources = {
    environment: 'local',
    lake: testLake.config,
    sources: sourceConfigsFromEnv(
      { SG_TEST_FINANCE_VOUCHERS: '4' },
      'local',
      testLake.config.dataDir,
      REGISTRY.sources,
    ),
    dbt: () => Promise.reject(new Error('no dbt model reads the finance source')),
    dbtManifest: () => Promise.reject(new Error('the registry is given')),
  };
}, 60_000);

afterAll(async () => {
  await temporal.teardown();
  await testLake.dispose();
});

describe('a sixth source added by one line', () => {
  it('has its landing asset in the registry, from its definition', () => {
    expect(REGISTRY.landingAssetsOf('finance')).toEqual([
      expect.objectContaining({
        key: 'raw_finance.vouchers',
        title: '财务凭证（测试数据源原始落地）',
        partitioning: { by: 'window' },
      }),
    ]);
    expect(REGISTRY.dbtBuildPlan()).toBeNull();
  });

  it('is landed by sourcesLandingAndBuild through the one landing activity', async () => {
    const activities = createActivities(resources, { registry: REGISTRY });
    const result = await temporal.execute(sourcesLandingAndBuild, { window: WINDOW }, activities);
    expect(result.planned).toEqual([{ name: 'finance', title: '财务系统（测试）' }]);
    expect(result.sources['finance']).toMatchObject({
      source: 'finance',
      window: WINDOW,
      details: { voucherCount: 4 },
      landings: [
        { asset: 'raw_finance.vouchers', window: WINDOW, rowCount: 4, quarantinedCount: 0 },
      ],
    });
    expect(result.dbt).toBeNull();

    const lake = await openLake(testLake.config, { readOnly: true });
    try {
      const reader = await lake.connection.runAndReadAll(
        'select count(*)::integer as n, sum(amount_fen)::bigint as fen from lake.raw_finance.vouchers where _window = $window',
        { window: WINDOW },
      );
      expect(reader.getRowObjectsJson()).toEqual([{ n: 4, fen: '100000' }]);
    } finally {
      lake.close();
    }
  });
});
