// Applies the migration history to one PostgreSQL session (real PostgreSQL or the embedded server).
import type { ClientBase } from 'pg';
import { loadMigrations, type Migration } from './migration-files.ts';

export interface AppliedMigration {
  readonly version: string;
  readonly checksum: string;
}

export interface MigrateResult {
  /** Versions this call applied, in order. */
  readonly applied: string[];
  /** Versions that were already applied before this call (by it or by another process). */
  readonly alreadyApplied: string[];
}

export class MigrationHistoryError extends Error {
  override readonly name = 'MigrationHistoryError';
}

/**
 * Transaction-level advisory lock key ("sg-app-db-migrations"). A transaction-level lock, not a
 * session-level one: through the embedded server every client shares PGlite's single session, and
 * session-level advisory locks are re-entrant within a session, so pg_advisory_lock would not
 * exclude a second migrator there. pg_advisory_xact_lock excludes on PostgreSQL, and on the
 * embedded server whole transactions are already serialised.
 */
export const MIGRATION_LOCK_KEY = '7351260411';

const CREATE_HISTORY_TABLE = `
  create table if not exists public.schema_migrations (
    version text primary key,
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`;

/**
 * Refuses a database whose history disagrees with the files: an applied migration that was
 * edited afterwards (checksum mismatch), or one the files do not know (database newer than code).
 */
export function verifyAppliedMigrations(
  applied: readonly AppliedMigration[],
  migrations: readonly Migration[],
): void {
  const byVersion = new Map(migrations.map((migration) => [migration.version, migration]));
  for (const row of applied) {
    const migration = byVersion.get(row.version);
    if (!migration) {
      throw new MigrationHistoryError(
        `database has migration ${row.version} applied, but no file migrations/${row.version}_*.sql exists: the database is newer than this code`,
      );
    }
    if (migration.checksum !== row.checksum) {
      throw new MigrationHistoryError(
        `migration ${migration.fileName} was changed after it was applied (checksum in database ${row.checksum}, file ${migration.checksum}); never edit an applied migration, add a new one`,
      );
    }
  }
}

async function readApplied(client: ClientBase): Promise<AppliedMigration[]> {
  const result = await client.query<AppliedMigration>(
    'select version, checksum from public.schema_migrations order by version',
  );
  return result.rows;
}

/**
 * Applies every pending migration, each in its own transaction that first takes the migration
 * lock and re-reads the history, so concurrent callers apply each migration exactly once.
 * Pass one connected client (pg.Client or a PoolClient), not a Pool: the statements of a
 * transaction must share a session.
 */
export async function migrate(
  client: ClientBase,
  migrations: readonly Migration[] = loadMigrations(),
): Promise<MigrateResult> {
  const applied: string[] = [];
  const alreadyApplied: string[] = [];
  for (const migration of migrations) {
    await client.query('begin');
    try {
      await client.query('select pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
      await client.query(CREATE_HISTORY_TABLE);
      const history = await readApplied(client);
      verifyAppliedMigrations(history, migrations);
      if (history.some((row) => row.version === migration.version)) {
        alreadyApplied.push(migration.version);
      } else {
        // No parameters: the simple query protocol runs a multi-statement file in one go.
        await client.query(migration.sql);
        await client.query(
          'insert into public.schema_migrations (version, name, checksum) values ($1, $2, $3)',
          [migration.version, migration.name, migration.checksum],
        );
        applied.push(migration.version);
      }
      await client.query('commit');
    } catch (error) {
      // Report the migration's error, not a failure of the rollback after it.
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
  }
  return { applied, alreadyApplied };
}
