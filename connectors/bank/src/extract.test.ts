import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { createOfflineInstance } from '@sg/duckdb-instance';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BankFileError } from './bank-errors.ts';
import { extractBankDrops } from './extract.ts';
import type { ExtractBankDropsResult } from './extract.ts';
import { dropManifestSchema } from './schemas.ts';
import type { DropManifest } from './schemas.ts';
import { replaceDropFile, simulateDrops, statementFile } from './testing/simulated-drops.ts';

/** Drops simulated once per file, copied into each test's inbox. */
let pristine: string;
const FULL = 'full';
const OVERLAP = 'overlap';
let dir: string;
let inbox: string;
// One DuckDB for the file (extensions load once).

beforeAll(async () => {
  pristine = await mkdtemp(join(tmpdir(), 'sg-bank-pristine-'));
  instance = await createOfflineInstance();
  connection = await instance.connect();
  await simulateDrops(join(pristine, FULL), { banks: ['NXBANK'] });
  await simulateDrops(join(pristine, OVERLAP), {
    banks: ['NXBANK'],
    from: '2024-12-01',
    to: '2025-02-28',
  });
  await simulateDrops(join(pristine, OVERLAP), {
    banks: ['NXBANK'],
    from: '2025-02-01',
    to: '2025-04-30',
  });
});
afterAll(async () => {
  connection.closeSync();
  instance.closeSync();
  await rm(pristine, { recursive: true, force: true });
});
let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sg-bank-extract-'));
  inbox = join(dir, 'inbox');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function extract(): Promise<ExtractBankDropsResult> {
  return extractBankDrops(connection, { inboxDir: inbox, outDir: dir });
}

async function parquetRows(path: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(`select * from read_parquet('${path}')`);
  return reader.getRowObjectsJson();
}

/** Copies the simulated layout-A drops into this test's inbox; returns their manifests, oldest first. */
async function layoutADrops(set: typeof FULL | typeof OVERLAP): Promise<DropManifest[]> {
  await cp(join(pristine, set), inbox, { recursive: true });
  const ids =
    set === FULL
      ? ['NXBANK-2024-12-03_2025-04-17']
      : ['NXBANK-2024-12-01_2025-02-28', 'NXBANK-2025-02-01_2025-04-30'];
  return Promise.all(
    ids.map(async (id) =>
      dropManifestSchema.parse(
        JSON.parse(await readFile(join(inbox, id, 'manifest.json'), 'utf8')),
      ),
    ),
  );
}

async function layoutADrop(): Promise<DropManifest> {
  const [manifest] = await layoutADrops(FULL);
  if (manifest === undefined) throw new Error('no drop');
  return manifest;
}

async function failure(promise: Promise<unknown>): Promise<BankFileError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof BankFileError))
    throw new Error(`expected a BankFileError, got ${String(error)}`);
  return error;
}

describe('extractBankDrops', () => {
  it('lands rows of a statement with a new column and reports the column', async () => {
    const manifest = await layoutADrop();
    const file = statementFile(manifest);
    const lines = (await readFile(join(inbox, manifest.dropId, file), 'utf8'))
      .trimEnd()
      .split('\n');
    const widened = lines.map((line, index) => `${line},${index === 0 ? 'Channel' : '网银'}`);
    await replaceDropFile(join(inbox, manifest.dropId), file, `${widened.join('\n')}\n`);

    const result = await extract();
    expect(result.files.find((report) => report.file === file)?.unknownColumns).toEqual([
      'Channel',
    ]);
    expect(result.entities.transactions.count).toBe(20);
  });

  it('passes a retyped amount on as text, for the landing check to quarantine', async () => {
    const manifest = await layoutADrop();
    const file = statementFile(manifest);
    const text = await readFile(join(inbox, manifest.dropId, file), 'utf8');
    // The bank now prints the currency inside the amount column of the first row.
    const [header, first, ...rest] = text.split('\n');
    const retyped = first?.replace(/,(CR|DR),([0-9.]+),/, ',$1,CNY $2,');
    await replaceDropFile(
      join(inbox, manifest.dropId),
      file,
      [header, retyped, ...rest].join('\n'),
    );

    const result = await extract();
    const rows = await parquetRows(result.entities.transactions.parquetPath);
    expect(rows.filter((row) => String(row['amount_fen']).startsWith('CNY '))).toHaveLength(1);
  });

  it('keeps the later drop when overlapping drops disagree, quarantining the older copy', async () => {
    const [, later] = await layoutADrops(OVERLAP);
    if (later === undefined) throw new Error('no later drop');
    const file = statementFile(later);
    const text = await readFile(join(inbox, later.dropId, file), 'utf8');
    const [header, first, ...rest] = text.split('\n');
    const corrected = first?.replace(/,(CR|DR),([0-9]+)\.([0-9]{2}),/, ',$1,$2.99,');
    expect(corrected).not.toBe(first);
    await replaceDropFile(join(inbox, later.dropId), file, [header, corrected, ...rest].join('\n'));

    const result = await extract();
    expect(result.entities.transactions.count).toBe(20);
    expect(result.entities.transactions.quarantined).toHaveLength(1);
    expect(result.entities.transactions.quarantined[0]?.reasonCode).toBe('duplicate_conflict');
    expect(result.entities.transactions.quarantined[0]?.reason).toContain(later.dropId);
  });

  it('refuses a file whose bytes differ from the manifest', async () => {
    const manifest = await layoutADrop();
    const path = join(inbox, manifest.dropId, statementFile(manifest));
    await writeFile(path, (await readFile(path, 'utf8')).split('\n').slice(0, 5).join('\n'));
    const error = await failure(extract());
    expect(error.kind).toBe('file_mismatch');
  });

  it('refuses a file whose rows differ from the manifest count', async () => {
    const manifest = await layoutADrop();
    const file = statementFile(manifest);
    const text = await readFile(join(inbox, manifest.dropId, file), 'utf8');
    await replaceDropFile(join(inbox, manifest.dropId), file, text, 21);
    const error = await failure(extract());
    expect(error.kind).toBe('row_count_mismatch');
    expect(error.message).toContain('声明 21 行');
  });

  it('ignores drops still being written (no manifest, or a hidden .partial folder)', async () => {
    await layoutADrop();
    await mkdir(join(inbox, 'HHRCB-2025-01-01_2025-01-31'));
    await writeFile(join(inbox, 'HHRCB-2025-01-01_2025-01-31', 'half.csv'), '本方账号\n');
    await mkdir(join(inbox, '.SZSBANK-2025-01-01_2025-01-31.partial'));
    const result = await extract();
    expect(result.drops.map((drop) => drop.bankCode)).toEqual(['NXBANK']);
  });
});
