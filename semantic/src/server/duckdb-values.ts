// DuckDB result values → JSON scalars for Cube responses.
import { DuckDBDecimalValue } from '@duckdb/node-api';
import type { DuckDBValue } from '@duckdb/node-api';
import type { JsonScalar } from '../api/cube-responses.ts';

/**
 * Integers and decimals become JSON numbers when that is exact (|n| ≤ 2^53, or a decimal that
 * round-trips at its scale), otherwise strings, so no digit is ever silently lost.
 */
export function jsonScalar(value: DuckDBValue): JsonScalar {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (value instanceof DuckDBDecimalValue) {
    const text = value.toString();
    const asNumber = Number(text);
    return asNumber.toFixed(value.scale) === text ? asNumber : text;
  }
  return value.toString();
}
