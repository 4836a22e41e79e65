// The landing scenario every backend runs (one test file per backend keeps each file short):
// seed the small world, full load, advance the source, incremental load, deletes, drift,
// idempotent re-landing, a crash before COMMIT.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLake } from '@sg/lake';
import type { Lake } from '@sg/lake';
import { createTestLake } from '@sg/lake/testing';
import type { TestLake } from '@sg/lake/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusinessSourceClient } from '../client.ts';
import { landBusinessWindow } from '../land.ts';
import type { BusinessLandingResult } from '../land.ts';
import { createBusinessClient } from '../live-client.ts';
import { SMALL_WORLD_DIR, createLegacyTestDatabase, runSimBusiness } from './legacy-databases.ts';
import type { LegacyBackendKind, LegacyTestDatabase } from './legacy-databases.ts';

interface WorldManifest {
  files: Record<string, { rows: number }>;
}
interface AdvanceReport {
  updated: Record<string, string[]>;
  inserted: Record<string, string[]>;
  deleted: Record<string, string[]>;
  lateCommitted: Record<string, string[]>;
}

const manifest = JSON.parse(
  readFileSync(join(SMALL_WORLD_DIR, 'manifest.json'), 'utf8'),
) as WorldManifest;
/** Rows per legacy table in the seeded world files. */
const SEEDED_ROWS = new Map(
  Object.entries(manifest.files).map(([path, file]) => [
    path.replace('sources/business/', '').replace('.ndjson', ''),
    file.rows,
  ]),
);

const FULL_WINDOW = '2025-06-30';
const NEXT_WINDOW = '2025-07-01';
/** Fixture: customers updated within 10 minutes of t_customer's high watermark (18:00 local). */
const CUSTOMERS_IN_OVERLAP = ['C0007', 'C0008'];
/** Fixture: t_application's high watermark is A0006 at 2025-06-01 10:00 local. */
const APPLICATION_AT_WATERMARK = 'A0006';

