// End to end with every real part: the commerce simulator (child process), a fresh lake in a temp
// SG_DATA_DIR, the real activities and resources, the dbt project, a Temporal dev server and the
// pipelines worker. The mart must hold exactly the simulator's enterprises.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { openLake } from '@sg/lake';
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
const dataDir = mkdtempSync(path.join(tmpdir(), 'sg-pipelines-e2e-'));
const taskQueue = `e2e-${randomUUID()}`;

let simulator: SimulatorProcess;
let temporal: TestWorkflowEnvironment;
let resources: PipelineResources;
let worker: Worker;
let running: Promise<void>;

beforeAll(async () => {
  [simulator, temporal] = await Promise.all([
    startCommerceSimulatorProcess({
      enterpriseCount: ENTERPRISE_COUNT,
      apiKey: 'e2e-key',
      apiSecret: 'e2e-secret',
    }),
    startLocalTemporal(),
  ]);
  // Only what this test sets: the rest of the lake settings take their defaults under dataDir.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('SG_LAKE_')),
  );
  resources = resourcesFromEnv({
    ...inherited,
    SG_ENV: 'local',
    SG_DATA_DIR: dataDir,
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
  await Promise.all([temporal.teardown(), simulator.stop()]);
  rmSync(dataDir, { recursive: true, force: true });
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

describe('commerceLandingAndBuild end to end (simulator → lake → dbt, real worker)', () => {
  it('lands the window, builds the mart, and the mart holds every simulator enterprise', async () => {
    const run = await runCommerceLanding(temporal.client, { window: WINDOW, taskQueue });
    const { landing, dbt } = run.result;

    expect(run.outcome).toBe('started');
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
    const first = await runCommerceLanding(temporal.client, { window: WINDOW, taskQueue });
    expect(first.outcome).toBe('completed-earlier');
    expect(await martRowCount()).toBe(simulator.enterpriseCount);
  });
});
