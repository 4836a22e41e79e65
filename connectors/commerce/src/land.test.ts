import { createTestLake } from '@sg/lake/testing';
import type { TestLake } from '@sg/lake/testing';
import { openLake } from '@sg/lake';
import type { Lake } from '@sg/lake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landCommerceEnterprises } from './land.ts';
import { createSnapshotCommerceClient, loadCommerceSnapshot } from './snapshot-client.ts';
import type { CommerceClient } from './client.ts';

const FIXTURE = new URL('./fixtures/enterprises-snapshot.json', import.meta.url).pathname;
const WINDOW = '2025-06-30';

let testLake: TestLake;
let lake: Lake;
let client: CommerceClient;

beforeAll(async () => {
  testLake = await createTestLake('sqlite');
  lake = await openLake(testLake.config);
  client = createSnapshotCommerceClient(await loadCommerceSnapshot(FIXTURE));
});

afterAll(async () => {
  lake.close();
  await testLake.dispose();
});

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  const reader = await lake.connection.runAndReadAll(sql);
  return reader.getRowObjectsJson();
}

/** Landing page size 3 matches the recorded fixture's paging. */
const land = () => landCommerceEnterprises(lake, client, WINDOW, { pageSize: 3 });

describe('landCommerceEnterprises (snapshot client → real DuckLake)', () => {
  it('lands the valid rows with their types and quarantines the rest with reasons', async () => {
    const result = await land();
    expect(result).toMatchObject({ rowCount: 7, quarantinedCount: 4 });

    const landed = await rows(
      `select uscc, registered_capital_fen, established_date, updated_at, typeof(registered_capital_fen) as capital_type,
              typeof(established_date) as date_type, typeof(updated_at) as time_type
         from lake.raw_commerce.enterprises where uscc = '91640521MA76QK3P5W'`,
    );
    expect(landed).toEqual([
      {
        uscc: '91640521MA76QK3P5W',
        registered_capital_fen: '500000000',
        established_date: '2019-04-08',
        updated_at: '2025-06-20 01:00:00',
        capital_type: 'BIGINT',
        date_type: 'DATE',
        time_type: 'TIMESTAMP',
      },
    ]);

    const quarantine = await rows(
      `select reason from lake.raw_commerce.enterprises__quarantine order by reason`,
    );
    expect(quarantine).toHaveLength(4);
    expect(quarantine.map((q) => String(q['reason'])).join('\n')).toContain(
      '统一社会信用代码校验位错误',
    );
  });

  it('replaces the window on a re-run: no duplicate rows, one manifest per landing', async () => {
    await land();
    const [count] = await rows(`select count(*)::integer as n from lake.raw_commerce.enterprises`);
    expect(count?.['n']).toBe(7);
    const manifest = await rows(
      `select row_count::integer as row_count, quarantined_count::integer as quarantined_count from lake.meta.landings
        where source = 'commerce' and entity = 'enterprises' and "window" = '${WINDOW}'
        order by landed_at`,
    );
    expect(manifest.length).toBeGreaterThanOrEqual(1);
    expect(manifest.at(-1)).toMatchObject({ row_count: 7, quarantined_count: 4 });
  });
});
