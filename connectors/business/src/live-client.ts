/**
 * Live clients for the legacy business database: PostgreSQL (also the embedded PGlite default,
 * which speaks its wire protocol) and MariaDB. Reads only: information_schema for the columns,
 * keyset-paged SELECTs ordered by the primary key (bounded memory, no server cursor needed),
 * every value as text (pg: a text type parser for all types; MariaDB: dateStrings, DECIMAL and
 * BIGINT as strings), so amounts stay exact and DATETIMEs stay in the legacy local time.
 */
import { LOCAL_HOST, LOCAL_PORTS } from '@sg/runtime-env';
import * as mariadb from 'mariadb';
import pg from 'pg';
import { z } from 'zod';
import type { BusinessSourceClient, KeyPageQuery, RowPageQuery, SourceRow } from './client.ts';
import {
  businessClientConfigSchema,
  mariadbColumnRowSchema,
  postgresColumnRowSchema,
} from './schemas.ts';
import type { BusinessClientConfig, SourceColumn } from './schemas.ts';
import { mariadbSourceColumn, normaliseSourceType, typeFamily } from './source-types.ts';

export type BusinessEnv = Readonly<Record<string, string | undefined>>;

/** Port of the embedded default (the business simulator's PGlite server). */
export const DEFAULT_EMBEDDED_BUSINESS_DB_PORT = LOCAL_PORTS.businessDb.port;

/**
 * SG_BUSINESS_DB_URL (postgres://… or mariadb://…); unset → the embedded default
 * postgres://postgres@127.0.0.1:$SG_BUSINESS_DB_PORT/postgres (port default 5434).
 */
export function businessClientConfigFromEnv(env: BusinessEnv): BusinessClientConfig {
  const url = env['SG_BUSINESS_DB_URL']?.trim();
  if (url !== undefined && url !== '') return businessClientConfigSchema.parse({ url });
  const port = env['SG_BUSINESS_DB_PORT']?.trim() ?? '';
  return {
    url: `postgres://postgres@${LOCAL_HOST}:${port === '' ? String(DEFAULT_EMBEDDED_BUSINESS_DB_PORT) : port}/postgres`,
  };
}

function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  if (value instanceof Buffer) return value.toString('utf8');
  return JSON.stringify(value);
}

function textRow(row: Record<string, unknown>): SourceRow {
  const out: SourceRow = {};
  for (const [name, value] of Object.entries(row)) out[name] = textOf(value);
  return out;
}

function pgIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function mariadbIdent(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

function rowsSql(
  query: RowPageQuery,
  ident: (name: string) => string,
  mark: (n: number) => string,
): { sql: string; params: string[] } {
  const params: string[] = [];
  const where: string[] = [];
  if (query.updatedSince !== undefined) {
    params.push(query.updatedSince);
    where.push(`${ident('updated_at')} >= ${mark(params.length)}`);
  }
  if (query.afterKey !== undefined) {
    params.push(query.afterKey);
    where.push(`${ident(query.key)} > ${mark(params.length)}`);
  }
  const sql =
    `SELECT ${query.columns.map(ident).join(', ')} FROM ${ident(query.table)}` +
    (where.length === 0 ? '' : ` WHERE ${where.join(' AND ')}`) +
    ` ORDER BY ${ident(query.key)} LIMIT ${String(Math.trunc(query.limit))}`;
  return { sql, params };
}

function keysSql(
  query: KeyPageQuery,
  ident: (name: string) => string,
  mark: string,
): { sql: string; params: string[] } {
  const after = query.afterKey === undefined ? '' : ` WHERE ${ident(query.key)} > ${mark}`;
  return {
    sql: `SELECT ${ident(query.key)} AS record_key FROM ${ident(query.table)}${after} ORDER BY ${ident(query.key)} LIMIT ${String(Math.trunc(query.limit))}`,
    params: query.afterKey === undefined ? [] : [query.afterKey],
  };
}

function keysFrom(rows: Record<string, unknown>[]): string[] {
  return rows.map((row) => textOf(row['record_key']) ?? '');
}

function identity(value: string): string {
  return value;
}

/** BEGIN … work … COMMIT (ROLLBACK when work throws). */
async function inTransaction<T>(
  run: (sql: string) => Promise<unknown>,
  begin: string,
  work: () => Promise<T>,
): Promise<T> {
  await run(begin);
  try {
    const result = await work();
    await run('COMMIT');
    return result;
  } catch (error) {
    await run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

export async function createPostgresBusinessClient(url: string): Promise<BusinessSourceClient> {
  // Concurrency: one client per landing, used by landBusinessWindow's sequential loop only (0006).
  const client = new pg.Client({ connectionString: url, types: { getTypeParser: () => identity } });
  client.on('error', () => undefined);
  await client.connect();
  const mark = (n: number): string => `$${n}`;
  return {
    dialect: 'postgres',
    describeTable: async (table) => {
      const result = await client.query<Record<string, unknown>>(
        `SELECT column_name, data_type, character_maximum_length, numeric_precision, numeric_scale ` +
          `FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ` +
          `ORDER BY ordinal_position`,
        [table],
      );
      if (result.rows.length === 0) return null;
      return z
        .array(postgresColumnRowSchema)
        .parse(result.rows)
        .map((row): SourceColumn => ({
          name: row.column_name,
          family: typeFamily(row.data_type),
          sourceType: normaliseSourceType({
            dataType: row.data_type,
            length: row.character_maximum_length,
            precision: row.numeric_precision,
            scale: row.numeric_scale,
          }),
        }));
    },
    readRows: async (query) => {
      const { sql, params } = rowsSql(query, pgIdent, mark);
      const result = await client.query<Record<string, unknown>>(sql, params);
      return result.rows.map(textRow);
    },
    readKeys: async (query) => {
      const { sql, params } = keysSql(query, pgIdent, '$1');
      return keysFrom((await client.query<Record<string, unknown>>(sql, params)).rows);
    },
    inSnapshot: (work) =>
      inTransaction(
        (sql) => client.query(sql),
        'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
        work,
      ),
    close: () => client.end(),
  };
}

export async function createMariaDbBusinessClient(url: string): Promise<BusinessSourceClient> {
  // Concurrency: one connection per landing, sequential use only, like the pg client above (0006).
  const connection = await mariadb.createConnection(url);
  const read = async (sql: string, params: string[]): Promise<Record<string, unknown>[]> =>
    connection.query<Record<string, unknown>[]>(
      { sql, dateStrings: true, decimalAsNumber: false, bigIntAsNumber: false },
      params,
    );
  return {
    dialect: 'mariadb',
    describeTable: async (table) => {
      const rows = await read(
        `SELECT column_name AS column_name, data_type AS data_type, column_type AS column_type ` +
          `FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ? ` +
          `ORDER BY ordinal_position`,
        [table],
      );
      if (rows.length === 0) return null;
      return z
        .array(mariadbColumnRowSchema)
        .parse(rows)
        .map((row) => mariadbSourceColumn(row.column_name, row.data_type, row.column_type));
    },
    readRows: async (query) => {
      const { sql, params } = rowsSql(query, mariadbIdent, () => '?');
      return (await read(sql, params)).map(textRow);
    },
    readKeys: async (query) => {
      const { sql, params } = keysSql(query, mariadbIdent, '?');
      return keysFrom(await read(sql, params));
    },
    inSnapshot: async (work) => {
      await connection.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      return inTransaction(
        (sql) => connection.query(sql),
        'START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY',
        work,
      );
    },
    close: () => connection.end(),
  };
}

/** A live client for the URL's dialect (postgres:// | postgresql:// | mariadb:// | mysql://). */
export function createBusinessClient(config: BusinessClientConfig): Promise<BusinessSourceClient> {
  const { url } = businessClientConfigSchema.parse(config);
  return url.startsWith('postgres')
    ? createPostgresBusinessClient(url)
    : createMariaDbBusinessClient(url);
}
