// Test support: the two backends every data-access test runs against, each able to hand out
// fresh, empty databases and clean them up afterwards.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPostgresTestDatabase, type ServerTestDatabase } from '@sg/test-databases';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@sg/embedded-postgres';

/** Behaviour that differs between the backends, measured by data-access.test.ts. */
export interface BackendTraits {
  /** PGlite has one session: a statement waits while another client's transaction is open. */
  readonly statementsWaitForOtherTransactions: boolean;
  /** PGlite has one session: SET, advisory locks, prepared statements are shared by all clients. */
  readonly sessionStateShared: boolean;
}

export interface TestBackend {
  readonly name: 'pglite-socket' | 'postgres';
  readonly traits: BackendTraits;
  /** A new, empty database; returns its connection string. */
  createDatabase(): Promise<string>;
  /** Drops/stops everything createDatabase made. */
  dispose(): Promise<void>;
}

let template: Promise<string> | undefined;

/**
 * A fresh, initialised PGlite data directory at `<parent>/app-db`. initdb in WASM takes 3–10 s on
 * this machine; it runs once per test file and each database starts from a copy (≈0.2 s).
 * Call removePgliteTemplate() in afterAll.
 */
export async function freshPgliteDataDir(parent: string): Promise<string> {
  template ??= (async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sg-app-db-template-')), 'app-db');
    const db = new PGlite(dir);
    await db.waitReady;
    await db.close();
    return dir;
  })();
  const dataDir = join(parent, 'app-db');
  cpSync(await template, dataDir, { recursive: true });
  return dataDir;
}

export async function removePgliteTemplate(): Promise<void> {
  if (!template) return;
  const dir = await template;
  template = undefined;
  rmSync(dirname(dir), { recursive: true, force: true });
}

export function pgliteSocketBackend(): TestBackend {
  const servers: EmbeddedPostgres[] = [];
  const dirs: string[] = [];
  return {
    name: 'pglite-socket',
    traits: { statementsWaitForOtherTransactions: true, sessionStateShared: true },
    createDatabase: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sg-app-db-test-'));
      dirs.push(dir);
      const server = await startEmbeddedPostgres({
        dataDir: await freshPgliteDataDir(dir),
        port: 0,
      });
      servers.push(server);
      return server.connectionString;
    },
    dispose: async () => {
      await Promise.all(servers.map((server) => server.close()));
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Databases on the tests' PostgreSQL (SG_TEST_POSTGRES_URL, see @sg/test-databases). */
export function postgresBackend(): TestBackend {
  const databases: ServerTestDatabase[] = [];
  return {
    name: 'postgres',
    traits: { statementsWaitForOtherTransactions: false, sessionStateShared: false },
    createDatabase: async () => {
      const database = await createPostgresTestDatabase('sg_app_db_test');
      databases.push(database);
      return database.url;
    },
    dispose: async () => {
      for (const database of databases) await database.dispose();
    },
  };
}

export const TEST_BACKENDS: readonly (() => TestBackend)[] = [pgliteSocketBackend, postgresBackend];

export async function connect(connectionString: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString });
  // A server stopped under a test must fail that test, not crash the worker with an 'error' event.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}
