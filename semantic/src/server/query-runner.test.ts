import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lakeConfigFromEnv, openLake, runLakeTransaction } from '@sg/lake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoolClosedError, PoolSaturatedError, PoolWaitTimeoutError } from './connection-pool.ts';
import { ENTERPRISES_NINGXIA_SEVEN, createEnterprisesMart } from '../testing/enterprises-mart.ts';
import { createMartLake } from '../testing/mart-lake.ts';
import type { MartLake } from '../testing/mart-lake.ts';
import { QueryTimeoutError, classifyQueryFailure, createQueryRunner } from './query-runner.ts';
import type { QueryFailure, QueryRunner, RunnerLimits } from './query-runner.ts';

const COUNT_SQL = 'SELECT count(*) AS "n" FROM lake.marts.enterprises';
const COUNT_IN_SQL = `SELECT count(*) AS "n" FROM lake.marts.enterprises WHERE prefecture_name = $1`;
/** Runs until interrupted (10^12 rows). */
const ENDLESS_SQL = 'SELECT sum(i % 7) AS "s" FROM range(1000000000000) AS t(i)';
const LIMITS: RunnerLimits = { size: 4, maxWaiting: 100, maxWaitMs: 5_000, queryTimeoutMs: 20_000 };
const PREFECTURE_COUNTS = { 银川市: 3, 石嘴山市: 2, 吴忠市: 1, 中卫市: 1 } as const;

describe('query runner over a real DuckLake (read-only)', () => {
  let lake: MartLake;
  let opens = 0;
  const runners: QueryRunner[] = [];
  /** A runner over `over` (default: the seven enterprises' lake) counting lake opens. */
  const runner = (limits: Partial<RunnerLimits> = {}, over?: MartLake): QueryRunner => {
    const made = createQueryRunner(
      () => {
        opens += 1;
        return openLake((over ?? lake).config, { readOnly: true });
      },
      { ...LIMITS, ...limits },
    );
    runners.push(made);
    return made;
  };

  beforeAll(async () => {
    lake = await createMartLake(ENTERPRISES_NINGXIA_SEVEN);
  });

  afterAll(async () => {
    for (const made of runners) await made.close();
    await lake.dispose();
  });

  it('sees a newly committed snapshot (a fresh dbt build) without reopening', async () => {
    const growing = await createMartLake(ENTERPRISES_NINGXIA_SEVEN.slice(0, 3));
    opens = 0;
    const reader = runner({}, growing);
    expect(await reader.run(COUNT_SQL, [])).toEqual([{ n: 3 }]);
    const before = await reader.lastRefreshTime();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await growing.write(ENTERPRISES_NINGXIA_SEVEN);
    expect(await reader.run(COUNT_SQL, [])).toEqual([{ n: 7 }]);
    const after = await reader.lastRefreshTime();
    expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
    expect(opens).toBe(1);
    await reader.close();
    await growing.dispose();
  });

  it('answers 64 parallel parameterised queries on at most `size` connections of one instance', async () => {
    opens = 0;
    const reader = runner({ size: 3 });
    const prefectures = Object.keys(PREFECTURE_COUNTS) as (keyof typeof PREFECTURE_COUNTS)[];
    const asked = Array.from({ length: 64 }, (_, i) => prefectures[i % prefectures.length] ?? '');
    const answers = await Promise.all(asked.map((p) => reader.run(COUNT_IN_SQL, [p])));
    expect(answers).toEqual(asked.map((p) => [{ n: PREFECTURE_COUNTS[p as '银川市'] }]));
    expect(reader.stats()).toMatchObject({ size: 3, open: 3, leased: 0, waiting: 0 });
    expect(opens).toBe(1);
  });

  it('a failing query reopens the lake once; queries running alongside are undisturbed', async () => {
    opens = 0;
    const reader = runner({ size: 2 });
    const slow = reader.run(
      'SELECT count(*) AS "n" FROM range(30000000) t(i), lake.marts.enterprises WHERE i % 2 = 0',
      [],
    );
    // An IO error looks like a broken connection: it is retried once on a fresh instance.
    const missingFile = reader.run(`SELECT * FROM read_parquet('/nonexistent/x.parquet')`, []);
    await expect(missingFile).rejects.toThrow(/IO Error/);
    expect(await slow).toEqual([{ n: 7 * 15_000_000 }]);
    expect(opens).toBe(2);
    expect(await reader.run(COUNT_SQL, [])).toEqual([{ n: 7 }]);
  });

  it('interrupts a query past the timeout; the next query runs', async () => {
    const reader = runner({ size: 1, queryTimeoutMs: 300 });
    const started = Date.now();
    await expect(reader.run(ENDLESS_SQL, [])).rejects.toBeInstanceOf(QueryTimeoutError);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await reader.run(COUNT_SQL, [])).toEqual([{ n: 7 }]);
  });

  it('saturated: one caller waits and gets Continue wait, the next is refused at once', async () => {
    const reader = runner({ size: 1, maxWaiting: 1, maxWaitMs: 300 });
    // Opening the lake counts as waiting: ask again (as a Cube client does) until it is open.
    await expect
      .poll(() => reader.run(COUNT_SQL, []).catch(String), { timeout: 20_000 })
      .toEqual([{ n: 7 }]);
    const endless = reader.run(ENDLESS_SQL, []);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const waiting = reader.run(COUNT_SQL, []);
    await expect(reader.run(COUNT_SQL, [])).rejects.toBeInstanceOf(PoolSaturatedError);
    await expect(waiting).rejects.toBeInstanceOf(PoolWaitTimeoutError);
    reader.interrupt();
    await expect(endless).rejects.toThrow(/INTERRUPT/);
    expect(await reader.run(COUNT_SQL, [])).toEqual([{ n: 7 }]);
  });

  it('close(): a running session finishes, new ones are refused', async () => {
    const reader = runner();
    const answers = await reader.session(async (s) => {
      const first = await s.run(COUNT_SQL, []);
      await reader.close();
      await expect(reader.run(COUNT_SQL, [])).rejects.toBeInstanceOf(PoolClosedError);
      return [first, await s.run(COUNT_IN_SQL, ['银川市'])];
    });
    expect(answers).toEqual([[{ n: 7 }], [{ n: 3 }]]);
    expect(reader.stats()).toMatchObject({ open: 0, leased: 0 });
  });

  it('reports a missing lake as an error and recovers once it exists', async () => {
    const emptyDir = mkdtempSync(path.join(tmpdir(), 'sg-semantic-nolake-'));
    const missing = lakeConfigFromEnv({ SG_DATA_DIR: emptyDir });
    const lazy = createQueryRunner(() => openLake(missing, { readOnly: true }), LIMITS);
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

describe('classifyQueryFailure', () => {
  it.each<[string, unknown, QueryFailure]>([
    ['a binder error', new Error('Binder Error: column "x" not found'), 'statement'],
    ['a catalog error', new Error('Catalog Error: Table with name y does not exist'), 'statement'],
    ['a conversion error', new Error('Conversion Error: Could not convert'), 'statement'],
    ['an interrupted query', new Error('INTERRUPT Error: Interrupted!'), 'interrupted'],
    ['a timeout', new QueryTimeoutError('timed out'), 'interrupted'],
    ['an IO error', new Error('IO Error: No files found'), 'connection'],
    [
      'the shared-connection failure',
      new Error('Failed to execute prepared statement'),
      'connection',
    ],
    ['a fatal error', new Error('FATAL Error: database has been invalidated'), 'connection'],
  ])('%s → %s', (_name, error, expected) => {
    expect(classifyQueryFailure(error)).toBe(expected);
  });
});