export function describeLandingScenario(kind: LegacyBackendKind): void {
  describe(`landBusinessWindow (${kind} → real DuckLake)`, () => {
    let testDb: LegacyTestDatabase;
    let testLake: TestLake;
    let lake: Lake;
    let client: BusinessSourceClient;
    let full: BusinessLandingResult;
    let advance: AdvanceReport;
    let incremental: BusinessLandingResult;

    async function rows(sql: string): Promise<Record<string, unknown>[]> {
      const reader = await lake.connection.runAndReadAll(sql);
      return reader.getRowObjectsJson();
    }

    async function windowKeys(table: string, key: string, window: string): Promise<string[]> {
      const found = await rows(
        `select ${key} as k from lake.raw_business.${table} where _window = '${window}' order by k`,
      );
      return found.map((row) => String(row['k']));
    }

    const tableLanding = (result: BusinessLandingResult, table: string) => {
      const found = result.tables.find((t) => t.table === table);
      if (found === undefined) throw new Error(`no landing for ${table}`);
      return found;
    };

    beforeAll(async () => {
      testDb = await createLegacyTestDatabase(kind, SMALL_WORLD_DIR);
      if (kind !== 'embedded')
        await runSimBusiness(['seed', '--world', SMALL_WORLD_DIR], testDb.url);
      testLake = await createTestLake('sqlite');
      lake = await openLake(testLake.config);
      client = await createBusinessClient({ url: testDb.url });
    });

    afterAll(async () => {
      await client.close();
      lake.close();
      await testLake.dispose();
      await testDb.dispose();
    });

    it('full load: every seeded row is landed or quarantined, per table', async () => {
      full = await landBusinessWindow(lake, client, { window: FULL_WINDOW, pageSize: 3 });
      expect(full.tables.map((t) => t.mode)).toEqual(full.tables.map(() => 'full'));
      for (const landed of full.tables) {
        expect(landed.landing.rowCount + landed.landing.quarantinedCount, landed.table).toBe(
          SEEDED_ROWS.get(landed.table),
        );
      }
      expect(tableLanding(full, 't_customer').landing.quarantinedCount).toBe(1);
      expect(tableLanding(full, 't_counter_guarantee').landing.quarantinedCount).toBe(1);
      expect(full.deletedKeys).toEqual([]);
      expect(full.driftFindings).toEqual([]);
    });

    it('converts yuan DECIMAL to exact fen, Beijing time to UTC, full-width codes to half-width', async () => {
      expect(
        await rows(
          `select application_id, amount_fen, typeof(amount_fen) as t, strftime(updated_at, '%Y-%m-%d %H:%M:%S') as updated_at
           from lake.raw_business.t_application where application_id in ('A0002', 'A0006') order by 1`,
        ),
      ).toEqual([
        {
          application_id: 'A0002',
          amount_fen: '123456789',
          t: 'BIGINT',
          updated_at: '2024-04-25 02:00:00',
        },
        {
          application_id: 'A0006',
          amount_fen: null,
          t: 'BIGINT',
          updated_at: '2025-06-01 02:00:00',
        },
      ]);
      const [contract] = await rows(
        `select guaranteed_amount_fen from lake.raw_business.t_guarantee_contract where contract_no = 'G2024003'`,
      );
      expect(contract?.['guaranteed_amount_fen']).toBe('800000001');
      const [customer] = await rows(
        `select uscc from lake.raw_business.t_customer where customer_id = 'C0003'`,
      );
      expect(customer?.['uscc']).toBe('91640202MA76T3R452');
      const quarantine = await rows(
        `select reason from lake.raw_business.t_customer__quarantine where _window = '${FULL_WINDOW}'`,
      );
      expect(String(quarantine[0]?.['reason'])).toContain('统一社会信用代码');
    });

    it('incremental: after the source changes, lands only changed rows (plus the overlap)', async () => {
      advance = (await runSimBusiness(
        [
          'advance',
          '--seed',
          '7',
          '--changed-at',
          '2025-07-01 09:00:00',
          '--late-commit-at',
          '2025-06-01 09:55:00',
        ],
        testDb.url,
      )) as AdvanceReport;
      incremental = await landBusinessWindow(lake, client, { window: NEXT_WINDOW, pageSize: 2 });

      const customers = tableLanding(incremental, 't_customer');
      expect(customers).toMatchObject({ mode: 'incremental', updatedSince: '2025-06-29 17:50:00' });
      const expectedCustomers = new Set([
        ...(advance.updated['t_customer'] ?? []),
        ...CUSTOMERS_IN_OVERLAP,
      ]);
      expect(customers.receivedCount).toBe(expectedCustomers.size);
      const landedCustomers = await windowKeys('t_customer', 'customer_id', NEXT_WINDOW);
      for (const id of landedCustomers) expect(expectedCustomers).toContain(id);

      const expectedApplications = new Set([
        ...(advance.inserted['t_application'] ?? []),
        ...(advance.lateCommitted['t_application'] ?? []),
        APPLICATION_AT_WATERMARK,
      ]);
      expect(await windowKeys('t_application', 'application_id', NEXT_WINDOW)).toEqual(
        [...expectedApplications].sort(),
      );
      const contracts = await windowKeys('t_guarantee_contract', 'contract_no', NEXT_WINDOW);
      for (const no of advance.updated['t_guarantee_contract'] ?? [])
        expect(contracts).toContain(no);
      expect(contracts.length).toBeLessThan(SEEDED_ROWS.get('t_guarantee_contract') ?? 0);

      // A table without updated_at is read in full each time.
      expect(tableLanding(incremental, 't_fee')).toMatchObject({ mode: 'full' });
      expect(tableLanding(incremental, 't_fee').landing.rowCount).toBe(
        (SEEDED_ROWS.get('t_fee') ?? 0) - 1,
      );
    });

    it('detects hard deletes by comparing key sets, landed in raw_business.deletions', async () => {
      const expected = Object.entries(advance.deleted)
        .flatMap(([table, keys]) => keys.map((key) => `${table}:${key}`))
        .sort();
      const landed = await rows(
        `select table_name || ':' || record_key as k, last_landed_window from lake.raw_business.deletions
        where _window = '${NEXT_WINDOW}' order by k`,
      );
      expect(landed.map((row) => row['k'])).toEqual(expected);
      expect(landed.every((row) => row['last_landed_window'] === FULL_WINDOW)).toBe(true);
    });

    it('reports schema drift in raw_business.schema_drift; the new column does not break landing', async () => {
      const drift = await rows(
        `select table_name, column_name, change, source_type from lake.raw_business.schema_drift
        where _window = '${NEXT_WINDOW}' order by table_name, column_name`,
      );
      expect(drift).toEqual([
        {
          table_name: 't_application',
          column_name: 'term_months',
          change: 'retyped',
          source_type: 'varchar(8)',
        },
        {
          table_name: 't_customer',
          column_name: 'credit_rating',
          change: 'added',
          source_type: 'varchar(8)',
        },
      ]);
      const [inserted] = await rows(
        `select term_months, amount_fen from lake.raw_business.t_application
        where application_id = '${advance.inserted['t_application']?.[0] ?? ''}'`,
      );
      expect(inserted).toEqual({ term_months: 12, amount_fen: '150000005' });
    });

    it('re-landing a window replaces it: same rows, same checksums, no duplicates', async () => {
      const again = await landBusinessWindow(lake, client, { window: NEXT_WINDOW });
      expect(again.tables.map((t) => [t.table, t.landing.rowCount, t.landing.checksum])).toEqual(
        incremental.tables.map((t) => [t.table, t.landing.rowCount, t.landing.checksum]),
      );
      expect(again.deletions.rowCount).toBe(incremental.deletions.rowCount);
      const [counts] = await rows(
        `select (select count(*) from lake.raw_business.t_customer where _window = '${NEXT_WINDOW}')::integer as customers,
              (select count(*) from lake.raw_business.deletions where _window = '${NEXT_WINDOW}')::integer as deletions,
              (select count(*) from lake.raw_business.schema_drift where _window = '${NEXT_WINDOW}')::integer as drift`,
      );
      expect(counts).toEqual({
        customers: tableLanding(incremental, 't_customer').landing.rowCount,
        deletions: incremental.deletions.rowCount,
        drift: 2,
      });
    });

    it('a crash before COMMIT leaves the window as it was; the rerun completes it', async () => {
      const before = await rows(
        `select _landing_id, count(*)::integer as n from lake.raw_business.t_customer
        where _window = '${NEXT_WINDOW}' group by 1`,
      );
      await expect(
        landBusinessWindow(lake, client, {
          window: NEXT_WINDOW,
          beforeCommit: (entity) =>
            entity === 't_customer' ? Promise.reject(new Error('crash')) : Promise.resolve(),
        }),
      ).rejects.toThrow('crash');
      expect(
        await rows(
          `select _landing_id, count(*)::integer as n from lake.raw_business.t_customer
          where _window = '${NEXT_WINDOW}' group by 1`,
        ),
      ).toEqual(before);
      const rerun = await landBusinessWindow(lake, client, {
        window: NEXT_WINDOW,
      });
      expect(tableLanding(rerun, 't_customer').landing.rowCount).toBe(before[0]?.['n']);
    });
  });
}
