import type { ColumnSpec, ColumnType } from './landing-request.ts';
import { sqlIdentifier, sqlString } from '@sg/sql-text';

/**
 * SQL text for one landing, as pure functions of the request. Identifiers reaching here were
 * validated by landingRequestSchema (lower-case snake_case), values are bound or quoted.
 */

/** Columns the lake adds to every raw table. */
export const LINEAGE_COLUMNS = [
  { name: '_landing_id', type: 'VARCHAR' },
  { name: '_window', type: 'VARCHAR' },
  { name: '_landed_at', type: 'TIMESTAMP' },
] as const;

export interface LandingTables {
  schema: string;
  /** `lake.raw_<source>.<entity>` */
  target: string;
  /** `lake.raw_<source>.<entity>__quarantine` */
  quarantine: string;
  /** `lake.meta.landings` */
  manifest: string;
}

export function landingTables(source: string, entity: string): LandingTables {
  const schema = `raw_${source}`;
  return {
    schema,
    target: `lake.${sqlIdentifier(schema)}.${sqlIdentifier(entity)}`,
    quarantine: `lake.${sqlIdentifier(schema)}.${sqlIdentifier(`${entity}__quarantine`)}`,
    manifest: 'lake.meta.landings',
  };
}

/** Stage 1: read the NDJSON file with every declared column as text (extra keys are ignored). */
export function readNdjsonSql(ndjsonPath: string, columns: readonly ColumnSpec[]): string {
  const struct = columns.map((column) => `${sqlString(column.name)}: 'VARCHAR'`).join(', ');
  return (
    `create or replace temp table landing_raw as select * from read_json(${sqlString(ndjsonPath)}, ` +
    `format = 'newline_delimited', columns = {${struct}})`
  );
}

/**
 * The same raw text table from a Parquet file: every declared column read as text (a column the
 * file lacks is a binder error naming it: a connector bug, not a bad record).
 */
export function readParquetSql(parquetPath: string, columns: readonly ColumnSpec[]): string {
  const select = columns
    .map(
      (column) => `cast(${sqlIdentifier(column.name)} as varchar) as ${sqlIdentifier(column.name)}`,
    )
    .join(', ');
  return (
    `create or replace temp table landing_raw as select ${select} ` +
    `from read_parquet(${sqlString(parquetPath)})`
  );
}

/** The raw text with blanks treated as absent. */
function presentText(column: ColumnSpec): string {
  return `nullif(trim(${sqlIdentifier(column.name)}), '')`;
}

/**
 * The typed value of a column, NULL when absent or not convertible. Integers must be written as
 * integers (DuckDB's TRY_CAST would round '1.5' to 2: wrong for money in fen). Timestamps with an
 * offset are converted to UTC; without one they are read as UTC.
 */
export function typedValueSql(column: ColumnSpec): string {
  const raw = sqlIdentifier(column.name);
  const text = presentText(column);
  const byType: Record<ColumnType, string> = {
    VARCHAR: raw,
    BIGINT: `case when regexp_full_match(${text}, '[+-]?[0-9]+') then try_cast(${text} as bigint) end`,
    INTEGER: `case when regexp_full_match(${text}, '[+-]?[0-9]+') then try_cast(${text} as integer) end`,
    DOUBLE: `try_cast(${text} as double)`,
    DATE: `try_cast(${text} as date)`,
    TIMESTAMP: `timezone('UTC', try_cast(${text} as timestamptz))`,
    BOOLEAN: `try_cast(${text} as boolean)`,
  };
  return byType[column.type];
}

interface Problem {
  condition: string;
  code: string;
  message: string;
}

/** Why a record is quarantined, per column: a code and a Chinese message with the code in it. */
export function columnProblems(column: ColumnSpec): Problem[] {
  const problems: Problem[] = [];
  const text = presentText(column);
  if (column.required) {
    const code = `required_missing:${column.name}`;
    problems.push({
      condition: `${text} is null`,
      code,
      message: sqlString(`必填字段「${column.name}」为空或缺失 [${code}]`),
    });
  }
  if (column.type !== 'VARCHAR') {
    const code = `cast_failed:${column.name}`;
    problems.push({
      condition: `${text} is not null and (${typedValueSql(column)}) is null`,
      code,
      message:
        `${sqlString(`字段「${column.name}」的值「`)} || left(${text}, 60) || ` +
        sqlString(`」无法转换为 ${column.type} [${code}]`),
    });
  }
  return problems;
}

