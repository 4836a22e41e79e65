import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusinessSourceClient } from './client.ts';
import { extractKeys, extractTable } from './extract.ts';
import { createSnapshotBusinessClient, loadBusinessSnapshot } from './snapshot-client.ts';
import { findBusinessTable } from './type-mapping.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'legacy-snapshot.json');
let client: BusinessSourceClient;
let outDir: string;

beforeAll(async () => {
  client = createSnapshotBusinessClient(await loadBusinessSnapshot(FIXTURE));
  outDir = await mkdtemp(join(tmpdir(), 'sg-business-extract-'));
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

async function lines(path: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function extract(table: string, updatedSince?: string) {
  const mapped = findBusinessTable(table);
  const sourceColumns = (await client.describeTable(table)) ?? [];
  return extractTable(client, mapped, {
    outDir,
    sourceColumns,
    pageSize: 2,
    ...(updatedSince === undefined ? {} : { updatedSince }),
  });
}

describe('extractTable (snapshot client)', () => {
  it('pages through the table, lands valid rows, quarantines the rest: nothing dropped', async () => {
    const result = await extract('t_customer');
    expect(result).toMatchObject({ count: 3, receivedCount: 5 });
    expect(result.quarantined.map((q) => q.reasonCode)).toEqual([
      'uscc_invalid:uscc',
      'datetime_invalid:created_at',
    ]);
    const rows = await lines(result.ndjsonPath);
    expect(rows.map((row) => row['customer_id'])).toEqual(['C0001', 'C0003', 'C0005']);
    expect(rows[1]).toMatchObject({
      uscc: '91640202MA76T3R452',
      updated_at: '2025-06-15 06:00:00',
    });
    expect(rows[0]).not.toHaveProperty('credit_rating');
  });

  it('reads only rows at or after the lower bound when incremental', async () => {
    const result = await extract('t_customer', '2025-06-20 08:15:00');
    expect(result.receivedCount).toBe(3);
  });

  it('converts a retyped column row by row; a removed column lands as NULL', async () => {
    const result = await extract('t_application');
    const rows = await lines(result.ndjsonPath);
    expect(
      rows.map((row) => [
        row['application_id'],
        row['amount_fen'],
        row['term_months'],
        row['channel'],
      ]),
    ).toEqual([
      ['A0001', 500000000, 12, null],
      ['A0002', 123456789, 24, null],
    ]);
    expect(result.quarantined[0]?.reason).toContain('应为整数');
  });

  it('writes every key of the table for delete detection', async () => {
    const keys = await extractKeys(client, findBusinessTable('t_customer'), {
      outDir,
      pageSize: 2,
    });
    expect(keys.count).toBe(5);
    expect((await lines(keys.keysPath)).map((row) => row['record_key'])).toEqual([
      'C0001',
      'C0003',
      'C0005',
      'C0006',
      'C0009',
    ]);
  });

  it('refuses incremental extraction of a table without a watermark', async () => {
    const mapped = findBusinessTable('t_fee');
    await expect(
      extractTable(client, mapped, {
        outDir,
        sourceColumns: [{ name: 'fee_id', sourceType: 'varchar(32)', family: 'text' }],
        updatedSince: '2025-01-01 00:00:00',
      }),
    ).rejects.toThrow('只能全量抽取');
  });
});
