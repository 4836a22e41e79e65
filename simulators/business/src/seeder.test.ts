import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceBusinessDatabase } from './advance.ts';
import { connectLegacyDatabase } from './legacy-database.ts';
import type { LegacyDatabase } from './legacy-database.ts';
import { seedBusinessDatabase } from './seeder.ts';
import {
  SMALL_WORLD_DIR,
  TEST_BACKEND_KINDS,
  createTestLegacyDatabase,
} from './testing/test-databases.ts';
import type { TestLegacyDatabase } from './testing/test-databases.ts';

interface Manifest {
  files: Record<string, { rows: number }>;
}
const manifest = JSON.parse(
  readFileSync(join(SMALL_WORLD_DIR, 'manifest.json'), 'utf8'),
) as Manifest;
const EXPECTED_COUNTS = Object.fromEntries(
  Object.entries(manifest.files).map(([path, file]) => [
    path.replace('sources/business/', '').replace('.ndjson', ''),
    file.rows,
  ]),
);

describe.each(TEST_BACKEND_KINDS)('seed and advance the legacy database (%s)', (kind) => {
  let testDb: TestLegacyDatabase;
  let db: LegacyDatabase;

  beforeAll(async () => {
    testDb = await createTestLegacyDatabase(kind);
    db = await connectLegacyDatabase(
      testDb.url,
      kind === 'embedded' ? { postgresBulkLoad: 'insert' } : {},
    );
  });

  afterAll(async () => {
    await db.close();
    await testDb.dispose();
  });

  it('loads every table with exactly the world file row counts', async () => {
    const result = await seedBusinessDatabase(db, { worldDir: SMALL_WORLD_DIR, batchSize: 3 });
    expect(result.missingFiles).toEqual([]);
    expect(result.rowCounts).toEqual(EXPECTED_COUNTS);
    for (const [table, rows] of Object.entries(EXPECTED_COUNTS)) {
      const [counted] = await db.queryText(`SELECT count(*) AS n FROM ${table}`);
      expect(counted?.['n'], table).toBe(String(rows));
    }
  });

  it('stores legacy types: yuan DECIMAL exactly, Beijing-local DATETIME, raw VARCHAR codes', async () => {
    const rows = await db.queryText(
      `SELECT application_id, amount, applied_at, updated_at FROM t_application WHERE application_id IN ('A0002', 'A0006') ORDER BY application_id`,
    );
    expect(rows.map((row) => [row['application_id'], row['amount']])).toEqual([
      ['A0002', '1234567.89'],
      ['A0006', null],
    ]);
    expect(String(rows[0]?.['updated_at'])).toMatch(/^2024-04-25 10:00:00/);
    const [customer] = await db.queryText(
      `SELECT uscc FROM t_customer WHERE customer_id = 'C0003'`,
    );
    expect(customer?.['uscc']).toBe('９１640202MA76T3R452');
  });

  it('advances: updates, a late commit, inserts, hard deletes and schema drift', async () => {
    const report = await advanceBusinessDatabase(db, {
      seed: 7,
      changedAt: '2025-07-01 09:00:00',
      lateCommitAt: '2025-06-29 17:58:00',
    });
    expect(report.updated['t_customer']).toHaveLength(3);
    expect(report.updated['t_guarantee_contract']).toHaveLength(2);
    expect(report.inserted['t_application']).toEqual([
      'ADV20250701090000-1',
      'ADV20250701090000-2',
    ]);
    expect(report.deleted['t_post_check']).toHaveLength(2);
    expect(report.deleted['t_fee']).toHaveLength(1);
    expect(report.lateCommitted['t_application']).toHaveLength(1);
    expect(report.drift.map((d) => `${d.table}.${d.column}:${d.change}`)).toEqual([
      't_customer.credit_rating:added',
      't_application.term_months:retyped',
    ]);

    const [counts] = await db.queryText(
      `SELECT (SELECT count(*) FROM t_post_check) AS checks, (SELECT count(*) FROM t_fee) AS fees, ` +
        `(SELECT count(*) FROM t_application) AS applications`,
    );
    expect(counts).toEqual({
      checks: String((EXPECTED_COUNTS['t_post_check'] ?? 0) - 2),
      fees: String((EXPECTED_COUNTS['t_fee'] ?? 0) - 1),
      applications: String((EXPECTED_COUNTS['t_application'] ?? 0) + 2),
    });
    const changed = await db.queryText(
      `SELECT customer_id, credit_rating FROM t_customer WHERE updated_at = '2025-07-01 09:00:00' ORDER BY customer_id`,
    );
    expect(changed.map((row) => row['customer_id'])).toEqual(
      [...(report.updated['t_customer'] ?? [])].sort(),
    );
    expect(changed.every((row) => row['credit_rating'] === 'AA')).toBe(true);
  });

  it('makes the same changes for the same seed on the same data', async () => {
    const other = await createTestLegacyDatabase(kind);
    const otherDb = await connectLegacyDatabase(
      other.url,
      kind === 'embedded' ? { postgresBulkLoad: 'insert' } : {},
    );
    try {
      await seedBusinessDatabase(otherDb, { worldDir: SMALL_WORLD_DIR });
      const a = await advanceBusinessDatabase(otherDb, {
        seed: 7,
        changedAt: '2025-07-01 09:00:00',
        lateCommitAt: '2025-06-29 17:58:00',
      });
      const fresh = await createTestLegacyDatabase('postgres');
      const freshDb = await connectLegacyDatabase(fresh.url);
      try {
        await seedBusinessDatabase(freshDb, { worldDir: SMALL_WORLD_DIR });
        const b = await advanceBusinessDatabase(freshDb, {
          seed: 7,
          changedAt: '2025-07-01 09:00:00',
          lateCommitAt: '2025-06-29 17:58:00',
        });
        expect(a).toEqual(b);
      } finally {
        await freshDb.close();
        await fresh.dispose();
      }
    } finally {
      await otherDb.close();
      await other.dispose();
    }
  });
});
