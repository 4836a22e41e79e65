/**
 * The monthly file exchange end to end: drops written by the tax simulator's CLI, landed into a
 * real DuckLake (SQLite catalog); late corrections and a crash mid-landing. Row counts reconcile
 * with the manifests.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLake } from '@sg/lake';
import type { Lake } from '@sg/lake';
import { createTestLake } from '@sg/lake/testing';
import type { TestLake } from '@sg/lake/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropManifestSchema } from './drop-manifest.ts';
import { landTaxDrop } from './land-drop.ts';
import {
  INVOICE_HEADER,
  NEW_MATERIALS,
  PAYMENT_HEADER,
  WINERY,
  csv,
  query,
  simulatorDrop,
  writeHandDrop,
} from './testing/drop-fixtures.ts';

let testLake: TestLake;
let lake: Lake;
let outbox: string;

beforeEach(async () => {
  testLake = await createTestLake('sqlite');
  lake = await openLake(testLake.config);
  outbox = await mkdtemp(join(tmpdir(), 'sg-tax-outbox-'));
});

afterEach(async () => {
  lake.close();
  await testLake.dispose();
  await rm(outbox, { recursive: true, force: true });
});

describe('landing a simulator drop', () => {
  it.each(['csv', 'xlsx'] as const)(
    'lands both entities from %s; counts reconcile with the manifest',
    async (format) => {
      const dropDir = await simulatorDrop(outbox, '2025-05');
      const manifest = dropManifestSchema.parse(
        JSON.parse(await readFile(join(dropDir, 'manifest.json'), 'utf8')),
      );
      const result = await landTaxDrop(lake, dropDir, { format });
      expect(result.period).toBe('2025-05');
      for (const entity of result.entities) {
        const declared = manifest.files.find(
          (f) => f.entity === entity.entity && f.format === format,
        );
        expect(entity.landing.rowCount + entity.landing.quarantinedCount).toBe(declared?.rows);
        expect(entity.drift).toEqual([]);
      }
      // The fixture world holds 3 invoices and 2 payments in 2025-05 (one a red-letter invoice).
      expect(result.entities.map((e) => [e.entity, e.landing.rowCount])).toEqual([
        ['vat_invoices', 3],
        ['tax_payments', 2],
      ]);
      const invoices = await query(
        lake,
        `select invoice_no, amount_fen, tax_fen, issue_date::varchar as issue_date, buyer_uscc, _window from lake.raw_tax.vat_invoices order by invoice_no`,
      );
      expect(invoices).toEqual([
        {
          invoice_no: '25642000000000000004',
          amount_fen: '880000',
          tax_fen: '114400',
          issue_date: '2025-05-06',
          buyer_uscc: '93640500MA76K7L8ME',
          _window: '2025-05',
        },
        {
          invoice_no: '25642000000000000005',
          amount_fen: '3600000',
          tax_fen: '108000',
          issue_date: '2025-05-20',
          buyer_uscc: WINERY,
          _window: '2025-05',
        },
        {
          invoice_no: '25642000000000000006',
          amount_fen: '-1200000',
          tax_fen: '-156000',
          issue_date: '2025-05-28',
          buyer_uscc: NEW_MATERIALS,
          _window: '2025-05',
        },
      ]);
    },
  );
});

describe('late data and reruns', () => {
  it('a corrected drop for an earlier month replaces that window only', async () => {
    await landTaxDrop(lake, await simulatorDrop(outbox, '2025-04'));
    await landTaxDrop(lake, await simulatorDrop(outbox, '2025-05'));
    const corrected = await writeHandDrop(outbox, '2025-04', 2, [
      { entity: 'vat_invoices', content: csv(INVOICE_HEADER, []), rows: 0 },
      {
        entity: 'tax_payments',
        content: csv(PAYMENT_HEADER, [`${WINERY},2025-04,增值税,9000.00,2025-05-15`]),
        rows: 1,
      },
    ]);
    await landTaxDrop(lake, corrected);
    const byWindow = await query(
      lake,
      `select _window, count(*)::integer as n, sum(paid_fen)::bigint as paid from lake.raw_tax.tax_payments group by 1 order by 1`,
    );
    expect(byWindow).toEqual([
      { _window: '2025-04', n: 1, paid: '900000' },
      { _window: '2025-05', n: 2, paid: '114400' },
    ]);
    const invoices = await query(
      lake,
      `select _window, count(*)::integer as n from lake.raw_tax.vat_invoices group by 1 order by 1`,
    );
    expect(invoices).toEqual([{ _window: '2025-05', n: 3 }]);
  });

  it('a crash mid-landing leaves no partial data; the rerun lands each row once', async () => {
    const dropDir = await simulatorDrop(outbox, '2025-04');
    await expect(
      landTaxDrop(lake, dropDir, {
        landOptions: (entity) =>
          entity === 'tax_payments'
            ? { beforeCommit: () => Promise.reject(new Error('killed before commit')) }
            : {},
      }),
    ).rejects.toThrow('killed before commit');
    const tables = await query(
      lake,
      `select table_name from duckdb_tables() where database_name = 'lake' and schema_name = 'raw_tax' order by 1`,
    );
    expect(tables.map((row) => row['table_name'])).not.toContain('tax_payments');
    await landTaxDrop(lake, dropDir);
    await landTaxDrop(lake, dropDir);
    const counts = await query(
      lake,
      `select (select count(*) from lake.raw_tax.vat_invoices)::integer as invoices, (select count(*) from lake.raw_tax.tax_payments)::integer as payments, ` +
        `(select count(*) from lake.meta.landings where source = 'tax')::integer as landings`,
    );
    expect(counts).toEqual([{ invoices: 3, payments: 4, landings: 5 }]);
  });
});
