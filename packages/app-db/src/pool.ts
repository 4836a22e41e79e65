// Every process reaches the app database through an ordinary `pg` pool.
import pg from 'pg';
import type { AppDbConfig } from './app-db-config.ts';

export type { Pool, PoolClient } from 'pg';

export function createPool(
  config: AppDbConfig,
  onIdleClientError: (error: Error) => void = (error) => {
    console.error(`app-db: idle connection failed (${config.kind}): ${error.message}`);
  },
): pg.Pool {
  // Concurrency: each caller checks out its own client (withTransaction); none is shared (0006).
  const pool = new pg.Pool({
    connectionString: config.connectionString,
    max: config.poolMax,
    // An idle client can lose its server (restart, network); without a listener `pg` would crash the process.
  });
  pool.on('error', onIdleClientError);
  return pool;
}

/** Runs `work` in one transaction on one pooled client; rolls back if it throws. */
export async function withTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    // If even the rollback fails the connection is unusable: destroy it instead of pooling it.
    broken = await client.query('rollback').then(
      () => false,
      () => true,
    );
    throw error;
  } finally {
    client.release(broken);
  }
}
