import { describe, expect, it } from 'vitest';
import { mariadbSourceColumn, normaliseSourceType } from './source-types.ts';

describe('legacy type names', () => {
  it.each([
    {
      name: 'pg varchar',
      declared: { dataType: 'character varying', length: 32 },
      type: 'varchar(32)',
    },
    {
      name: 'pg numeric',
      declared: { dataType: 'numeric', precision: 18, scale: 2 },
      type: 'decimal(18,2)',
    },
    {
      name: 'pg timestamp',
      declared: { dataType: 'timestamp without time zone' },
      type: 'datetime',
    },
    { name: 'pg integer', declared: { dataType: 'integer' }, type: 'integer' },
    { name: 'pg text', declared: { dataType: 'text', length: null }, type: 'text' },
    { name: 'unknown', declared: { dataType: 'jsonb' }, type: 'jsonb' },
  ])('PostgreSQL $name → $type', ({ declared, type }) => {
    expect(normaliseSourceType(declared)).toBe(type);
  });

  it.each([
    { dataType: 'varchar', columnType: 'varchar(32)', type: 'varchar(32)', family: 'text' },
    { dataType: 'decimal', columnType: 'decimal(18,2)', type: 'decimal(18,2)', family: 'decimal' },
    { dataType: 'int', columnType: 'int(11)', type: 'integer', family: 'integer' },
    { dataType: 'datetime', columnType: 'datetime', type: 'datetime', family: 'datetime' },
  ])('MariaDB $columnType → $type ($family)', ({ dataType, columnType, type, family }) => {
    expect(mariadbSourceColumn('c', dataType, columnType)).toEqual({
      name: 'c',
      sourceType: type,
      family,
    });
  });
});
