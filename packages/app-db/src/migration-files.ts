// Reads the one migration history: packages/app-db/migrations/NNNN_<name>.sql, applied in order.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Migration {
  /** Four-digit version from the file name, e.g. '0001'. */
  readonly version: string;
  /** The rest of the file name, e.g. 'app_foundation'. */
  readonly name: string;
  readonly fileName: string;
  readonly sql: string;
  /** sha256 (hex) of the file's bytes: an applied migration must never change. */
  readonly checksum: string;
}

/** The package's own migrations folder. */
export const MIGRATIONS_DIRECTORY = resolve(import.meta.dirname, '..', 'migrations');

const MIGRATION_FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export type MigrationFileName =
  | { readonly ok: true; readonly version: string; readonly name: string }
  | { readonly ok: false; readonly reason: string };

export function parseMigrationFileName(fileName: string): MigrationFileName {
  const match = MIGRATION_FILE_NAME.exec(fileName);
  if (!match?.[1] || !match[2]) {
    return {
      ok: false,
      reason: `migration file name must look like 0001_lower_snake_name.sql, got "${fileName}"`,
    };
  }
  return { ok: true, version: match[1], name: match[2] };
}

export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

/**
 * Orders migrations by version and insists on a gap-free history starting at 0001, so two
 * branches that both add "0002" fail loudly instead of silently applying in a surprising order.
 */
export function orderMigrations(migrations: readonly Migration[]): Migration[] {
  const ordered = [...migrations].sort((a, b) => a.version.localeCompare(b.version));
  ordered.forEach((migration, index) => {
    const expected = String(index + 1).padStart(4, '0');
    if (migration.version !== expected) {
      throw new Error(
        `migration history must be 0001, 0002, … without gaps or duplicates: expected ${expected}, found ${migration.fileName}`,
      );
    }
  });
  return ordered;
}

export function loadMigrations(directory: string = MIGRATIONS_DIRECTORY): Migration[] {
  const migrations = readdirSync(directory)
    .filter((fileName) => fileName.endsWith('.sql'))
    .map((fileName): Migration => {
      const parsed = parseMigrationFileName(fileName);
      if (!parsed.ok) throw new Error(parsed.reason);
      const sql = readFileSync(join(directory, fileName), 'utf8');
      return {
        version: parsed.version,
        name: parsed.name,
        fileName,
        sql,
        checksum: migrationChecksum(sql),
      };
    });
  return orderMigrations(migrations);
}
