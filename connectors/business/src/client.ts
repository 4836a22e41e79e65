/**
 * The legacy business database as the connector sees it: table descriptions and pages of rows,
 * every value as the database's own text (amounts as exact DECIMAL text, times as Beijing-local
 * DATETIME text). Implementations: the live clients (live-client.ts: PostgreSQL, MariaDB — the
 * embedded PGlite default speaks PostgreSQL) and the snapshot client (snapshot-client.ts, for
 * tests). None knows whether the database is the client's or the simulator's.
 */
import type { SourceColumn } from './schemas.ts';

export type SourceValue = string | null;
export type SourceRow = Record<string, SourceValue>;

export interface RowPageQuery {
  readonly table: string;
  /** Columns to read (all exist in the table). */
  readonly columns: readonly string[];
  /** Single-column primary key: pages are ordered by it. */
  readonly key: string;
  /** Keyset paging: only keys after this one. */
  readonly afterKey?: string;
  /** Only rows with `updated_at >= updatedSince` (Beijing-local 'YYYY-MM-DD HH:MM:SS'). */
  readonly updatedSince?: string;
  readonly limit: number;
}

export interface KeyPageQuery {
  readonly table: string;
  readonly key: string;
  readonly afterKey?: string;
  readonly limit: number;
}

export interface BusinessSourceClient {
  /** 'postgres' | 'mariadb' | 'snapshot'. */
  readonly dialect: string;
  /** The table's columns as the database declares them now; null when the table does not exist. */
  describeTable(table: string): Promise<SourceColumn[] | null>;
  /** One page of rows ordered by key, values as text. */
  readRows(query: RowPageQuery): Promise<SourceRow[]>;
  /** One page of primary keys, ordered. */
  readKeys(query: KeyPageQuery): Promise<string[]>;
  /**
   * Runs `work` inside one read-only, repeatable-read transaction, so every page of every table
   * comes from the same snapshot of the database (a row changed during the extraction is seen
   * by the next one, never half). Not re-entrant.
   */
  inSnapshot<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
