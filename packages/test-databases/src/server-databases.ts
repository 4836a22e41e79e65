// Test support: a uniquely named, empty database on the machine's real servers, dropped by
// dispose(). PostgreSQL: 127.0.0.1:5432, user postgres (SG_TEST_POSTGRES_URL overrides the admin
// URL). MariaDB: 127.0.0.1:3306, root, empty password (SG_TEST_MARIADB_URL).
import { randomBytes } from 'node:crypto';
import * as mariadb from 'mariadb';
import pg from 'pg';

export interface ServerTestDatabase {
  readonly kind: 'postgres' | 'mariadb';
  /** Connection URL of the new database. */
  readonly url: string;
  dispose(): Promise<void>;
}

const POSTGRES_ADMIN_URL =
  process.env['SG_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const MARIADB_ADMIN_URL =
  process.env['SG_TEST_MARIADB_URL'] ?? 'mariadb://root@127.0.0.1:3306/mysql';

/** `<prefix>_<pid>_<random>`: unique across parallel test files and runs. */
function uniqueName(prefix: string): string {
  if (!/^[a-z][a-z0-9_]{0,30}$/.test(prefix)) throw new Error(`bad database prefix: ${prefix}`);
  return `${prefix}_${String(process.pid)}_${randomBytes(4).toString('hex')}`;
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createPostgresTestDatabase(prefix: string): Promise<ServerTestDatabase> {
  const name = uniqueName(prefix);
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
  return {
    kind: 'postgres',
    url: databaseUrl(POSTGRES_ADMIN_URL, name),
    dispose: () => admin(`drop database if exists ${name} with (force)`),
  };
}

export async function createMariadbTestDatabase(prefix: string): Promise<ServerTestDatabase> {
  const name = uniqueName(prefix);
  const admin = async (sql: string): Promise<void> => {
    const connection = await mariadb.createConnection(MARIADB_ADMIN_URL);
    try {
      await connection.query(sql);
    } finally {
      await connection.end();
    }
  };
  await admin(`create database ${name} character set utf8mb4`);
  return {
    kind: 'mariadb',
    url: databaseUrl(MARIADB_ADMIN_URL, name),
    dispose: () => admin(`drop database if exists ${name}`),
  };
}
