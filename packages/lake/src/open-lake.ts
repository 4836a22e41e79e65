import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { createOfflineInstance } from '@sg/duckdb-instance';
import { withCatalogCommitLock } from './catalog-commit-lock.ts';
import type { CommitLockOptions } from './catalog-commit-lock.ts';
import {
  isCatalogContentionError,
  isCatalogInitialisationRace,
  retryOnCatalogContention,
} from './catalog-contention.ts';
import type { RetryOptions } from './catalog-contention.ts';
import type { LakeConfig } from './lake-config.ts';
import { sqlString } from '@sg/sql-text';

/** The database name the lake is attached as, in every process (Node and dbt). */
export const LAKE_DATABASE = 'lake';

export interface OpenLakeOptions {
  /** Attach the catalog read-only: for readers (semantic server, console, tests). */
  readOnly?: boolean;
  lock?: CommitLockOptions;
  retry?: RetryOptions;
}

/** An in-memory DuckDB with the DuckLake catalog attached as `lake`. */
export interface Lake {
  readonly config: LakeConfig;
  readonly readOnly: boolean;
  readonly instance: DuckDBInstance;
  /**
   * A connection whose default database is `lake`, for the one caller that opened the lake, one
   * statement or stream at a time: parallel callers each take `connect()` (docs/decisions/0006).
   */
  readonly connection: DuckDBConnection;
  /** Another connection to the same instance (own transactions and temp tables); also `USE lake`. */
  connect(): Promise<DuckDBConnection>;
  close(): void;
}

/**
 * Where work bigger than memory (a large landing's staging tables) spills: one folder per process
 * under `$SG_DATA_DIR/tmp/duckdb`, so concurrent processes never share spill files. DuckDB creates
 * only the last folder itself (and removes it on close): openLake creates the parent.
 */
export function spillDirectory(config: LakeConfig): string {
  return join(config.dataDir, 'tmp', 'duckdb', String(process.pid));
}

/** The statements that load the extensions the lake needs (from the extension folder). */
export function loadExtensionsSql(config: LakeConfig): string {
  const catalogExtension = config.catalog.kind === 'sqlite' ? 'sqlite_scanner' : 'postgres_scanner';
  return `load ducklake; load ${catalogExtension}; load icu; load json; load parquet;`;
}

/** `ATTACH 'ducklake:<catalog>' AS lake (DATA_PATH …[, READ_ONLY])`. */
export function attachLakeSql(config: LakeConfig, readOnly: boolean): string {
  const catalog =
    config.catalog.kind === 'sqlite'
      ? `ducklake:sqlite:${config.catalog.path}`
      : `ducklake:postgres:${config.catalog.dsn}`;
  const options = [`data_path ${sqlString(config.dataPath)}`];
  if (readOnly) options.push('read_only');
  return `attach ${sqlString(catalog)} as ${LAKE_DATABASE} (${options.join(', ')})`;
}

function isLocalPath(path: string): boolean {
  return !path.includes('://');
}

/**
 * Opens the lake: an in-memory DuckDB (never a shared DuckDB file, so any number of processes can
 * open the lake) with the DuckLake catalog attached as `lake`. A writer creates the local folders
 * and attaches under the commit lock, because attaching a new catalog initialises it (a commit).
 */
export async function openLake(config: LakeConfig, options: OpenLakeOptions = {}): Promise<Lake> {
  const readOnly = options.readOnly ?? false;
  if (readOnly && config.catalog.kind === 'sqlite' && !existsSync(config.catalog.path)) {
    throw new Error(
      `The lake catalog ${config.catalog.path} does not exist yet: a writer creates it on first use.`,
    );
  }
  await mkdir(dirname(spillDirectory(config)), { recursive: true });
  if (!readOnly) {
    if (config.catalog.kind === 'sqlite')
      await mkdir(dirname(config.catalog.path), { recursive: true });
    if (isLocalPath(config.dataPath)) await mkdir(config.dataPath, { recursive: true });
  }
  const instance = await createOfflineInstance({
    extensionDirectory: config.extensionDirectory,
    tempDirectory: spillDirectory(config),
  });
  try {
    const connection = await instance.connect();
    await connection.run(loadExtensionsSql(config));
    // Attaching a brand-new catalog initialises it; a process that loses that race to another
    // attaches again and finds the winner's catalog.
    const attach = (): Promise<unknown> =>
      retryOnCatalogContention(() => connection.run(attachLakeSql(config, readOnly)), {
        isRetryable: (error) =>
          isCatalogContentionError(error) || isCatalogInitialisationRace(error),
        ...options.retry,
      });
    if (readOnly) await attach();
    else await withCatalogCommitLock(config.catalog, 'attach', attach, options.lock);
    await connection.run(`use ${LAKE_DATABASE}`);
    return {
      config,
      readOnly,
      instance,
      connection,
      connect: async () => {
        const extra = await instance.connect();
        await extra.run(`use ${LAKE_DATABASE}`);
        return extra;
      },
      close: () => {
        connection.closeSync();
        instance.closeSync();
      },
    };
  } catch (error: unknown) {
    instance.closeSync();
    throw error;
  }
}
