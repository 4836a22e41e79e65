// End to end on the generated tiny world: world generator → bank simulator → connector → lake,
// reconciled with the world's sources/bank files.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLake } from '@sg/lake';
import type { Lake } from '@sg/lake';
import { createTestLake } from '@sg/lake/testing';
import type { TestLake } from '@sg/lake/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landBankDrops } from './land.ts';
import type { BankLandingResult } from './land.ts';
import { sourceNdjsonSql, transactionDifferenceSql } from './testing/reconciliation.ts';
import { generateTinyWorld, simulateDrops } from './testing/simulated-drops.ts';

const WINDOW = '2025-06-30';

let dir: string;
let bankDir: string;
let testLake: TestLake;
let lake: Lake;
let result: BankLandingResult;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sg-bank-tiny-'));
  const world = await generateTinyWorld(join(dir, 'world'));
  bankDir = join(world, 'sources', 'bank');
  await simulateDrops(join(dir, 'inbox'), { worldDir: world });
  testLake = await createTestLake('sqlite');
  lake = await openLake(testLake.config);
  result = await landBankDrops(lake, { inboxDir: join(dir, 'inbox'), window: WINDOW });
});
afterAll(async () => {
  lake.close();
  await testLake.dispose();
  await rm(dir, { recursive: true, force: true });
});

async function scalar(sql: string): Promise<number> {
  const reader = await lake.connection.runAndReadAll(sql);
  return Number(reader.getRows()[0]?.[0] ?? Number.NaN);
}

describe('the tiny world through the bank connector', () => {
  it('recognises the three statement layouts and reports no new columns', () => {
    const layouts = new Set(result.files.map((file) => file.recognisedAs));
    expect(layouts).toEqual(
      new Set([
        'layout_a_csv_utf8',
        'layout_b_csv_gbk',
        'layout_c_xlsx_titled',
        'accounts',
        'loans',
        'loan_schedules',
        'repayments',
      ]),
    );
    expect(result.files.filter((file) => file.unknownColumns.length > 0)).toEqual([]);
  });

  it.each(['accounts', 'loans', 'loan_schedules', 'repayments', 'transactions'] as const)(
    'lands every %s row of the world',
    async (entity) => {
      const expected = await scalar(`select count(*) from ${sourceNdjsonSql(bankDir, entity)}`);
      expect(expected).toBeGreaterThan(0);
      expect(result.entities[entity]).toMatchObject({ rowCount: expected, quarantinedCount: 0 });
    },
  );

  it('lands transactions equal to the source rows, column by column', async () => {
    expect(await scalar(transactionDifferenceSql(bankDir, WINDOW))).toBe(0);
  });
});
