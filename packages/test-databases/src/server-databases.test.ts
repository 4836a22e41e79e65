import * as mariadb from 'mariadb';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createMariadbTestDatabase, createPostgresTestDatabase } from './server-databases.ts';
import { testServerUrl } from './server-urls.ts';

describe("test databases on the tests' servers", () => {
  it('creates an empty PostgreSQL database that accepts tables, and drops it', async () => {
    const database = await createPostgresTestDatabase('sg_testdb_check');
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('create table t (x int)');
    const { rows } = await client.query<{ name: string }>('select current_database() as name');
    await client.end();
    expect(rows[0]?.name).toMatch(/^sg_testdb_check_\d+_[0-9a-f]{8}$/);
    await database.dispose();
    const admin = new pg.Client({ connectionString: testServerUrl('postgres') });
    await admin.connect();
    const left = await admin.query('select 1 from pg_database where datname = $1', [rows[0]?.name]);
    await admin.end();
    expect(left.rowCount).toBe(0);
  });

  it('creates a MariaDB database in utf8mb4 that stores Chinese text, and drops it', async () => {
    const database = await createMariadbTestDatabase('sg_testdb_check');
    const connection = await mariadb.createConnection(database.url);
    await connection.query('create table t (name varchar(20))');
    await connection.query('insert into t values (?)', ['宁夏塞上枸杞']);
    const rows: { name: string }[] = await connection.query('select name from t');
    await connection.end();
    expect(rows[0]?.name).toBe('宁夏塞上枸杞');
    await database.dispose();
  });

  it('refuses a prefix that is not a plain identifier', async () => {
    await expect(createPostgresTestDatabase('bad; drop')).rejects.toThrow(/bad database prefix/);
  });
});
