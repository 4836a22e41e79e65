/**
 * The finance inbox end to end: the tiny world's books exported by the finance simulator (CLI),
 * landed into a real DuckLake (SQLite catalog). Every month lands once with the world's figures
 * (the restated month from its correction), the planted defects are quarantined with reasons, a
 * rerun changes nothing, a late correction replaces its month, and a damaged drop is refused
 * while the other months land.
 */
import { cp, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openLake } from '@sg/lake';
import type { Lake } from '@sg/lake';
import { createTestLake } from '@sg/lake/testing';
import type { TestLake } from '@sg/lake/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { landFinanceInbox } from './land.ts';
import { simulateFinanceDrops, worldBalanceSheet } from './testing/simulated-drops.ts';

let scratch: string;
let worldDir: string;
let inboxDir: string;
let drops: { period: string; sequence: number }[];
let testLake: TestLake;
let lake: Lake;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'sg-finance-land-'));
  worldDir = path.join(scratch, 'world');
  inboxDir = path.join(scratch, 'inbox');
  drops = await simulateFinanceDrops(worldDir, inboxDir);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});
beforeEach(async () => {
  testLake = await createTestLake('sqlite');
  lake = await openLake(testLake.config);
});
afterEach(async () => {
  lake.close();
  await testLake.dispose();
});

async function query(sql: string): Promise<Record<string, unknown>[]> {
  return (await lake.connection.runAndReadAll(sql)).getRowObjectsJson();
}

/** A fresh inbox holding only the drops of `periods` (fewer landings where the test needs few). */
async function inboxOf(name: string, periods: readonly string[]): Promise<string> {
  const dir = path.join(scratch, name);
  for (const drop of drops.filter((d) => periods.includes(d.period))) {
    const folder = `${drop.period}_${String(drop.sequence).padStart(2, '0')}`;
    await cp(path.join(inboxDir, folder), path.join(dir, folder), { recursive: true });
  }
  return dir;
}

const restated = (): { period: string; sequence: number } => {
  const correction = drops.find((d) => d.sequence === 2);
  if (correction === undefined) throw new Error('the simulator planted no restatement');
  return correction;
};

describe('landFinanceInbox on the tiny world', () => {
  it('lands every month once with the world’s figures (the restated month from its correction), defects quarantined with reasons', async () => {
    const result = await landFinanceInbox(lake, inboxDir);
    const periods = [...new Set(drops.map((d) => d.period))];
    expect(result.landed.map((d) => d.period)).toEqual(periods);
    expect(result.superseded).toEqual([`${restated().period}_01`]);
    expect(result.refused).toEqual([]);
    const world = await worldBalanceSheet(worldDir);
    const landed = await query(
      'select period, item_code, closing_fen, year_opening_fen from lake.raw_finance.balance_sheet_items order by period, item_code',
    );
    const key = (r: Record<string, unknown>): string =>
      `${String(r['period'])}|${String(r['item_code'])}|${String(r['closing_fen'])}|${String(r['year_opening_fen'])}`;
    expect(landed.map(key)).toEqual(
      [...world]
        .sort((a, b) => a.period.localeCompare(b.period) || a.item_code.localeCompare(b.item_code))
        .map((r) => key(r)),
    );
    const [sequence] = await query(
      `select distinct drop_sequence from lake.raw_finance.balance_sheet_items where period = '${restated().period}'`,
    );
    expect(Number(sequence?.['drop_sequence'])).toBe(2);
    // The planted defects: a subtotal row (2nd month), a text in an amount cell (4th month).
    const quarantined = await query(
      `select 'balance' as sheet, reason_code from lake.raw_finance.balance_sheet_items__quarantine
       union all
       select 'supplementary', reason_code from lake.raw_finance.supplementary_items__quarantine
       order by 1`,
    );
    expect(quarantined).toEqual([
      { sheet: 'balance', reason_code: 'subtotal_row' },
      { sheet: 'supplementary', reason_code: 'invalid_count' },
    ]);
  });

  it('lands the same rows again on a rerun (each month replaced, no duplicates)', async () => {
    const inbox = await inboxOf('rerun', [restated().period, drops.at(-1)?.period ?? '']);
    const first = await landFinanceInbox(lake, inbox);
    const second = await landFinanceInbox(lake, inbox);
    const checksums = (r: typeof first): string[] =>
      r.landed.flatMap((d) => d.entities.map((e) => e.landing.checksum));
    expect(checksums(second)).toEqual(checksums(first));
    const [counts] = await query(
      `select count(*) as n, count(distinct period || item_code) as keys from lake.raw_finance.income_statement_items`,
    );
    expect(Number(counts?.['n'])).toBe(Number(counts?.['keys']));
  });

  it('replaces a month when its correction arrives after the first issue landed', async () => {
    const { period } = restated();
    const inbox = await inboxOf('late-correction', [period]);
    const correction = path.join(inbox, `${period}_02`);
    const aside = path.join(scratch, 'correction-aside');
    await rename(correction, aside);
    try {
      await landFinanceInbox(lake, inbox);
    } finally {
      await rename(aside, correction);
    }
    const payables = async (): Promise<number> => {
      const [row] = await query(
        `select closing_fen from lake.raw_finance.balance_sheet_items where period = '${period}' and item_code = '2241'`,
      );
      return Number(row?.['closing_fen']);
    };
    const firstIssue = await payables();
    await landFinanceInbox(lake, inbox);
    expect(firstIssue - (await payables())).toBe(12_345_678);
    const [rows] = await query(
      `select count(*) as n from lake.raw_finance.balance_sheet_items where period = '${period}' and item_code = '2241'`,
    );
    expect(Number(rows?.['n'])).toBe(1);
  });

  it('refuses a drop whose workbook does not match its manifest; the other months land', async () => {
    const period = drops[0]?.period ?? '';
    const damaged = await inboxOf('damaged', [period, drops.at(-1)?.period ?? '']);
    await writeFile(
      path.join(damaged, `${period}_01`, `财务月报_${period}.xlsx`),
      'not a workbook',
    );
    await writeFile(path.join(damaged, 'not-a-drop.txt'), '');
    const result = await landFinanceInbox(lake, damaged);
    expect(result.refused).toEqual([
      expect.objectContaining({ drop: `${period}_01`, kind: 'checksum_mismatch' }),
    ]);
    expect(result.landed.map((d) => d.period)).toEqual([drops.at(-1)?.period]);
  });
});
