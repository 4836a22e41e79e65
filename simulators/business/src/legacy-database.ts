/**
 * A connection to the legacy database the simulator writes, PostgreSQL or MariaDB, chosen by the
 * URL's scheme (postgres:// | postgresql:// | mariadb:// | mysql://). Bulk loading uses each
 * server's fast path: COPY FROM STDIN (pg-copy-streams) on PostgreSQL, the batch protocol on
 * MariaDB; the embedded PGlite server does not take COPY over the wire (measured: "protocol
 * synchronization was lost"), so it gets multi-row INSERTs.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as mariadb from 'mariadb';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { quoteIdentifier } from './legacy-schema.ts';
import type { LegacyDialect } from './legacy-schema.ts';
import type { LegacyValue } from './legacy-values.ts';

export type BulkLoadMethod = 'copy' | 'insert' | 'batch';

export interface LegacyDatabase {
  readonly dialect: LegacyDialect;
  readonly bulkLoadMethod: BulkLoadMethod;
  /** Runs one statement; `?` placeholders on MariaDB, `$1…` on PostgreSQL (see `placeholder`). */
  execute(sql: string, params?: readonly LegacyValue[]): Promise<void>;
  /** Rows as objects with every value as text (or null). */
  queryText(sql: string, params?: readonly LegacyValue[]): Promise<Record<string, LegacyValue>[]>;
  /** Appends rows (values in `columns` order) to `table`. */
  bulkInsert(
    table: string,
    columns: readonly string[],
    rows: readonly LegacyValue[][],
  ): Promise<void>;
  close(): Promise<void>;
}

export interface ConnectLegacyOptions {
  /** PostgreSQL only: 'copy' (default) or 'insert' (for servers without COPY, e.g. PGlite). */
  readonly postgresBulkLoad?: 'copy' | 'insert';
}

export function dialectOfUrl(url: string): LegacyDialect {
  const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') return 'postgres';
  if (scheme === 'mariadb' || scheme === 'mysql') return 'mariadb';
  throw new Error(`业务系统数据库地址的协议不受支持：${scheme}（应为 postgres:// 或 mariadb://）`);
}

/** The n-th (1-based) bind placeholder of the dialect. */
export function placeholder(dialect: LegacyDialect, n: number): string {
  return dialect === 'postgres' ? `$${n}` : '?';
}

/** One CSV field for COPY … (FORMAT csv): NULL unquoted-empty, every value quoted. */
export function csvField(value: LegacyValue): string {
  return value === null ? '' : `"${value.replaceAll('"', '""')}"`;
}

function textRow(row: Record<string, unknown>): Record<string, LegacyValue> {
  const out: Record<string, LegacyValue> = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] =
      value === null || value === undefined
        ? null
        : typeof value === 'string'
          ? value
          : typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean'
            ? String(value)
            : JSON.stringify(value);
  }
  return out;
}

const INSERT_ROWS_PER_STATEMENT = 500;

function textValue(value: string): string {
  return value;
}

async function connectPostgres(url: string, method: 'copy' | 'insert'): Promise<LegacyDatabase> {
  // Every value arrives as the server's text (no Date objects in the local zone, NUMERIC exact).
  // Concurrency: one client per CLI command (seed, advance), statements awaited in turn (0006).
  const client = new pg.Client({
    connectionString: url,
    types: { getTypeParser: () => textValue },
  });
  client.on('error', () => undefined);
  await client.connect();
  const q = (name: string): string => quoteIdentifier('postgres', name);
  return {
    dialect: 'postgres',
    bulkLoadMethod: method,
    execute: async (sql, params = []) => {
      await client.query(sql, [...params]);
    },
    queryText: async (sql, params = []) => {
      const result = await client.query<Record<string, unknown>>(sql, [...params]);
      return result.rows.map(textRow);
    },
    bulkInsert: async (table, columns, rows) => {
      if (rows.length === 0) return;
      const target = `${q(table)} (${columns.map(q).join(', ')})`;
      if (method === 'copy') {
        const lines = rows.map((row) => `${row.map(csvField).join(',')}\n`);
        await pipeline(
          Readable.from(lines),
          client.query(copyFrom(`COPY ${target} FROM STDIN WITH (FORMAT csv)`)),
        );
        return;
      }
      for (let start = 0; start < rows.length; start += INSERT_ROWS_PER_STATEMENT) {
        const chunk = rows.slice(start, start + INSERT_ROWS_PER_STATEMENT);
        const values: LegacyValue[] = [];
        const tuples = chunk.map((row) => {
          const marks = row.map((value) => {
            values.push(value);
            return `$${values.length}`;
          });
          return `(${marks.join(', ')})`;
        });
        await client.query(`INSERT INTO ${target} VALUES ${tuples.join(', ')}`, values);
      }
    },
    close: () => client.end(),
  };
}

async function connectMariaDb(url: string): Promise<LegacyDatabase> {
  // Concurrency: one connection per CLI command, statements awaited in turn (0006).
  const connection = await mariadb.createConnection(url);
  const q = (name: string): string => quoteIdentifier('mariadb', name);
  return {
    dialect: 'mariadb',
    bulkLoadMethod: 'batch',
    execute: async (sql, params = []) => {
      await connection.query(sql, [...params]);
    },
    queryText: async (sql, params = []) => {
      const rows = await connection.query<Record<string, unknown>[]>(
        { sql, dateStrings: true, bigIntAsNumber: false, decimalAsNumber: false },
        [...params],
      );
      return rows.map(textRow);
    },
    bulkInsert: async (table, columns, rows) => {
      if (rows.length === 0) return;
      const marks = columns.map(() => '?').join(', ');
      await connection.batch(
        `INSERT INTO ${q(table)} (${columns.map(q).join(', ')}) VALUES (${marks})`,
        rows.map((row) => [...row]),
      );
    },
    close: () => connection.end(),
  };
}

export async function connectLegacyDatabase(
  url: string,
  options: ConnectLegacyOptions = {},
): Promise<LegacyDatabase> {
  return dialectOfUrl(url) === 'postgres'
    ? connectPostgres(url, options.postgresBulkLoad ?? 'copy')
    : connectMariaDb(url);
}
