// Test support: a fresh, uniquely named legacy database on each backend, dropped afterwards.
// PostgreSQL: 127.0.0.1:5432 user postgres (SG_TEST_POSTGRES_URL overrides the admin URL);
// MariaDB: 127.0.0.1:3306 root, empty password (SG_TEST_MARIADB_URL); embedded: a PGlite server
// from @sg/app-db on a free port in a temporary directory.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedAppDb } from '@sg/app-db';
import * as mariadb from 'mariadb';
import pg from 'pg';

export type TestBackendKind = 'postgres' | 'mariadb' | 'embedded';
export const TEST_BACKEND_KINDS: readonly TestBackendKind[] = ['postgres', 'mariadb', 'embedded'];

export interface TestLegacyDatabase {
  readonly kind: TestBackendKind;
  readonly url: string;
  dispose(): Promise<void>;
}

const POSTGRES_ADMIN_URL =
  process.env['SG_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const MARIADB_ADMIN_URL =
  process.env['SG_TEST_MARIADB_URL'] ?? 'mariadb://root@127.0.0.1:3306/mysql';

function uniqueName(): string {
  return `sg_business_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

async function postgresDatabase(): Promise<TestLegacyDatabase> {
  const name = uniqueName();
  const admin = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    url: url.toString(),
    dispose: () => admin(`drop database if exists ${name} with (force)`),
  };
}

async function mariadbDatabase(): Promise<TestLegacyDatabase> {
  const name = uniqueName();
  const admin = async (sql: string): Promise<void> => {
    const connection = await mariadb.createConnection(MARIADB_ADMIN_URL);
    try {
      await connection.query(sql);
    } finally {
      await connection.end();
    }
  };
  await admin(`create database ${name} character set utf8mb4`);
  const url = new URL(MARIADB_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind: 'mariadb',
    url: url.toString(),
    dispose: () => admin(`drop database if exists ${name}`),
  };
}

async function embeddedDatabase(): Promise<TestLegacyDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'sg-business-db-'));
  const server = await startEmbeddedAppDb({ dataDir: join(dir, 'business-db'), port: 0 });
  return {
    kind: 'embedded',
    url: server.connectionString,
    dispose: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function createTestLegacyDatabase(kind: TestBackendKind): Promise<TestLegacyDatabase> {
  if (kind === 'postgres') return postgresDatabase();
  if (kind === 'mariadb') return mariadbDatabase();
  return embeddedDatabase();
}

/** The hand-written small world (contract format) under src/fixtures/world-small. */
export const SMALL_WORLD_DIR = join(import.meta.dirname, '..', 'fixtures', 'world-small');
