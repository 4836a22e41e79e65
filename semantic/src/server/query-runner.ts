// Runs compiled SQL on a DuckDB connection. The connection is opened lazily and reopened after a
// failure; a DuckLake reader sees every newly committed snapshot on its next query, so fresh dbt
// builds show up without a restart (checked in query-runner.test.ts).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AliasRow } from '../api/cube-responses.ts';
import { jsonScalar } from './duckdb-values.ts';

export interface QueryRunner {
  run(sql: string, params: readonly string[]): Promise<AliasRow[]>;
  /** ISO time of the data's last change (the lake's latest snapshot), Cube's `lastRefreshTime`. */
  lastRefreshTime(): Promise<string>;
  close(): Promise<void>;
}

export interface OpenedConnection {
  readonly connection: DuckDBConnection;
  close(): void | Promise<void>;
}

export type ConnectionOpener = () => Promise<OpenedConnection>;

const LAST_SNAPSHOT_SQL = 'SELECT epoch_ms(max(snapshot_time)) AS "ms" FROM lake.snapshots()';

export function createQueryRunner(open: ConnectionOpener): QueryRunner {
  let opened: Promise<OpenedConnection> | undefined;
  const connection = async (): Promise<OpenedConnection> => {
    opened ??= open();
    try {
      return await opened;
    } catch (error) {
      opened = undefined;
      throw error;
    }
  };
  const reset = async (): Promise<void> => {
    const current = opened;
    opened = undefined;
    if (current !== undefined) await (await current.catch(() => undefined))?.close();
  };
  /** One retry on a fresh connection: a broken or stale connection must not wedge the server. */
  const withRetry = async <T>(task: (c: DuckDBConnection) => Promise<T>): Promise<T> => {
    try {
      return await task((await connection()).connection);
    } catch (first) {
      if (first instanceof Error && /Binder|Parser|Conversion|Catalog Error/.test(first.message)) {
        throw first;
      }
      await reset();
      return task((await connection()).connection);
    }
  };
  return {
    run: (sql, params) =>
      withRetry(async (c) => {
        const reader = await c.runAndReadAll(sql, [...params]);
        const names = reader.columnNames();
        return reader.getRows().map((row) => {
          const out: Record<string, ReturnType<typeof jsonScalar>> = {};
          names.forEach((name, i) => (out[name] = jsonScalar(row[i] ?? null)));
          return out;
        });
      }),
    lastRefreshTime: async () => {
      try {
        const rows = await withRetry(async (c) =>
          (await c.runAndReadAll(LAST_SNAPSHOT_SQL)).getRowObjects(),
        );
        const ms = rows[0]?.['ms'];
        if (typeof ms === 'bigint' || typeof ms === 'number') {
          return new Date(Number(ms)).toISOString();
        }
      } catch {
        // Not a DuckLake catalog (plain DuckDB): fall through to "now".
      }
      return new Date().toISOString();
    },
    close: reset,
  };
}
