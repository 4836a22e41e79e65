// The landing activity in MockActivityEnvironment against the real commerce simulator (a child
// process) and a real DuckLake lake in a temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { lakeConfigFromEnv, openLake } from '@sg/lake';
import type { LakeConfig } from '@sg/lake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineResources } from '../resources.ts';
import { startCommerceSimulatorProcess } from '../test-support/commerce-simulator-process.ts';
import { runInActivityContext } from '../test-support/local-temporal.ts';
import type { SimulatorProcess } from '../test-support/commerce-simulator-process.ts';
import { COMMERCE_API_REJECTED } from './activity-errors.ts';
import { landCommerceWindow } from './commerce-landing.ts';

const ENTERPRISE_COUNT = 25;
const dataDir = mkdtempSync(path.join(tmpdir(), 'sg-pipelines-landing-'));
let simulator: SimulatorProcess;
let lake: LakeConfig;

beforeAll(async () => {
  simulator = await startCommerceSimulatorProcess({
    enterpriseCount: ENTERPRISE_COUNT,
    apiKey: 'test-key',
    apiSecret: 'test-secret',
  });
  lake = lakeConfigFromEnv({ SG_DATA_DIR: dataDir });
});

afterAll(async () => {
  await simulator.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function resources(credentials: { apiKey: string; apiSecret: string }): PipelineResources {
  return {
    environment: 'local',
    lake,
    commerce: { baseUrl: simulator.url, ...credentials },
    business: { url: 'postgres://postgres@127.0.0.1:9/unused' },
    inboxes: { tax: path.join(dataDir, 'tax', 'inbox'), bank: path.join(dataDir, 'bank', 'inbox') },
    dbt: () => Promise.reject(new Error('dbt is not used by the landing activity')),
  };
}

async function countRows(window: string): Promise<number> {
  const reader = await openLake(lake, { readOnly: true });
  try {
    const result = await reader.connection.runAndReadAll(
      `select count(*)::integer as n from lake.raw_commerce.enterprises where _window = '${window}'`,
    );
    return Number(result.getRowObjects()[0]?.['n']);
  } finally {
    reader.close();
  }
}

describe('landCommerceWindow', () => {
  it('lands every simulator enterprise of the window and returns the landing metadata', async () => {
    const landing = await runInActivityContext(() =>
      landCommerceWindow(resources(simulator), '2025-06-30'),
    );
    expect(landing).toMatchObject({ asset: 'raw_commerce.enterprises', window: '2025-06-30' });
    expect(landing.rowCount + landing.quarantinedCount).toBe(ENTERPRISE_COUNT);
    expect(await countRows('2025-06-30')).toBe(landing.rowCount);
  });

  it('landing the same window again replaces it (same checksum, same row count)', async () => {
    const land = () => landCommerceWindow(resources(simulator), '2025-07-01');
    const first = await runInActivityContext(land);
    const second = await runInActivityContext(land);
    expect(second.checksum).toBe(first.checksum);
    expect(await countRows('2025-07-01')).toBe(first.rowCount);
  });

  it('fails for good (non-retryable) when the API rejects the credentials', async () => {
    const failure = await runInActivityContext(() =>
      landCommerceWindow(resources({ apiKey: 'test-key', apiSecret: 'wrong' }), '2025-06-30'),
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: COMMERCE_API_REJECTED, nonRetryable: true });
  });
});
