import { createHash } from 'node:crypto';
import type { ColumnSpec } from './landing-request.ts';

/**
 * The schema a landing declares, as canonical JSON: `[[name, type, required], …]` in declaration
 * order (descriptions are documentation and do not change the schema).
 */
export function canonicalSchema(columns: readonly ColumnSpec[]): string {
  return JSON.stringify(columns.map((column) => [column.name, column.type, column.required]));
}

/** sha256 (hex) of canonicalSchema: equal hashes mean equal landed schemas. */
export function schemaHash(columns: readonly ColumnSpec[]): string {
  return createHash('sha256').update(canonicalSchema(columns)).digest('hex');
}

/** A timestamp as DuckDB TIMESTAMP text in UTC: `YYYY-MM-DD HH:MM:SS.mmm`. */
export function utcTimestampText(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}
