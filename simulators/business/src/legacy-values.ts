/**
 * From the world's NDJSON values to what the legacy database stores, as text the database parses:
 * integer fen → DECIMAL yuan ('123456' → '1234.56', digit by digit, never a float), ISO times with
 * an offset → Beijing-local DATETIME text, dates as they are. Pure functions.
 */
import { fen, yuanFromFen } from '@sg/domain';
import type { LegacyColumn, LegacyTable } from './legacy-schema.ts';

export type LegacyValue = string | null;

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const NAIVE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/;
const ZONED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** '2024-03-05T10:20:30+08:00' → '2024-03-05 10:20:30' (Beijing local); a date → its midnight. */
export function toBeijingDatetime(value: string): string {
  if (DATE_ONLY.test(value)) return `${value} 00:00:00`;
  const naive = NAIVE_TIME.exec(value);
  if (naive !== null) return `${naive[1] ?? ''} ${naive[2] ?? ''}`;
  if (!ZONED_TIME.test(value)) throw new RangeError(`not an ISO-8601 time: ${value}`);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`not a valid time: ${value}`);
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Integer fen (number or digit text) → yuan text with two decimals. */
export function yuanTextFromFen(value: number | string): string {
  const amount = typeof value === 'number' ? value : Number(value);
  return yuanFromFen(fen(amount));
}

function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new TypeError(`expected a scalar, got ${JSON.stringify(value)}`);
}

export function legacyValue(column: LegacyColumn, value: unknown): LegacyValue {
  if (value === undefined || value === null) return null;
  switch (column.kind) {
    case 'money_yuan':
      if (typeof value !== 'number' && typeof value !== 'string') {
        throw new TypeError(`${column.name}: fen amount expected, got ${JSON.stringify(value)}`);
      }
      return yuanTextFromFen(value);
    case 'datetime':
      return toBeijingDatetime(scalarText(value));
    case 'date':
      return scalarText(value).slice(0, 10);
    default:
      return scalarText(value);
  }
}

/** One world record → the table's row, in column order (absent fields → NULL). */
export function legacyRow(
  legacyTable: LegacyTable,
  record: Record<string, unknown>,
): LegacyValue[] {
  return legacyTable.columns.map((column) =>
    legacyValue(column, record[column.worldField ?? column.name]),
  );
}
