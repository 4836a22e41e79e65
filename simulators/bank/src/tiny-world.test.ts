// The generated tiny world (simulators/world CLI) through the bank simulator.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWorldCli } from '@sg/simulator-processes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DropManifest } from './drop-manifest.ts';
import { openDuckdbSession } from './duckdb-session.ts';
import { readSourceSql } from './bank-source-sql.ts';
import type { BankSourceFile } from './bank-source-sql.ts';
import { RECORD_FILES } from './loan-record-files.ts';
import { writeBankDrops } from './write-bank-drops.ts';

let dir: string;
let world: string;
let manifests: DropManifest[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sg-sim-bank-tiny-'));
  world = join(dir, 'world');
  await generateWorldCli({ outDir: world });
  manifests = await writeBankDrops({ worldDir: world, outboxDir: join(dir, 'outbox') });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function sourceCount(file: BankSourceFile): Promise<number> {
  const session = await openDuckdbSession();
  try {
    const reader = await session.connection.runAndReadAll(
      `select count(*) from ${readSourceSql(world, file)}`,
    );
    return Number(reader.getRows()[0]?.[0]);
  } finally {
    session.close();
  }
}

const recordFiles = new Set<string>(RECORD_FILES.map((file) => `${file}.csv`));

describe('writeBankDrops on the tiny world', () => {
  it('writes one drop per bank of the world', async () => {
    expect(manifests).toHaveLength(await sourceCount('banks'));
  });

  it('lists every transaction of the world in exactly one statement row', async () => {
    const statementRows = manifests
      .flatMap((manifest) => manifest.files)
      .filter((file) => !recordFiles.has(file.file))
      .reduce((sum, file) => sum + file.rows, 0);
    expect(statementRows).toBe(await sourceCount('transactions'));
  });

  it.each(RECORD_FILES)('delivers every %s row', async (file) => {
    const delivered = manifests
      .flatMap((manifest) => manifest.files)
      .filter((entry) => entry.file === `${file}.csv`)
      .reduce((sum, entry) => sum + entry.rows, 0);
    expect(delivered).toBe(await sourceCount(file));
  });
});
