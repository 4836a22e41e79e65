// Test support: a uniquely named, empty database on the tests' PostgreSQL or MariaDB (the admin
// URLs in SG_TEST_POSTGRES_URL / SG_TEST_MARIADB_URL, see server-urls.ts), dropped by dispose().
import { randomBytes } from 'node:crypto';
import * as mariadb from 'mariadb';
import pg from 'pg';
import { testServerUrl, withDatabase } from './server-urls.ts';

export interface ServerTestDatabase {
  readonly kind: 'postgres' | 'mariadb';
  /** Connection URL of the new database. */
  readonly url: string;
  dispose(): Promise<void>;
}

/** `<prefix>_<pid>_<random>`: unique across parallel test files and runs. */
function uniqueName(prefix: string): string {
  if (!/^[a-z][a-z0-9_]{0,30}$/.test(prefix)) throw new Error(`bad database prefix: ${prefix}`);
  return `${prefix}_${String(process.pid)}_${randomBytes(4).toString('hex')}`;
}

export async function createPostgresTestDatabase(prefix: string): Promise<ServerTestDatabase> {
  const name = uniqueName(prefix);
  const adminUrl = testServerUrl('postgres');
  const admin = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: adminUrl });
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
    url: withDatabase(adminUrl, name),
    dispose: () => admin(`drop database if exists ${name} with (force)`),
  };
}

export async function createMariadbTestDatabase(prefix: string): Promise<ServerTestDatabase> {
  const name = uniqueName(prefix);
  const adminUrl = testServerUrl('mariadb');
  const admin = async (sql: string): Promise<void> => {
    const connection = await mariadb.createConnection(adminUrl);
    try {
      await connection.query(sql);
    } finally {
      await connection.end();
    }
  };
  await admin(`create database ${name} character set utf8mb4`);
  return {
    kind: 'mariadb',
    url: withDatabase(adminUrl, name),
    dispose: () => admin(`drop database if exists ${name}`),
  };
}
