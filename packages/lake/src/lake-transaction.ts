import type { DuckDBConnection } from '@duckdb/node-api';
import { withCatalogCommitLock } from './catalog-commit-lock.ts';
import type { CommitLockOptions } from './catalog-commit-lock.ts';
import { retryOnCatalogContention } from './catalog-contention.ts';
import type { RetryOptions } from './catalog-contention.ts';
import type { Lake } from './open-lake.ts';

export interface LakeTransactionOptions {
  /** Recorded next to the commit lock while held (who is committing). */
  purpose?: string;
  /** Run on this connection (e.g. one holding staged temp tables); default: a fresh connection. */
  connection?: DuckDBConnection;
  lock?: CommitLockOptions;
  retry?: RetryOptions;
  /** Fault-injection point between the last statement and COMMIT (tests: crash, abort). */
  beforeCommit?: () => Promise<void>;
}

/**
 * Runs `work` in one lake transaction through the serialised commit path: the catalog's commit lock
 * (SQLite), then BEGIN … COMMIT, the whole of it run again with backoff when the catalog reports
 * contention. `work` must issue everything it needs from the start on each attempt. On any error
 * the transaction is rolled back: nothing of it is visible.
 */
export async function runLakeTransaction<T>(
  lake: Lake,
  work: (connection: DuckDBConnection) => Promise<T>,
  options: LakeTransactionOptions = {},
): Promise<T> {
  if (lake.readOnly) throw new Error('This lake was opened read-only: it cannot commit.');
  // Concurrency: a fresh connection per transaction, or the caller's own (never lake.connection; 0006).
  const connection = options.connection ?? (await lake.connect());
  try {
    return await withCatalogCommitLock(
      lake.config.catalog,
      options.purpose ?? 'transaction',
      () =>
        retryOnCatalogContention(async () => {
          await connection.run('begin transaction');
          try {
            const result = await work(connection);
            await options.beforeCommit?.();
            await connection.run('commit');
            return result;
          } catch (error: unknown) {
            await connection.run('rollback').catch(() => undefined);
            throw error;
          }
        }, options.retry),
      options.lock,
    );
  } finally {
    if (options.connection === undefined) connection.closeSync();
  }
}
