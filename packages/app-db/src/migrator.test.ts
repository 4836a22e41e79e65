import { describe, expect, it } from 'vitest';
import { migrationChecksum, type Migration } from './migration-files.ts';
import {
  MigrationHistoryError,
  verifyAppliedMigrations,
  type AppliedMigration,
} from './migrator.ts';

const FILE_0001: Migration = {
  version: '0001',
  name: 'app_foundation',
  fileName: '0001_app_foundation.sql',
  sql: 'create schema app;',
  checksum: migrationChecksum('create schema app;'),
};
const FILE_0002: Migration = {
  version: '0002',
  name: 'guarantees',
  fileName: '0002_guarantees.sql',
  sql: 'create table app.guarantees ();',
  checksum: migrationChecksum('create table app.guarantees ();'),
};

const HISTORIES: { name: string; applied: AppliedMigration[]; error: RegExp | null }[] = [
  { name: 'fresh database', applied: [], error: null },
  {
    name: 'first applied, second pending',
    applied: [{ version: '0001', checksum: FILE_0001.checksum }],
    error: null,
  },
  {
    name: 'applied migration edited afterwards',
    applied: [{ version: '0001', checksum: migrationChecksum('create schema app; -- edited') }],
    error: /0001_app_foundation\.sql was changed after it was applied/,
  },
  {
    name: 'database newer than the code',
    applied: [{ version: '0003', checksum: 'f'.repeat(64) }],
    error: /migration 0003 applied, but no file/,
  },
];

describe('verifyAppliedMigrations', () => {
  it.each(HISTORIES)('$name', ({ applied, error }) => {
    const verify = (): void => {
      verifyAppliedMigrations(applied, [FILE_0001, FILE_0002]);
    };
    if (error) {
      expect(verify).toThrow(MigrationHistoryError);
      expect(verify).toThrow(error);
    } else {
      expect(verify).not.toThrow();
    }
  });
});
