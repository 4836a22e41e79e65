import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadMigrations,
  migrationChecksum,
  MIGRATIONS_DIRECTORY,
  orderMigrations,
  parseMigrationFileName,
  type Migration,
} from './migration-files.ts';

const FILE_NAMES = [
  {
    fileName: '0001_app_foundation.sql',
    expected: { ok: true, version: '0001', name: 'app_foundation' },
  },
  {
    fileName: '0012_add_guarantees.sql',
    expected: { ok: true, version: '0012', name: 'add_guarantees' },
  },
  { fileName: '1_missing_padding.sql', expected: { ok: false } },
  { fileName: '0002-dashes.sql', expected: { ok: false } },
  { fileName: '0003_UpperCase.sql', expected: { ok: false } },
  { fileName: '0004_no_extension', expected: { ok: false } },
] as const;

const migration = (version: string): Migration => ({
  version,
  name: `m${version}`,
  fileName: `${version}_m${version}.sql`,
  sql: 'select 1;',
  checksum: migrationChecksum('select 1;'),
});

describe('migration files', () => {
  it.each(FILE_NAMES)('parses $fileName', ({ fileName, expected }) => {
    expect(parseMigrationFileName(fileName)).toMatchObject(expected);
  });

  it('orders by version and rejects gaps and duplicates', () => {
    expect(orderMigrations([migration('0002'), migration('0001')]).map((m) => m.version)).toEqual([
      '0001',
      '0002',
    ]);
    expect(() => orderMigrations([migration('0001'), migration('0003')])).toThrow(
      /expected 0002, found 0003_m0003\.sql/,
    );
    expect(() => orderMigrations([migration('0001'), migration('0001')])).toThrow(/expected 0002/);
  });

  it('loads the package history with sha256 checksums of the file bytes', () => {
    const [first, ...rest] = loadMigrations();
    expect(first?.fileName).toBe('0001_app_foundation.sql');
    const bytes = readFileSync(join(MIGRATIONS_DIRECTORY, '0001_app_foundation.sql'), 'utf8');
    expect(first?.checksum).toBe(migrationChecksum(bytes));
    expect(first?.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(rest.every((m, i) => m.version === String(i + 2).padStart(4, '0'))).toBe(true);
  });

  it('never wraps a migration in its own transaction (the migrator does)', () => {
    for (const { sql, fileName } of loadMigrations()) {
      expect(sql, fileName).not.toMatch(/^\s*(begin|commit|rollback)\b/im);
    }
  });
});
