// /load results as an Apache Arrow IPC stream (Accept: application/vnd.apache.arrow.stream):
// one column per member, named like Cube's data keys; numbers Float64, text and times Utf8.
import { Bool, Float64, Table, Utf8, vectorFromArray } from 'apache-arrow';
import type { Vector } from 'apache-arrow';
import { tableToIPC } from 'apache-arrow';
import type { AliasRow, JsonScalar } from '../api/cube-responses.ts';
import type { CompiledQuery, ColumnValueType } from '../query/compile-query.ts';

export const ARROW_STREAM_MEDIA_TYPE = 'application/vnd.apache.arrow.stream';

function toNumber(value: JsonScalar): number | null {
  return value === null ? null : Number(value);
}

function toText(value: JsonScalar): string | null {
  return value === null ? null : String(value);
}

function toBool(value: JsonScalar): boolean | null {
  return value === null ? null : value === true || value === 'true';
}

function columnVector(type: ColumnValueType, values: readonly JsonScalar[]): Vector {
  switch (type) {
    case 'number':
      return vectorFromArray(values.map(toNumber), new Float64());
    case 'boolean':
      return vectorFromArray(values.map(toBool), new Bool());
    case 'string':
    case 'time':
      return vectorFromArray(values.map(toText), new Utf8());
  }
}

export function arrowIpcStream(compiled: CompiledQuery, rows: readonly AliasRow[]): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const column of compiled.columns) {
    const name = column.keys[0] ?? column.alias;
    vectors[name] = columnVector(
      column.type,
      rows.map((row) => row[column.alias] ?? null),
    );
  }
  return tableToIPC(new Table(vectors), 'stream');
}
