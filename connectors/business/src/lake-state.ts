/**
 * What the lake already holds of the business source, read before a landing: whether a table was
 * landed in an earlier window, its high watermark, and the keys alive after the earlier windows.
 * "Earlier" means windows sorting before this one (window keys must sort in extraction order,
 * e.g. '2025-06-30', '2025-07-01T0900'); the window being (re-)landed is ignored, which keeps a
 * re-landing of the same window identical.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { rawTableName } from '@sg/lake';
import { sqlString } from '@sg/sql-text';
import type { Lake } from '@sg/lake';
import type { MappedTable } from './type-mapping.ts';

export const BUSINESS_SOURCE = 'business';
export const DELETIONS_ENTITY = 'deletions';
export const SCHEMA_DRIFT_ENTITY = 'schema_drift';

async function rows(
  connection: DuckDBConnection,
  sql: string,
  values?: Record<string, string>,
): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql, values);
  return reader.getRowObjectsJson();
}

async function rawTableExists(connection: DuckDBConnection, entity: string): Promise<boolean> {
  const found = await rows(
    connection,
    `select count(*)::integer as n from duckdb_tables() where database_name = 'lake' ` +
      `and schema_name = $schema and table_name = $table`,
    { schema: `raw_${BUSINESS_SOURCE}`, table: entity },
  );
  return found[0]?.['n'] === 1;
}

/** A connection of the caller's own for `work`, closed once it settled (docs/decisions/0006). */
export async function withLakeConnection<T>(
  lake: Lake,
  work: (connection: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const connection = await lake.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
  }
}

/** UTC 'YYYY-MM-DD HH:MM:SS' of the newest updated_at landed before `window`, or null. */
export async function previousWatermark(
  connection: DuckDBConnection,
  mapped: MappedTable,
  window: string,
): Promise<string | null> {
  if (mapped.watermark === null || !(await rawTableExists(connection, mapped.table))) return null;
  const found = await rows(
    connection,
    `select strftime(max(updated_at), '%Y-%m-%d %H:%M:%S') as watermark ` +
      `from ${rawTableName(BUSINESS_SOURCE, mapped.table)} where _window < $window`,
    { window },
  );
  const watermark = found[0]?.['watermark'];
  return typeof watermark === 'string' ? watermark : null;
}

export interface DeletedKey {
  readonly table_name: string;
  readonly record_key: string;
  /** The latest earlier window that landed the row. */
  readonly last_landed_window: string;
}

/**
 * Keys alive in the lake after the windows before `window` (landed, and not since recorded as
 * deleted) that the source no longer has (`keysPath`: the key scan of this extraction; null when
 * the source table is empty).
 */
export async function detectDeletedKeys(
  connection: DuckDBConnection,
  mapped: MappedTable,
  window: string,
  keysPath: string | null,
): Promise<DeletedKey[]> {
  if (!(await rawTableExists(connection, mapped.table))) return [];
  const keyColumn = mapped.columns.find((c) => c.source === mapped.key)?.raw ?? mapped.key;
  const landed =
    `select cast("${keyColumn}" as varchar) as record_key, _window as w, false as is_delete ` +
    `from ${rawTableName(BUSINESS_SOURCE, mapped.table)} where _window < ${sqlString(window)}`;
  const deletions = (await rawTableExists(connection, DELETIONS_ENTITY))
    ? ` union all select record_key, _window, true from ${rawTableName(BUSINESS_SOURCE, DELETIONS_ENTITY)} ` +
      `where table_name = ${sqlString(mapped.table)} and _window < ${sqlString(window)}`
    : '';
  const found = await rows(
    connection,
    `with events as (${landed}${deletions}), ` +
      `latest as (select record_key, arg_max(is_delete, w || case when is_delete then '~' else '' end) as deleted, ` +
      `max(w) filter (where not is_delete) as last_landed_window from events group by record_key), ` +
      `source_keys as (${
        keysPath === null
          ? 'select null::varchar as record_key where false'
          : `select record_key from read_json(${sqlString(keysPath)}, format = 'newline_delimited', columns = {'record_key': 'VARCHAR'})`
      }) ` +
      `select ${sqlString(mapped.table)} as table_name, record_key, last_landed_window from latest ` +
      `where not deleted and record_key not in (select record_key from source_keys) order by record_key`,
  );
  return found.map((row) => ({
    table_name: String(row['table_name']),
    record_key: String(row['record_key']),
    last_landed_window: String(row['last_landed_window']),
  }));
}
