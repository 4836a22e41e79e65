// An embedded PostgreSQL (the app database, the legacy business database): one process owns a
// PGlite directory and serves the PostgreSQL wire protocol, so every other process (worker,
// services, apps) uses an ordinary `pg` client.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { LOCAL_HOST } from '@sg/runtime-env';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { ExclusiveSessionPGlite } from './exclusive-session-pglite.ts';

export interface EmbeddedPostgresOptions {
  /** PGlite data directory, e.g. `$SG_DATA_DIR/app-db`; created if missing. */
  readonly dataDir: string;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** The port (each owner has its own: the app DB 5433, the business DB 5434); 0 picks a free one. */
  readonly port: number;
  /** Client connections served at once; default 20 (pglite-socket's own default of 1 cuts off a second client). */
  readonly maxConnections?: number;
}

export interface EmbeddedPostgres {
  /** postgres://postgres@<host>:<port>/postgres — PGlite accepts any user, no password. */
  readonly connectionString: string;
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  stats(): { activeConnections: number; queuedQueries: number; maxConnections: number };
  close(): Promise<void>;
}

export const DEFAULT_EMBEDDED_HOST = LOCAL_HOST;
export const DEFAULT_MAX_CONNECTIONS = 20;

export function embeddedConnectionString(host: string, port: number): string {
  return `postgres://postgres@${host}:${port}/postgres`;
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const host = options.host ?? DEFAULT_EMBEDDED_HOST;
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(dataDir);
  let db: ExclusiveSessionPGlite | undefined;
  try {
    // Concurrency: the one session is queued (pglite-socket, runExclusive) and held per exchange (0006).
    db = new ExclusiveSessionPGlite(dataDir);
    await db.waitReady;
    const server = new PGLiteSocketServer({
      db,
      host,
      port: options.port,
      maxConnections: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    });
    await server.start();
    const port = Number(server.getServerConn().split(':').at(-1));
    const ownedDb = db;
    let closing: Promise<void> | undefined;
    return {
      connectionString: embeddedConnectionString(host, port),
      host,
      port,
      dataDir,
      stats: () => server.getStats(),
      close: () => {
        closing ??= (async () => {
          try {
            await server.stop();
            // stop() detaches clients without waiting; a detach may roll back a transaction.
            await nextTurn();
            await ownedDb.settle();
            await ownedDb.close();
          } finally {
            lock.release();
          }
        })();
        return closing;
      },
    };
  } catch (error) {
    if (db && !db.closed) await db.close().catch(() => undefined);
    lock.release();
    throw error;
  }
}
