// End to end with every real part: the commerce simulator (child process), a fresh lake, the real
// activities and resources (chosen from environment variables, as in production), the dbt project,
// a Temporal dev server and the pipelines worker. Run for both lake catalogs: SQLite (the local
// default) and PostgreSQL (the production setting). The mart must hold exactly the simulator's
// enterprises.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { lakeConfigToEnv, openLake } from '@sg/lake';
import { TEST_CATALOG_KINDS, createTestLake } from '@sg/lake/testing';
import type { TestLake } from '@sg/lake/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../activities/index.ts';
import { MARTS_ENTERPRISES, dbtAssetsBuiltWith } from '../assets/registry.ts';
import { runCommerceLanding } from '../client/commerce-landing-run.ts';
import { resourcesFromEnv } from '../resources.ts';
import type { PipelineResources } from '../resources.ts';
import { startCommerceSimulatorProcess } from '../test-support/commerce-simulator-process.ts';
import type { SimulatorProcess } from '../test-support/commerce-simulator-process.ts';
import { startLocalTemporal } from '../test-support/local-temporal.ts';
import { createPipelinesWorker } from './create-worker.ts';

const ENTERPRISE_COUNT = 40;
const WINDOW = '2025-06-30';

let simulator: SimulatorProcess;

beforeAll(async () => {
  simulator = await startCommerceSimulatorProcess({
    enterpriseCount: ENTERPRISE_COUNT,
    apiKey: 'e2e-key',
    apiSecret: 'e2e-secret',
  });
});

afterAll(async () => {
  await simulator.stop();
});

describe.each(TEST_CATALOG_KINDS)('commerceLandingAndBuild end to end, %s catalog', (kind) => {
  const taskQueue = `e2e-${kind}-${crypto.randomUUID()}`;
  let testLake: TestLake;
  let temporal: TestWorkflowEnvironment;
  let resources: PipelineResources;
  let worker: Worker;
  let running: Promise<void>;
  let firstLandingId: string | undefined;

  beforeAll(async () => {
    [testLake, temporal] = await Promise.all([createTestLake(kind), startLocalTemporal()]);
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('SG_LAKE_')),
    );
    resources = resourcesFromEnv({
      ...inherited,
      ...lakeConfigToEnv(testLake.config),
      SG_ENV: 'local',
      SG_COMMERCE_BASE_URL: simulator.url,
      SG_COMMERCE_API_KEY: simulator.apiKey,
      SG_COMMERCE_API_SECRET: simulator.apiSecret,
    });
    worker = await createPipelinesWorker({
      connection: temporal.nativeConnection,
      activities: createActivities(resources),
      taskQueue,
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker.shutdown();
    await running;
    await temporal.teardown();
    await testLake.dispose();
  });

  async function martRowCount(): Promise<number> {
    const lake = await openLake(resources.lake, { readOnly: true });
    try {
      const reader = await lake.connection.runAndReadAll(
        'select count(*)::integer as n from lake.marts.enterprises',
      );
      return Number(reader.getRowObjects()[0]?.['n']);
    } finally {
      lake.close();
    }
  }

  it('chose the catalog from the environment', () => {
    expect(resources.lake.catalog.kind).toBe(kind);
  });

  it('lands the window, builds the mart, and the mart holds every simulator enterprise', async () => {
    const run = await runCommerceLanding(temporal.client, { window: WINDOW, taskQueue });
    const { landing, dbt } = run.result;

    expect(run.outcome).toBe('started');
    firstLandingId = landing.landingId;
    expect(landing).toMatchObject({ asset: 'raw_commerce.enterprises', window: WINDOW });
    expect(landing.rowCount + landing.quarantinedCount).toBe(simulator.enterpriseCount);
    expect(dbt).toMatchObject({ select: '+enterprises', success: true, problems: [] });
    expect(dbt.statusCounts.error + dbt.statusCounts.fail).toBe(0);
    expect(dbt.statusCounts.pass).toBeGreaterThan(0);
    expect(dbt.assets.map((asset) => asset.asset)).toEqual(
      dbtAssetsBuiltWith(MARTS_ENTERPRISES).map((asset) => asset.key),
    );

    const martRows = await martRowCount();
    expect(martRows).toBe(simulator.enterpriseCount);
    expect(dbt.assets.find((asset) => asset.asset === MARTS_ENTERPRISES)?.rowCount).toBe(martRows);
  }, 300_000);

  it('a second run for the same window returns the first result without landing again', async () => {
    const again = await runCommerceLanding(temporal.client, { window: WINDOW, taskQueue });
    expect(again.outcome).toBe('completed-earlier');
    expect(again.result.landing.landingId).toBe(firstLandingId);
    expect(await martRowCount()).toBe(simulator.enterpriseCount);
  });
});
