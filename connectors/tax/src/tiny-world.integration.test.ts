/**
 * The tiny world (simulators/world, ≈200 subjects) through the tax simulator into the lake: the
 * world generator and the simulator run as child processes (connectors may not import them). The
 * landed rows of a period reconcile with the world's own NDJSON files.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openLake } from '@sg/lake';
import { createTestLake } from '@sg/lake/testing';
import { generateWorldCli, runSimulatorCli } from '@sg/simulator-processes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { landTaxDrop } from './land-drop.ts';

const PERIOD = '2025-05';
let dir: string;
let worldDir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sg-tax-tiny-'));
  worldDir = join(dir, 'world');
  await generateWorldCli({ outDir: worldDir });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Records of one period in a world file, counted straight from the NDJSON. */
async function worldRowsOf(file: string, period: string): Promise<number> {
  const lines = createInterface({
    input: createReadStream(join(worldDir, 'sources', 'tax', file)),
  });
  let count = 0;
  for await (const line of lines) {
    if (z.object({ period: z.string() }).parse(JSON.parse(line)).period === period) count += 1;
  }
  return count;
}

describe('tiny world → tax simulator drop → lake', () => {
  it('lands a period whose row counts reconcile with the world', async () => {
    const stdout = await runSimulatorCli('tax', ['drop', '--period', PERIOD], {
      SG_SIM_TAX_WORLD_DIR: worldDir,
      SG_SIM_TAX_OUTBOX_DIR: join(dir, 'outbox'),
    });
    const dropDir = z.object({ dropDir: z.string() }).parse(JSON.parse(stdout)).dropDir;
    const testLake = await createTestLake('sqlite');
    const lake = await openLake(testLake.config);
    try {
      const result = await landTaxDrop(lake, dropDir);
      const landed = Object.fromEntries(
        result.entities.map((e) => [e.entity, e.landing.rowCount + e.landing.quarantinedCount]),
      );
      const invoices = await worldRowsOf('vat_invoices.ndjson', PERIOD);
      const payments = await worldRowsOf('tax_payments.ndjson', PERIOD);
      expect(invoices).toBeGreaterThan(0);
      expect(landed).toEqual({ vat_invoices: invoices, tax_payments: payments });
      const [row] = (
        await lake.connection.runAndReadAll(
          `select count(*)::integer as n from lake.raw_tax.vat_invoices where _window = '${PERIOD}'`,
        )
      ).getRowObjectsJson();
      expect(row?.['n']).toBe(result.entities[0]?.landing.rowCount);
    } finally {
      lake.close();
      await testLake.dispose();
    }
  });
});
