import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createOfflineInstance, offlineInstanceSettings } from './index.ts';

const EXTENSION_DIRECTORY = join('wheels', 'extensions');
const SPILL_DIRECTORY = join('data', 'tmp', 'duckdb', '42');

describe('offlineInstanceSettings', () => {
  it('loads extensions from the given folder, never downloads, UTC', () => {
    expect(offlineInstanceSettings({ extensionDirectory: EXTENSION_DIRECTORY })).toEqual({
      extension_directory: EXTENSION_DIRECTORY,
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'true',
      TimeZone: 'UTC',
    });
  });

  it('spills where told', () => {
    expect(
      offlineInstanceSettings({
        extensionDirectory: EXTENSION_DIRECTORY,
        tempDirectory: SPILL_DIRECTORY,
      }),
    ).toMatchObject({ temp_directory: SPILL_DIRECTORY });
  });
});

describe('createOfflineInstance', () => {
  it('runs in UTC and loads the wheels’ extensions (json, icu, excel) offline', async () => {
    const instance = await createOfflineInstance();
    try {
      const connection = await instance.connect();
      await connection.run('load json; load icu; load excel;');
      const reader = await connection.runAndReadAll(
        `select current_setting('TimeZone') as zone, current_setting('autoinstall_known_extensions') as autoinstall,
                timestamptz '2025-06-30 08:00:00+08'::timestamp::varchar as utc`,
      );
      connection.closeSync();
      expect(reader.getRowObjectsJson()).toEqual([
        { zone: 'UTC', autoinstall: false, utc: '2025-06-30 00:00:00' },
      ]);
    } finally {
      instance.closeSync();
    }
  });
});
