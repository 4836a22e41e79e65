// Failures around a landing: a crash just before a COMMIT, a file in the wrong encoding, a retyped
// column. The drops hold the UTF-8 and XLSX banks only, so child processes stay light.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { openLake } from '@sg/lake';
import type { Lake } from '@sg/lake';
import { createTestLake } from '@sg/lake/testing';
import type { TestLake } from '@sg/lake/testing';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BankFileError } from './bank-errors.ts';
import { landBankDrops } from './land.ts';
import type { DropManifest } from './schemas.ts';
import { replaceDropFile, simulateDrops, statementFile } from './testing/simulated-drops.ts';

const CHILD_SCRIPT = join(import.meta.dirname, 'testing', 'land-child-process.ts');
/** Transactions of the NXBANK (layout A) and SZSBANK (layout C) accounts in the fixture world. */
const LANDED_TRANSACTIONS = 30;

let testLake: TestLake;
let lake: Lake;
let pristine: string;
let manifests: DropManifest[];
let inbox: string;
let testNo = 0;

beforeAll(async () => {
  testLake = await createTestLake('sqlite');
  lake = await openLake(testLake.config);
  pristine = await mkdtemp(join(tmpdir(), 'sg-bank-faults-'));
  manifests = await simulateDrops(join(pristine, 'outbox'), { banks: ['NXBANK', 'SZSBANK'] });
});
afterAll(async () => {
  lake.close();
  await testLake.dispose();
  await rm(pristine, { recursive: true, force: true });
});
beforeEach(async () => {
  testNo += 1;
  inbox = join(pristine, `inbox-${String(testNo)}`);
  await cp(join(pristine, 'outbox'), inbox, { recursive: true });
});

async function scalar(sql: string): Promise<number> {
  const reader = await lake.connection.runAndReadAll(sql);
  return Number(reader.getRows()[0]?.[0] ?? Number.NaN);
}

function landInChild(window: string, crashBeforeCommitOf?: string): Promise<number | null> {
  const input = { config: testLake.config, inboxDir: inbox, window, crashBeforeCommitOf };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD_SCRIPT, JSON.stringify(input)], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) => {
      resolve(code);
    });
  });
}

function layoutADrop(): DropManifest {
  const manifest = manifests.find((m) => m.bankCode === 'NXBANK');
  if (manifest === undefined) throw new Error('no NXBANK drop');
  return manifest;
}

describe('bank landing faults', () => {
  it('a crash just before the transactions COMMIT leaves no transactions; a rerun completes', async () => {
    const window = 'crash-2025-04-30';
    expect(await landInChild(window, 'transactions')).toBeNull(); // killed by SIGKILL
    // Entities committed before the crash are whole; the crashed one has nothing in the window.
    expect(
      await scalar(`select count(*) from lake.raw_bank.accounts where _window = '${window}'`),
    ).toBe(4);
    expect(
      await scalar(
        `select count(*) from lake.meta.landings where entity = 'transactions' and "window" = '${window}'`,
      ),
    ).toBe(0);
    expect(
      await scalar(
        `select count(*) from duckdb_tables() where database_name = 'lake' and schema_name = 'raw_bank' and table_name = 'transactions'`,
      ),
    ).toBe(0);

    expect(await landInChild(window)).toBe(0);
    expect(
      await scalar(`select count(*) from lake.raw_bank.transactions where _window = '${window}'`),
    ).toBe(LANDED_TRANSACTIONS);
    expect(
      await scalar(`select count(*) from lake.raw_bank.accounts where _window = '${window}'`),
    ).toBe(4);
  });

  it('refuses a statement in the wrong encoding and lands nothing', async () => {
    const window = 'encoding-2025-04-30';
    const drop = layoutADrop();
    const file = statementFile(drop);
    const text = await readFile(join(inbox, drop.dropId, file), 'utf8');
    await replaceDropFile(join(inbox, drop.dropId), file, iconv.encode(text, 'gbk'));

    const error: unknown = await landBankDrops(lake, { inboxDir: inbox, window }).catch(
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(BankFileError);
    expect(error instanceof BankFileError && error.kind).toBe('wrong_encoding');
    expect(
      await scalar(`select count(*) from lake.meta.landings where "window" = '${window}'`),
    ).toBe(0);
  });

  it('quarantines rows whose retyped amount does not convert, with the value in the reason', async () => {
    const window = 'retyped-2025-04-30';
    const drop = layoutADrop();
    const file = statementFile(drop);
    const text = await readFile(join(inbox, drop.dropId, file), 'utf8');
    const [header, ...rows] = text.trimEnd().split('\n');
    const retyped = rows.map((row, index) =>
      index < 3 ? row.replace(/,(CR|DR),([0-9.]+),/, ',$1,RMB$2,') : row,
    );
    await replaceDropFile(join(inbox, drop.dropId), file, `${[header, ...retyped].join('\n')}\n`);

    const result = await landBankDrops(lake, { inboxDir: inbox, window });
    expect(result.entities.transactions).toMatchObject({
      rowCount: LANDED_TRANSACTIONS - 3,
      quarantinedCount: 3,
    });
    expect(
      await scalar(
        `select count(*) from lake.raw_bank.transactions__quarantine where _window = '${window}' ` +
          `and reason_code = 'cast_failed:amount_fen' and reason like '%RMB%'`,
      ),
    ).toBe(3);
  });
});
