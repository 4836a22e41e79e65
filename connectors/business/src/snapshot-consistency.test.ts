// All tables of one landing come from one snapshot of the source: a row committed while the
// landing runs is not in this window (not even in a table read after the commit) and is picked up
// by the next one. (Not run on the embedded PGlite server: there another client's statement waits
// for the open snapshot transaction, so the concurrent writer below would wait forever.)
import { openLake } from '@sg/lake';
import type { Lake } from '@sg/lake';
import { createTestLake } from '@sg/lake/testing';
import type { TestLake } from '@sg/lake/testing';
import * as mariadb from 'mariadb';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusinessSourceClient } from './client.ts';
import { landBusinessWindow } from './land.ts';
import { createBusinessClient } from './live-client.ts';
import {
  SMALL_WORLD_DIR,
  createLegacyTestDatabase,
  runSimBusiness,
} from './testing/legacy-databases.ts';
import type { LegacyTestDatabase } from './testing/legacy-databases.ts';

const INSERT_RELEASE =
  "INSERT INTO t_release (release_id, contract_no, released_at, reason) VALUES ('RL-LATE', 'G2024004', '2025-06-30 12:00:00', '到期解保')";

async function writeConcurrently(url: string): Promise<void> {
  if (url.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(INSERT_RELEASE).finally(() => client.end());
  } else {
    const connection = await mariadb.createConnection(url);
    await connection.query(INSERT_RELEASE).finally(() => connection.end());
  }
}

describe.each(['postgres', 'mariadb'] as const)('one snapshot per landing (%s)', (kind) => {
  let testDb: LegacyTestDatabase;
  let testLake: TestLake;
  let lake: Lake;
  let client: BusinessSourceClient;

  beforeAll(async () => {
    testDb = await createLegacyTestDatabase(kind, SMALL_WORLD_DIR);
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

  it('does not see a row committed during the landing; the next window does', async () => {
    let written = false;
    const first = await landBusinessWindow(lake, client, {
      window: '2025-06-30',
      beforeCommit: async (entity) => {
        if (entity === 't_bank_partner' && !written) {
          written = true;
          await writeConcurrently(testDb.url);
        }
      },
    });
    expect(written).toBe(true);
    const releases = (w: typeof first) => w.tables.find((t) => t.table === 't_release');
    expect(releases(first)?.receivedCount).toBe(1);
    const second = await landBusinessWindow(lake, client, { window: '2025-07-01' });
    expect(releases(second)?.receivedCount).toBe(2);
  });
});
