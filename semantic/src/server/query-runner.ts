// Runs compiled SQL on a pool of DuckDB connections to one read-only lake instance. A request's
// queries run in one session: one connection, one query at a time, bounded by the query timeout
// (the connection is interrupted when it passes). The instance is opened on first use (the lake
// may not exist yet when the server starts); a DuckLake reader sees every newly committed snapshot
// on its next query, so fresh dbt builds show up without a restart (checked in query-runner.test.ts).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AliasRow } from '../api/cube-responses.ts';
import { createConnectionPool } from './connection-pool.ts';
import type { Lease, PoolLimits, PoolStats } from './connection-pool.ts';
import { jsonScalar } from './duckdb-values.ts';

/** The queries of one request, run one after another on one connection. */
export interface QuerySession {
  run(sql: string, params: readonly string[]): Promise<AliasRow[]>;
  /** ISO time of the data's last change (the lake's latest snapshot), Cube's `lastRefreshTime`. */
  lastRefreshTime(): Promise<string>;
}

export interface QueryRunner {
  /** Runs `work` on a connection of its own (waiting for one if all are busy). */
  session<T>(work: (session: QuerySession) => Promise<T>): Promise<T>;
  /** One query in a session of its own. */
  run(sql: string, params: readonly string[]): Promise<AliasRow[]>;
  lastRefreshTime(): Promise<string>;
  stats(): PoolStats;
  /** Interrupts every query running now (shutdown): each fails with an INTERRUPT error. */
  interrupt(): void;
  /** New sessions are refused; idle connections close now, busy ones when their query ends. */
  close(): Promise<void>;
}

/** A DuckDB database to make connections from (a `Lake` from `@sg/lake` is one). */
export interface ConnectionSource {
  connect(): Promise<DuckDBConnection>;
  close(): void;
}

export type SourceOpener = () => Promise<ConnectionSource>;

export interface RunnerLimits extends PoolLimits {
  /** A session running longer is interrupted and fails with QueryTimeoutError. */
  readonly queryTimeoutMs: number;
}

/** A session ran past the query timeout; its connection was interrupted. */
export class QueryTimeoutError extends Error {
  override name = 'QueryTimeoutError';
}

const LAST_SNAPSHOT_SQL = 'SELECT epoch_ms(max(snapshot_time)) AS "ms" FROM lake.snapshots()';

/**
 * What a failed query says about its connection: `statement` (the query's own fault: the
 * connection is fine), `interrupted` (timeout or shutdown) or `connection` (anything else: the
 * connection or the instance may be broken, so it is replaced and the session retried once).
 */
export type QueryFailure = 'statement' | 'interrupted' | 'connection';

const STATEMENT_ERROR =
  /\b(Binder|Parser|Conversion|Catalog|Invalid Input|Out of Range|Not implemented|Mismatch Type|Invalid type|Constraint|Permission) Error\b/;

export function classifyQueryFailure(error: unknown): QueryFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof QueryTimeoutError || /\bINTERRUPT Error\b/.test(message)) {
    return 'interrupted';
  }
  return STATEMENT_ERROR.test(message) ? 'statement' : 'connection';
}

async function readRows(
  connection: DuckDBConnection,
  sql: string,
  params: readonly string[],
): Promise<AliasRow[]> {
  const reader = await connection.runAndReadAll(sql, [...params]);
  const names = reader.columnNames();
  return reader.getRows().map((row) => {
    const out: Record<string, ReturnType<typeof jsonScalar>> = {};
    names.forEach((name, i) => (out[name] = jsonScalar(row[i] ?? null)));
    return out;
  });
}

/** A session on `connection` whose queries never overlap, even if the caller overlaps them. */
function sessionOn(connection: DuckDBConnection): QuerySession {
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = tail.then(task, task);
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    run: (sql, params) => serial(() => readRows(connection, sql, params)),
    lastRefreshTime: () =>
      serial(async () => {
        try {
          const ms = (await readRows(connection, LAST_SNAPSHOT_SQL, []))[0]?.['ms'];
          if (typeof ms === 'number' || typeof ms === 'string') {
            return new Date(Number(ms)).toISOString();
          }
        } catch (error) {
          // Not a DuckLake catalog (plain DuckDB): "now". Any other failure is the session's.
          if (classifyQueryFailure(error) !== 'statement') throw error;
        }
        return new Date().toISOString();
      }),
  };
}

/** `running`, or QueryTimeoutError after `ms` (calling `onTimeout` first; `running` goes on). */
function withTimeout<T>(running: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout();
      reject(new QueryTimeoutError(`Query timed out after ${String(ms)} ms and was interrupted`));
    }, ms);
    running.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

export const DEFAULT_RUNNER_LIMITS: RunnerLimits = {
  size: 4,
  maxWaiting: 500,
  maxWaitMs: 5_000,
  queryTimeoutMs: 30_000,
};

export function createQueryRunner(
  open: SourceOpener,
  limits: RunnerLimits = DEFAULT_RUNNER_LIMITS,
): QueryRunner {
  const pool = createConnectionPool<DuckDBConnection>(async () => {
    const source = await open();
    return {
      connect: () => source.connect(),
      closeConnection: (connection) => {
        connection.closeSync();
      },
      close: () => {
        source.close();
      },
    };
  }, limits);

  /** `work` on a leased connection, given back only when `work` has settled (never under it). */
  const runOn = <T>(
    lease: Lease<DuckDBConnection>,
    work: (session: QuerySession) => Promise<T>,
  ): Promise<T> => {
    const running = work(sessionOn(lease.connection));
    running.then(
      () => {
        lease.release('reuse');
      },
      (error: unknown) => {
        lease.release(classifyQueryFailure(error) === 'statement' ? 'reuse' : 'discard');
      },
    );
    return withTimeout(running, limits.queryTimeoutMs, () => {
      lease.connection.interrupt();
    });
  };

  const session = async <T>(work: (session: QuerySession) => Promise<T>): Promise<T> => {
    const lease = await pool.acquire();
    try {
      return await runOn(lease, work);
    } catch (error) {
      if (classifyQueryFailure(error) !== 'connection') throw error;
      // A broken connection or instance must not wedge the server: one retry on a fresh instance
      // (the old one closes once the queries still running on it have ended).
      pool.retire();
      return runOn(await pool.acquire(), work);
    }
  };

  return {
    session,
    run: (sql, params) => session((s) => s.run(sql, params)),
    lastRefreshTime: () => session((s) => s.lastRefreshTime()),
    stats: () => pool.stats(),
    interrupt: () => {
      for (const connection of pool.leased()) connection.interrupt();
    },
    close: () => {
      pool.close();
      return Promise.resolve();
    },
  };
}
