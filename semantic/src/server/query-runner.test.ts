import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lakeConfigFromEnv, openLake, runLakeTransaction } from '@sg/lake';
import type { Lake } from '@sg/lake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ENTERPRISES_NINGXIA_SEVEN,
  createEnterprisesMart,
} from '../test-fixtures/enterprises-mart.ts';
import { createQueryRunner } from './query-runner.ts';
import type { QueryRunner } from './query-runner.ts';

const COUNT_SQL = 'SELECT count(*) AS "n" FROM lake.marts.enterprises';

describe('query runner over a real DuckLake (read-only)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sg-semantic-lake-'));
  const config = lakeConfigFromEnv({ SG_DATA_DIR: dataDir });
  let writer: Lake;
  let runner: QueryRunner;
  let opens = 0;

  beforeAll(async () => {
    writer = await openLake(config);
    await runLakeTransaction(writer, (c) =>
      createEnterprisesMart(c, ENTERPRISES_NINGXIA_SEVEN.slice(0, 3)),
    );
    runner = createQueryRunner(() => {
      opens += 1;
      return openLake(config, { readOnly: true });
    });
  });

  afterAll(async () => {
    await runner.close();
    writer.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sees a newly committed snapshot (a fresh dbt build) without reopening', async () => {
    expect(await runner.run(COUNT_SQL, [])).toEqual([{ n: 3 }]);
    const before = await runner.lastRefreshTime();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await runLakeTransaction(writer, (c) => createEnterprisesMart(c, ENTERPRISES_NINGXIA_SEVEN));
    expect(await runner.run(COUNT_SQL, [])).toEqual([{ n: 7 }]);
    const after = await runner.lastRefreshTime();
    expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
    expect(opens).toBe(1);
  });

  it('opens a fresh connection after close()', async () => {
    await runner.close();
    expect(await runner.run(COUNT_SQL, [])).toEqual([{ n: 7 }]);
    expect(opens).toBe(2);
  });

  it('reports a missing lake as an error and recovers once it exists', async () => {
    const emptyDir = mkdtempSync(path.join(tmpdir(), 'sg-semantic-nolake-'));
    const missing = lakeConfigFromEnv({ SG_DATA_DIR: emptyDir });
    const lazy = createQueryRunner(() => openLake(missing, { readOnly: true }));
    await expect(lazy.run(COUNT_SQL, [])).rejects.toThrow(/does not exist yet/);
    const created = await openLake(missing);
    await runLakeTransaction(created, (c) =>
      createEnterprisesMart(c, ENTERPRISES_NINGXIA_SEVEN.slice(0, 1)),
    );
    created.close();
    expect(await lazy.run(COUNT_SQL, [])).toEqual([{ n: 1 }]);
    await lazy.close();
    rmSync(emptyDir, { recursive: true, force: true });
  });
});
