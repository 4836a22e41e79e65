import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWorld } from '@sg/sim-world';
import { describe, expect, it } from 'vitest';
import { createAuthorizationRegistry, statusAt } from './authorization-registry.ts';
import { loadTaxWorld } from './tax-world.ts';
import { worldStartMs } from './world-clock.ts';

const FIXTURE_WORLD = join(import.meta.dirname, 'fixtures', 'tiny-tax-world');

describe('loadTaxWorld', () => {
  it('loads the fixture world in the contract format', async () => {
    const world = await loadTaxWorld(FIXTURE_WORLD);
    expect(world.asOf).toBe('2025-06-30');
    expect(world.counts).toEqual({
      taxpayers: 4,
      creditGrades: 6,
      vatInvoices: 6,
      taxPayments: 6,
      arrears: 1,
      authorizations: 4,
    });
    expect(world.invoicesReceived.get('91640100MA76A1B2CR')?.map((i) => i.invoice_no)).toEqual([
      '25642000000000000002',
      '25642000000000000005',
    ]);
  });

  it('names the file and line of a record that breaks the contract', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sg-tax-world-'));
    try {
      await cp(FIXTURE_WORLD, dir, { recursive: true });
      await writeFile(
        join(dir, 'sources', 'tax', 'arrears.ndjson'),
        '{"uscc":"x","tax_type":"增值税","arrears_fen":"12","since_date":"2025-01-01"}\n',
      );
      await expect(loadTaxWorld(dir)).rejects.toThrow(/arrears\.ndjson:1/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the tiny generated world', () => {
  it('loads, and its authorisations include active and lapsed ones at the world clock', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sg-tax-tiny-'));
    try {
      const manifest = await generateWorld({ size: 'tiny', outDir: dir });
      const world = await loadTaxWorld(dir);
      expect(world.counts.taxpayers).toBe(manifest.files['sources/tax/taxpayers.ndjson']?.rows);
      expect(world.counts.vatInvoices).toBe(
        manifest.files['sources/tax/vat_invoices.ndjson']?.rows,
      );
      const registry = createAuthorizationRegistry({
        seed: world.seed,
        defaultClientId: 'c',
        records: world.authorizations,
      });
      const now = worldStartMs(world.asOf);
      const statuses = new Set(registry.listForClient('c').map((a) => statusAt(a, now)));
      expect(statuses.has('active')).toBe(true);
      expect(statuses.has('expired')).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
