/**
 * Reconciliation against the real world generator: `simulators/world/src/main.ts --size tiny`
 * writes a world (child process; the connector may not import simulators), the commerce simulator
 * serves it (child process), and a full landing of every commerce entity into a real DuckLake must
 * account for every row of the world's manifest: landed + quarantined = rows in the file.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLake } from '@sg/lake';
import { createTestLake } from '@sg/lake/testing';
import { generateWorldCli, startSimulatorProcess } from '@sg/simulator-processes';
import type { RunningSimulator } from '@sg/simulator-processes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COMMERCE_ENTITIES } from './extract-source.ts';
import { landCommerceSource } from './land-source.ts';
import { createCommerceClient } from './live-client.ts';

const API_KEY = 'tiny-key';
const API_SECRET = 'tiny-secret';

const manifestSchema = z.object({
  files: z.record(z.string(), z.object({ rows: z.int() })),
});

let worldDir: string;
let simulator: RunningSimulator | undefined;
let simulatorUrl: string;

beforeAll(async () => {
  worldDir = await mkdtemp(join(tmpdir(), 'sg-tiny-world-'));
  await generateWorldCli({ outDir: worldDir });
  simulator = await startSimulatorProcess('commerce', {
    env: {
      SG_SIM_COMMERCE_PORT: '0',
      SG_WORLD_DIR: worldDir,
      SG_SIM_COMMERCE_API_KEY: API_KEY,
      SG_SIM_COMMERCE_API_SECRET: API_SECRET,
      SG_SIM_COMMERCE_RATE_LIMIT: '0',
    },
  });
  simulatorUrl = z.object({ url: z.url() }).parse(simulator.banner).url;
});

afterAll(async () => {
  await simulator?.stop();
  await rm(worldDir, { recursive: true, force: true });
});

describe('tiny world (world generator → simulator → live client → DuckLake)', () => {
  it('lands every commerce entity; rows reconcile with the manifest', async () => {
    const manifest = manifestSchema.parse(
      JSON.parse(await readFile(join(worldDir, 'manifest.json'), 'utf8')),
    );
    const testLake = await createTestLake('sqlite');
    const lake = await openLake(testLake.config);
    try {
      const client = createCommerceClient({
        baseUrl: simulatorUrl,
        apiKey: API_KEY,
        apiSecret: API_SECRET,
      });
      const result = await landCommerceSource(lake, client, '2025-06-30', {
        mode: 'full',
        concurrency: 8,
      });
      const reconciliation = Object.fromEntries(
        COMMERCE_ENTITIES.map((entity) => {
          const landing = result.landings[entity];
          return [entity, (landing?.rowCount ?? 0) + (landing?.quarantinedCount ?? 0)];
        }),
      );
      const worldRows = Object.fromEntries(
        COMMERCE_ENTITIES.map((entity) => [
          entity,
          manifest.files[`sources/commerce/${entity}.ndjson`]?.rows,
        ]),
      );
      expect(reconciliation).toEqual(worldRows);
      expect(worldRows['enterprises']).toBeGreaterThan(100);
      // Most of the world is clean: quarantine holds only the few dirty records.
      const enterprises = result.landings['enterprises'];
      expect(enterprises?.quarantinedCount).toBeLessThan((enterprises?.rowCount ?? 0) / 10);
      const [landed] = (
        await lake.connection.runAndReadAll(
          `select count(distinct uscc)::integer as n from lake.raw_commerce.enterprises`,
        )
      ).getRowObjectsJson();
      expect(landed?.['n']).toBe(enterprises?.rowCount);
    } finally {
      lake.close();
      await testLake.dispose();
    }
  });
});
