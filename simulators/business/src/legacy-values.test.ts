import { describe, expect, it } from 'vitest';
import { findLegacyTable } from './legacy-schema.ts';
import { legacyRow, toBeijingDatetime, yuanTextFromFen } from './legacy-values.ts';

describe('world values → legacy values', () => {
  it.each([
    {
      name: 'Beijing offset kept as local',
      input: '2025-06-29T18:00:00+08:00',
      expected: '2025-06-29 18:00:00',
    },
    {
      name: 'UTC moved to Beijing',
      input: '2025-06-29T16:30:00Z',
      expected: '2025-06-30 00:30:00',
    },
    { name: 'date only → midnight', input: '2025-06-29', expected: '2025-06-29 00:00:00' },
    { name: 'naive text kept', input: '2025-06-29 07:05:09', expected: '2025-06-29 07:05:09' },
  ])('time: $name', ({ input, expected }) => {
    expect(toBeijingDatetime(input)).toBe(expected);
  });

  it('rejects a time that is not ISO-8601', () => {
    expect(() => toBeijingDatetime('29/06/2025')).toThrow(RangeError);
  });

  it.each([
    { fen: 123456789, yuan: '1234567.89' },
    { fen: 5, yuan: '0.05' },
    { fen: 800000001, yuan: '8000000.01' },
    { fen: '100', yuan: '1.00' },
  ])('money: $fen fen → $yuan yuan (exact)', ({ fen, yuan }) => {
    expect(yuanTextFromFen(fen)).toBe(yuan);
  });

  it('maps a record onto the table columns in order, renamed fields and absent ones as NULL', () => {
    const row = legacyRow(findLegacyTable('t_counter_guarantee'), {
      counter_id: 'CG001',
      contract_no: 'G2024001',
      kind: '抵押',
      value_fen: 900000000,
      updated_at: '2024-03-25T10:00:00+08:00',
    });
    expect(row).toEqual([
      'CG001',
      'G2024001',
      '抵押',
      null,
      null,
      null,
      null,
      '9000000.00',
      null,
      null,
      null,
      '2024-03-25 10:00:00',
    ]);
  });
});
