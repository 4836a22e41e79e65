import { describe, expect, it } from 'vitest';
import * as connector from './index.ts';

describe('@sg/connector-business public API', () => {
  it.each([
    'createBusinessClient',
    'createPostgresBusinessClient',
    'createMariaDbBusinessClient',
    'businessClientConfigFromEnv',
    'createSnapshotBusinessClient',
    'loadBusinessSnapshot',
    'extractTable',
    'extractKeys',
    'landBusinessWindow',
    'detectSchemaDrift',
    'toRawRow',
  ] as const)('exports %s', (name) => {
    expect(typeof connector[name]).toBe('function');
  });

  it('declares every raw column with a Chinese description and lake column specs', () => {
    for (const mapped of connector.BUSINESS_TABLES) {
      for (const column of mapped.columns) expect(column.description).toMatch(/\p{Script=Han}/u);
      expect(connector.rawColumnSpecs(mapped).map((c) => c.name)).toContain(mapped.key);
    }
    expect(connector.DELETION_COLUMNS.map((c) => c.name)).toEqual([
      'table_name',
      'record_key',
      'last_landed_window',
    ]);
  });

  it('computes the incremental lower bound in the legacy local time', () => {
    expect(connector.incrementalLowerBound('2025-06-29 10:00:00', 10)).toBe('2025-06-29 17:50:00');
  });
});
