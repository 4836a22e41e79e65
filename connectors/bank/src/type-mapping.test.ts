import { createOfflineInstance } from '@sg/duckdb-instance';
import { sqlString } from '@sg/sql-text';
import { describe, expect, it } from 'vitest';
import { beijingTimestampSql, currencySql, yuanToFenSql } from './type-mapping.ts';

async function evaluate(sql: string): Promise<unknown> {
  const instance = await createOfflineInstance();
  try {
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(`select ${sql}`);
    connection.closeSync();
    return reader.getRowsJson()[0]?.[0];
  } finally {
    instance.closeSync();
  }
}

describe('yuanToFenSql', () => {
  it.each([
    { name: 'plain yuan', text: '1234.56', numericCells: false, fen: '123456' },
    { name: 'thousands separators', text: '12,345,678.90', numericCells: false, fen: '1234567890' },
    { name: 'one decimal', text: '0.1', numericCells: false, fen: '10' },
    { name: 'negative balance', text: '-1,000.05', numericCells: false, fen: '-100005' },
    { name: 'whole yuan', text: ' 7 ', numericCells: false, fen: '700' },
    { name: 'blank is absent', text: '  ', numericCells: false, fen: null },
    { name: 'three decimals stay text', text: '1234.567', numericCells: false, fen: '1234.567' },
    {
      name: 'currency prefix stays text',
      text: 'CNY 12.00',
      numericCells: false,
      fen: 'CNY 12.00',
    },
    {
      name: 'misplaced separator stays text',
      text: '12,34.00',
      numericCells: false,
      fen: '12,34.00',
    },
    {
      name: 'sixteen-digit yuan',
      text: '9,999,999,999,999,999.99',
      numericCells: false,
      fen: '999999999999999999',
    },
    {
      name: 'seventeen-digit yuan stays text (beyond DECIMAL(18, 2))',
      text: '12345678901234567.00',
      numericCells: false,
      fen: '12345678901234567.00',
    },
    { name: 'spreadsheet double', text: '1234.5599999999999', numericCells: true, fen: '123456' },
    { name: 'spreadsheet fraction of a fen', text: '0.125', numericCells: true, fen: '0.125' },
  ])('$name: "$text" → $fen', async ({ text, numericCells, fen }) => {
    expect(await evaluate(yuanToFenSql(sqlString(text), numericCells))).toBe(fen);
  });
});

describe('beijingTimestampSql', () => {
  it.each([
    { format: '%Y%m%d %H:%M:%S', text: '20250301 00:30:00', iso: '2025-03-01T00:30:00+08:00' },
    { format: '%Y-%m-%d %H:%M:%S', text: '2025-01-03 14:03:22', iso: '2025-01-03T14:03:22+08:00' },
    { format: '%Y-%m-%d %H:%M:%S', text: '2025-02-30 10:00:00', iso: '2025-02-30 10:00:00' },
  ])('$text ($format) → $iso', async ({ format, text, iso }) => {
    expect(await evaluate(beijingTimestampSql(sqlString(text), format))).toBe(iso);
  });
});

describe('currencySql', () => {
  it.each([
    ['人民币', 'CNY'],
    ['rmb', 'CNY'],
    ['USD', 'USD'],
  ])('%s → %s', async (text, expected) => {
    expect(await evaluate(currencySql(sqlString(text)))).toBe(expected);
  });
});
