import { z } from 'zod';

/** Column types a landing may declare (DuckDB names). */
export const COLUMN_TYPES = [
  'VARCHAR',
  'BIGINT',
  'INTEGER',
  'DOUBLE',
  'DATE',
  'TIMESTAMP',
  'BOOLEAN',
] as const;

export type ColumnType = (typeof COLUMN_TYPES)[number];

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  required: boolean;
  description?: string;
}

export interface QuarantinedRecord {
  /** The source record as text (usually its JSON). */
  record: string;
  /** Why it was rejected, in Chinese; a code in the text is welcome. */
  reason: string;
  /** Machine-readable reason (default `source_rejected`). */
  reasonCode?: string;
}

export interface LandingRequest {
  /** Source system, e.g. `commerce` → schema `raw_commerce`. */
  source: string;
  /** Entity, e.g. `enterprises` → table `raw_commerce.enterprises`. */
  entity: string;
  /** The partition this landing replaces, e.g. `2024-06-01`. */
  window: string;
  columns: ColumnSpec[];
  /**
   * The records to land, as exactly one file (checked at run time): newline-delimited JSON (one
   * object per record, keys = column names; what API connectors stream) or Parquet (one column
   * per declared column, values as text; what DuckDB-side connectors COPY, read several times
   * faster than JSON).
   */
  ndjsonPath?: string;
  parquetPath?: string;
  /** Records the caller (the connector) already rejected. */
  quarantined: QuarantinedRecord[];
}

export interface LandingResult {
  landingId: string;
  rowCount: number;
  quarantinedCount: number;
  checksum: string;
  schemaHash: string;
}

/** Lower-case snake_case; a leading underscore is reserved for the lake's own columns. */
const IDENTIFIER = /^[a-z][a-z0-9_]{0,62}$/;

const identifierSchema = z
  .string()
  .regex(IDENTIFIER, 'must be lower-case snake_case starting with a letter (max 63 chars)');

export const columnSpecSchema = z.object({
  name: identifierSchema,
  type: z.enum(COLUMN_TYPES),
  required: z.boolean(),
  description: z.string().optional(),
});

export const landingRequestSchema = z
  .object({
    source: identifierSchema,
    entity: identifierSchema.refine((name) => !name.endsWith('__quarantine'), {
      message: 'the suffix __quarantine is reserved',
    }),
    window: z
      .string()
      .regex(
        /^[0-9A-Za-z][0-9A-Za-z_.:-]{0,63}$/,
        'window must be a short partition key like 2024-06-01',
      ),
    columns: z
      .array(columnSpecSchema)
      .min(1)
      .refine((columns) => new Set(columns.map((column) => column.name)).size === columns.length, {
        message: 'column names must be unique',
      }),
    ndjsonPath: z.string().min(1).optional(),
    parquetPath: z.string().min(1).optional(),
    quarantined: z.array(
      z.object({
        record: z.string(),
        reason: z.string().min(1),
        reasonCode: z.string().min(1).optional(),
      }),
    ),
  })
  .refine((request) => (request.ndjsonPath === undefined) !== (request.parquetPath === undefined), {
    message: 'give exactly one of ndjsonPath and parquetPath',
  });
