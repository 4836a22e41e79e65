import { createHash, randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import type { CommitLockOptions } from './catalog-commit-lock.ts';
import type { RetryOptions } from './catalog-contention.ts';
import { runLakeTransaction } from './lake-transaction.ts';
import { schemaHash, utcTimestampText } from './landing-fingerprint.ts';
import { landingRequestSchema } from './landing-request.ts';
import type { ColumnSpec, LandingRequest, LandingResult } from './landing-request.ts';
import {
  LINEAGE_COLUMNS,
  checkRecordsSql,
  columnDefinitionSql,
  createManifestSql,
  createQuarantineSql,
  createSchemasSql,
  createTargetSql,
  deleteWindowSql,
  insertLandedRowsSql,
  insertManifestSql,
  insertQuarantineSql,
  canonicalLinesSql,
  landingSummarySql,
  landingTables,
  readNdjsonSql,
  readParquetSql,
} from './landing-sql.ts';
import type { LandingTables } from './landing-sql.ts';
import type { Lake } from './open-lake.ts';
import { sqlString } from '@sg/sql-text';

export interface LandRecordsOptions {
  lock?: CommitLockOptions;
  retry?: RetryOptions;
  /** Fault-injection point just before COMMIT (tests prove a crash there leaves nothing). */
  beforeCommit?: () => Promise<void>;
}

const summaryRowSchema = z.object({
  row_count: z.coerce.number().int(),
  rejected_count: z.coerce.number().int(),
});

/** sha256 (hex) of the canonical lines joined with "\n", hashed chunk by chunk as DuckDB streams them. */
async function landingChecksum(
  connection: DuckDBConnection,
  columns: readonly ColumnSpec[],
): Promise<string> {
  const hash = createHash('sha256');
  const result = await connection.stream(canonicalLinesSql(columns));
  let separator = '';
  for (
    let chunk = await result.fetchChunk();
    chunk !== null && chunk.rowCount > 0;
    chunk = await result.fetchChunk()
  ) {
    for (const line of chunk.getColumnValues(0)) {
      hash.update(separator);
      hash.update(String(line));
      separator = '\n';
    }
  }
  return hash.digest('hex');
}

const existingColumnSchema = z.object({ column_name: z.string(), data_type: z.string() });

async function readRows(
  connection: DuckDBConnection,
  sql: string,
  values?: Record<string, string | number>,
): Promise<unknown[]> {
  const reader = await connection.runAndReadAll(sql, values);
  return reader.getRowObjectsJson();
}

/**
 * Brings an existing raw table up to the declared columns: adds new columns (additive schema
 * evolution); a declared column whose type changed is an error (land under a new entity name).
 */
async function reconcileTargetColumns(
  connection: DuckDBConnection,
  tables: LandingTables,
  entity: string,
  columns: readonly ColumnSpec[],
): Promise<void> {
  const existing = z
    .array(existingColumnSchema)
    .parse(
      await readRows(
        connection,
        `select column_name, data_type from duckdb_columns() ` +
          `where database_name = 'lake' and schema_name = $schema and table_name = $table`,
        { schema: tables.schema, table: entity },
      ),
    );
  const existingTypes = new Map(existing.map((row) => [row.column_name, row.data_type]));
  for (const column of [...columns, ...LINEAGE_COLUMNS]) {
    const type = existingTypes.get(column.name);
    if (type === undefined) {
      await connection.run(
        `alter table ${tables.target} add column ${columnDefinitionSql(column)}`,
      );
    } else if (type !== column.type) {
      throw new Error(
        `Column ${tables.schema}.${entity}.${column.name} is ${type} in the lake but ${column.type} ` +
          'in this landing: changing a column type needs a new entity or a migration.',
      );
    }
  }
}

/**
 * Lands one window of records into `lake.raw_<source>.<entity>`.
 *
 * 1. Outside any lock: read the NDJSON (read_json) or Parquet file (declared columns, as text), TRY_CAST each
 *    to its type, and set aside records with a missing required value or a failed cast (reason in
 *    Chinese with a code). Compute counts, the checksum and the schema hash.
 * 2. In ONE transaction on the serialised commit path: create what is missing, delete the window's
 *    earlier rows and quarantine rows, insert the new ones, insert the caller's quarantined records,
 *    write the manifest row to `lake.meta.landings`, commit. A crash before COMMIT leaves the lake
 *    as it was; re-landing the same window replaces it.
 */
export async function landRecords(
  lake: Lake,
  request: LandingRequest,
  options: LandRecordsOptions = {},
): Promise<LandingResult> {
  const valid = landingRequestSchema.parse(request);
  const columns: ColumnSpec[] = valid.columns.map((column) => ({
    name: column.name,
    type: column.type,
    required: column.required,
    ...(column.description === undefined ? {} : { description: column.description }),
  }));
  const tables = landingTables(valid.source, valid.entity);
  // Concurrency: each landing owns its connection (parallel landings on one Lake share none; 0006).
  const connection = await lake.connect();
  try {
    await connection.run(
      valid.parquetPath === undefined
        ? readNdjsonSql(valid.ndjsonPath ?? '', columns)
        : readParquetSql(valid.parquetPath, columns),
    );
    await connection.run(checkRecordsSql(columns));
    const summary = summaryRowSchema.parse((await readRows(connection, landingSummarySql()))[0]);
    const checksum = await landingChecksum(connection, columns);
    const landingId = randomUUID();
    const result: LandingResult = {
      landingId,
      rowCount: summary.row_count,
      quarantinedCount: summary.rejected_count + valid.quarantined.length,
      checksum,
      schemaHash: schemaHash(columns),
    };
    const lineage = {
      landing_id: landingId,
      window: valid.window,
      landed_at: utcTimestampText(new Date()),
    };
    await runLakeTransaction(
      lake,
      async (tx) => {
        for (const sql of createSchemasSql(tables)) await tx.run(sql);
        await tx.run(createTargetSql(tables, columns));
        await reconcileTargetColumns(tx, tables, valid.entity, columns);
        await tx.run(createQuarantineSql(tables));
        await tx.run(createManifestSql(tables));
        for (const sql of deleteWindowSql(tables)) await tx.run(sql, { window: valid.window });
        await tx.run(insertLandedRowsSql(tables, columns), lineage);
        const [checkedRejects, supplied] = insertQuarantineSql(tables);
        if (checkedRejects !== undefined) await tx.run(checkedRejects, lineage);
        if (supplied !== undefined && valid.quarantined.length > 0) {
          await tx.run(supplied, { ...lineage, supplied: JSON.stringify(valid.quarantined) });
        }
        await tx.run(insertManifestSql(tables), {
          ...lineage,
          source: valid.source,
          entity: valid.entity,
          row_count: result.rowCount,
          quarantined_count: result.quarantinedCount,
          checksum: result.checksum,
          schema_hash: result.schemaHash,
          columns_json: JSON.stringify(columns),
        });
        await tx.run(
          `call lake.set_commit_message('sg-lake', ${sqlString(
            `land ${tables.schema}.${valid.entity} window=${valid.window}`,
          )}, extra_info => ${sqlString(JSON.stringify({ landing_id: landingId }))})`,
        );
      },
      {
        purpose: `land ${tables.schema}.${valid.entity} ${valid.window}`,
        connection,
        ...(options.lock === undefined ? {} : { lock: options.lock }),
        ...(options.retry === undefined ? {} : { retry: options.retry }),
        ...(options.beforeCommit === undefined ? {} : { beforeCommit: options.beforeCommit }),
      },
    );
    return result;
  } finally {
    connection.closeSync();
  }
}

/** The raw table a landing writes, as `lake."raw_<source>"."<entity>"` (for readers). */
export function rawTableName(source: string, entity: string): string {
  return landingTables(source, entity).target;
}
