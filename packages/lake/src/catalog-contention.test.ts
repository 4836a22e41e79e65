import { describe, expect, it } from 'vitest';
import {
  isCatalogContentionError,
  isCatalogInitialisationRace,
  retryOnCatalogContention,
} from './catalog-contention.ts';

const SQLITE_LOCKED =
  'TransactionContext Error: Failed to commit: Failed to commit DuckLake transaction.\nFailed to flush changes into DuckLake: database is locked';
const DUCKLAKE_CONFLICT =
  'TransactionContext Error: Failed to commit: Failed to commit DuckLake transaction.\nTransaction conflict - attempting to delete from file with index "165"';
const SNAPSHOT_LOCKED =
  'Invalid Error: Failed to query most recent snapshot for DuckLake: database is locked';

describe('isCatalogContentionError', () => {
  it.each([
    ['SQLite catalog busy at commit', SQLITE_LOCKED, true],
    ['SQLite catalog busy at the first read', SNAPSHOT_LOCKED, true],
    ['DuckLake write-write conflict', DUCKLAKE_CONFLICT, true],
    [
      'PostgreSQL serialization failure',
      'could not serialize access due to concurrent update',
      true,
    ],
    ['a missing table', 'Catalog Error: Table with name t does not exist!', false],
    ['a constraint violation', 'Constraint Error: NOT NULL constraint failed', false],
  ])('%s → %s', (_name, message, expected) => {
    expect(isCatalogContentionError(new Error(message))).toBe(expected);
  });
});

describe('isCatalogInitialisationRace', () => {
  it.each([
    [
      'PostgreSQL: another process created the metadata tables first',
      'Invalid Error: Failed to initialize DuckLake:Failed to execute query "CREATE TABLE "public"."ducklake_metadata"(...)": ERROR:  duplicate key value violates unique constraint "pg_type_typname_nsp_index"',
      true,
    ],
    [
      'PostgreSQL: the table already exists',
      'Invalid Error: Failed to initialize DuckLake:Failed to execute query "CREATE TABLE ...": ERROR:  relation "ducklake_metadata" already exists',
      true,
    ],
    [
      'SQLite: another process is initialising',
      'Invalid Error: Failed to initialize DuckLake:Failed to execute query "CREATE TABLE ducklake_metadata(...)": database is locked',
      true,
    ],
    ['a wrong DSN', 'IO Error: Unable to connect to Postgres at dbname=nope', false],
  ])('%s → %s', (_name, message, expected) => {
    expect(isCatalogInitialisationRace(new Error(message))).toBe(expected);
  });
});

describe('retryOnCatalogContention', () => {
  const noSleep = { sleep: () => Promise.resolve(), random: () => 0.5 };

  it('reruns the whole work after contention until it succeeds', async () => {
    const attempts: number[] = [];
    const result = await retryOnCatalogContention(async (attempt) => {
      attempts.push(attempt);
      if (attempt < 3) throw new Error(SQLITE_LOCKED);
      return Promise.resolve('committed');
    }, noSleep);
    expect(result).toBe('committed');
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('gives up after maxAttempts with the last contention error', async () => {
    let calls = 0;
    await expect(
      retryOnCatalogContention(
        () => {
          calls += 1;
          return Promise.reject(new Error(DUCKLAKE_CONFLICT));
        },
        { ...noSleep, maxAttempts: 4 },
      ),
    ).rejects.toThrow(/Transaction conflict/);
    expect(calls).toBe(4);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    await expect(
      retryOnCatalogContention(() => {
        calls += 1;
        return Promise.reject(new Error('Binder Error: column x not found'));
      }, noSleep),
    ).rejects.toThrow(/Binder Error/);
    expect(calls).toBe(1);
  });

  it('reports each backoff, growing and capped', async () => {
    const delays: number[] = [];
    await retryOnCatalogContention(
      (attempt) => (attempt < 6 ? Promise.reject(new Error(SQLITE_LOCKED)) : Promise.resolve()),
      {
        sleep: () => Promise.resolve(),
        random: () => 0.999,
        baseDelayMs: 100,
        maxDelayMs: 1000,
        onRetry: (i) => delays.push(i.delayMs),
      },
    );
    expect(delays).toEqual([99, 199, 399, 799, 999]);
  });
});