/** Stage 2: typed values plus the reasons a record cannot land (empty when it can). */
export function checkRecordsSql(columns: readonly ColumnSpec[]): string {
  const problems = columns.flatMap(columnProblems);
  const codes = problems.map((p) => `case when ${p.condition} then ${sqlString(p.code)} end`);
  const messages = problems.map((p) => `case when ${p.condition} then ${p.message} end`);
  const listOf = (items: string[]): string =>
    items.length === 0 ? `[]::varchar[]` : `list_filter([${items.join(', ')}], x -> x is not null)`;
  const typed = columns.map(
    (column) => `${typedValueSql(column)} as ${sqlIdentifier(column.name)}`,
  );
  // The record's text is kept for rejected rows only (a JSON copy of every row doubled the
  // memory of a 33M-row landing).
  return (
    `create or replace temp table landing_checked as select * exclude (_raw), ` +
    `case when _reason_code <> '' then _raw end as _record from (select ${typed.join(', ')}, ` +
    `coalesce(array_to_string(${listOf(codes)}, ';'), '') as _reason_code, ` +
    `coalesce(array_to_string(${listOf(messages)}, '；'), '') as _reason, ` +
    `to_json(landing_raw)::varchar as _raw from landing_raw)`
  );
}

/** Counts of what will land and of what the checks reject. */
export function landingSummarySql(): string {
  return (
    `select count(*) filter (where _reason_code = '') as row_count, ` +
    `count(*) filter (where _reason_code <> '') as rejected_count from landing_checked`
  );
}

/**
 * The canonical lines of what will land, sorted bytewise: per row the JSON array of its declared
 * columns' values cast to VARCHAR (NULL as null), in declaration order. The checksum is the
 * sha256 (hex) of these lines joined with "\n" (empty landing: sha256 of ''), hashed as DuckDB
 * streams them (sorting spills to disk): one string of all lines was a 16 GiB allocation for the
 * 33M bank transactions.
 */
export function canonicalLinesSql(columns: readonly ColumnSpec[]): string {
  const values = columns
    .map((column) => `cast(${sqlIdentifier(column.name)} as varchar)`)
    .join(', ');
  return (
    `select to_json(list_value(${values}))::varchar as line from landing_checked ` +
    `where _reason_code = '' order by line`
  );
}

export function columnDefinitionSql(column: { name: string; type: string }): string {
  return `${sqlIdentifier(column.name)} ${column.type.toLowerCase()}`;
}

export function createSchemasSql(tables: LandingTables): string[] {
  return [
    `create schema if not exists lake.${sqlIdentifier(tables.schema)}`,
    'create schema if not exists lake.meta',
  ];
}

export function createTargetSql(tables: LandingTables, columns: readonly ColumnSpec[]): string {
  const definitions = [...columns, ...LINEAGE_COLUMNS].map(columnDefinitionSql);
  return `create table if not exists ${tables.target} (${definitions.join(', ')})`;
}

export function createQuarantineSql(tables: LandingTables): string {
  return (
    `create table if not exists ${tables.quarantine} (record varchar, reason_code varchar, ` +
    `reason varchar, _landing_id varchar, _window varchar, _landed_at timestamp)`
  );
}

export function createManifestSql(tables: LandingTables): string {
  return (
    `create table if not exists ${tables.manifest} (landing_id varchar, source varchar, ` +
    `entity varchar, "window" varchar, row_count bigint, quarantined_count bigint, ` +
    `checksum varchar, schema_hash varchar, columns_json varchar, landed_at timestamp)`
  );
}

/** Parameters: $landing_id, $window, $landed_at. */
export function insertLandedRowsSql(tables: LandingTables, columns: readonly ColumnSpec[]): string {
  const names = columns.map((column) => sqlIdentifier(column.name));
  return (
    `insert into ${tables.target} (${[...names, '_landing_id', '_window', '_landed_at'].join(', ')}) ` +
    `select ${names.join(', ')}, $landing_id, $window, $landed_at::timestamp ` +
    `from landing_checked where _reason_code = ''`
  );
}

/** Parameters: $landing_id, $window, $landed_at, $supplied (JSON array of QuarantinedRecord). */
export function insertQuarantineSql(tables: LandingTables): string[] {
  const lineage = `$landing_id, $window, $landed_at::timestamp`;
  return [
    `insert into ${tables.quarantine} select _record, _reason_code, _reason, ${lineage} ` +
      `from landing_checked where _reason_code <> ''`,
    `insert into ${tables.quarantine} select record, coalesce(reasonCode, 'source_rejected'), reason, ${lineage} ` +
      `from (select unnest(from_json($supplied, '[{"record":"VARCHAR","reason":"VARCHAR","reasonCode":"VARCHAR"}]'), recursive := true))`,
  ];
}

/** Parameter: $window. */
export function deleteWindowSql(tables: LandingTables): string[] {
  return [
    `delete from ${tables.target} where _window = $window`,
    `delete from ${tables.quarantine} where _window = $window`,
  ];
}

/** Parameters: every manifest column as $name. */
export function insertManifestSql(tables: LandingTables): string {
  return (
    `insert into ${tables.manifest} values ($landing_id, $source, $entity, $window, $row_count, ` +
    `$quarantined_count, $checksum, $schema_hash, $columns_json, $landed_at::timestamp)`
  );
}
