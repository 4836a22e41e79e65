import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLake } from '@sg/lake';
import type { Lake } from '@sg/lake';
import { createTestLake } from '@sg/lake/testing';
import type { TestLake } from '@sg/lake/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { landBankDrops } from './land.ts';
import { sourceNdjsonSql, transactionDifferenceSql } from './testing/reconciliation.ts';
import { FIXTURE_BANK_DIR, simulateDrops } from './testing/simulated-drops.ts';

let testNo = 0;
/** Each test lands its own window of the file's one lake (the GBK extension loads once). */
let WINDOW: string;
const SOURCE_TRANSACTIONS = 51;
const LAYOUT_C_ACCOUNT = '62304801000104';
const LAYOUT_C_ACCOUNT_TXNS = 10;

let testLake: TestLake;
let lake: Lake;
let inbox: string;

beforeAll(async () => {
  testLake = await createTestLake('sqlite');
  lake = await openLake(testLake.config);
});
afterAll(async () => {
  lake.close();
  await testLake.dispose();
});
beforeEach(async () => {
  testNo += 1;
  WINDOW = `2025-04-30-t${String(testNo)}`;
  inbox = await mkdtemp(join(tmpdir(), 'sg-bank-inbox-'));
});
afterEach(async () => {
  await rm(inbox, { recursive: true, force: true });
});

async function scalar(sql: string): Promise<number> {
  const reader = await lake.connection.runAndReadAll(sql);
  return Number(reader.getRows()[0]?.[0] ?? Number.NaN);
}

function source(file: string): string {
  return sourceNdjsonSql(FIXTURE_BANK_DIR, file);
}

async function reconcileTransactions(): Promise<number> {
  return scalar(transactionDifferenceSql(FIXTURE_BANK_DIR, WINDOW));
}

describe('landBankDrops', () => {
  it('lands every layout and reconciles with the source rows', async () => {
    await simulateDrops(inbox);
    const result = await landBankDrops(lake, { inboxDir: inbox, window: WINDOW });

    expect(result.files.map((file) => file.recognisedAs).sort()).toEqual(
      [
        ...Array<string>(3).fill('accounts'),
        'layout_a_csv_utf8',
        'layout_b_csv_gbk',
        'layout_c_xlsx_titled',
        ...Array<string>(3).fill('loan_schedules'),
        ...Array<string>(3).fill('loans'),
        ...Array<string>(3).fill('repayments'),
      ].sort(),
    );
    expect(result.entities.transactions).toMatchObject({
      rowCount: SOURCE_TRANSACTIONS,
      quarantinedCount: 0,
    });
    expect(await reconcileTransactions()).toBe(0);
    // Layout C has no transaction id: its rows are keyed by the natural key.
    expect(
      await scalar(
        `select count(*) from lake.raw_bank.transactions where _window = '${WINDOW}' and txn_id is null and txn_key like 'nk:%'`,
      ),
    ).toBe(LAYOUT_C_ACCOUNT_TXNS);
    for (const entity of ['accounts', 'loans', 'loan_schedules', 'repayments'] as const) {
      const expected = await scalar(`select count(*) from ${source(entity)}`);
      expect(result.entities[entity].rowCount, entity).toBe(expected);
    }
    expect(
      await scalar(
        `select count(*) from (select loan_no, principal_fen from ${source('loans')} ` +
          `except select loan_no, principal_fen from lake.raw_bank.loans where _window = '${WINDOW}')`,
      ),
    ).toBe(0);
    expect(
      await scalar(
        `select count(*) from lake.meta.landings where source = 'bank' and "window" = '${WINDOW}'`,
      ),
    ).toBe(5);
  });

  it('lands a transaction once when overlapping statements both list it', async () => {
    await simulateDrops(inbox, { from: '2024-12-01', to: '2025-02-28' });
    await simulateDrops(inbox, { from: '2025-02-01', to: '2025-04-30' });
    const result = await landBankDrops(lake, { inboxDir: inbox, window: WINDOW });

    const februaryTxns = await scalar(
      `select count(*) from ${source('transactions')} where strftime(txn_time::timestamptz at time zone 'Asia/Shanghai', '%Y-%m') = '2025-02'`,
    );
    expect(februaryTxns).toBeGreaterThan(0);
    expect(result.dropIds).toHaveLength(6);
    expect(result.entities.transactions.rowCount).toBe(SOURCE_TRANSACTIONS);
    expect(result.entities.transactions.collapsedDuplicates).toBe(februaryTxns);
    expect(result.entities.transactions.quarantinedCount).toBe(0);
    expect(await reconcileTransactions()).toBe(0);
    // The account list is in both drops: landed once per account.
    expect(result.entities.accounts.rowCount).toBe(6);
  });

  it('quarantines a statement whose totals row disagrees with its rows', async () => {
    await simulateDrops(inbox, { totalsMismatchAccounts: [LAYOUT_C_ACCOUNT] });
    const result = await landBankDrops(lake, { inboxDir: inbox, window: WINDOW });

    expect(result.files.find((file) => file.totalsProblem !== undefined)?.totalsProblem).toMatch(
      /收入合计 \d+ 分 \/ 明细 \d+ 分.*\[statement_totals_mismatch\]/,
    );
    expect(result.entities.transactions).toMatchObject({
      rowCount: SOURCE_TRANSACTIONS - LAYOUT_C_ACCOUNT_TXNS,
      quarantinedCount: LAYOUT_C_ACCOUNT_TXNS,
    });
    expect(
      await scalar(
        `select count(*) from lake.raw_bank.transactions__quarantine where _window = '${WINDOW}' and reason_code = 'statement_totals_mismatch'`,
      ),
    ).toBe(LAYOUT_C_ACCOUNT_TXNS);
    // The reconciliation sees exactly the statement that was held back.
    expect(await reconcileTransactions()).toBe(LAYOUT_C_ACCOUNT_TXNS);
  });

  it('replaces the window on a rerun (no duplicates)', async () => {
    await simulateDrops(inbox);
    await landBankDrops(lake, { inboxDir: inbox, window: WINDOW });
    await landBankDrops(lake, { inboxDir: inbox, window: WINDOW });
    const inWindow = `where _window = '${WINDOW}'`;
    expect(await scalar(`select count(*) from lake.raw_bank.transactions ${inWindow}`)).toBe(
      SOURCE_TRANSACTIONS,
    );
    expect(await scalar(`select count(*) from lake.raw_bank.accounts ${inWindow}`)).toBe(6);
    expect(
      await scalar(
        `select count(distinct _landing_id) from lake.raw_bank.transactions ${inWindow}`,
      ),
    ).toBe(1);
  });
});
