// Test support: a pool on a fresh database of the tests' PostgreSQL with the app database's
// migrations applied, and one dispose() that ends the pool and drops the database.
import { createPostgresTestDatabase } from '@sg/test-databases';
import pg from 'pg';
import { migrate } from '../index.ts';

export interface MigratedTestPool {
  /** The database's connection URL, for a child process that opens its own pool. */
  readonly url: string;
  readonly pool: pg.Pool;
  readonly dispose: () => Promise<void>;
}

export async function createMigratedTestPool(prefix: string): Promise<MigratedTestPool> {
  const database = await createPostgresTestDatabase(prefix);
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  const client = await pool.connect();
  try {
    await migrate(client);
  } finally {
    client.release();
  }
  return {
    url: database.url,
    pool,
    dispose: async () => {
      await pool.end();
      await database.dispose();
    },
  };
}
