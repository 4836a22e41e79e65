/**
 * zod schemas at the connector's boundaries: its configuration, the database catalogue rows
 * (information_schema) it reads to detect schema drift, and the snapshot file format. Messages
 * are Chinese where people read them.
 */
import { z } from 'zod';

/** A column family: what the connector needs to know to read a legacy type. */
export const SOURCE_TYPE_FAMILIES = [
  'text',
  'integer',
  'decimal',
  'date',
  'datetime',
  'other',
] as const;
export type SourceTypeFamily = (typeof SOURCE_TYPE_FAMILIES)[number];

export interface SourceColumn {
  readonly name: string;
  /** Normalised declared type, e.g. 'varchar(32)', 'decimal(18,2)', 'integer', 'datetime'. */
  readonly sourceType: string;
  readonly family: SourceTypeFamily;
}

export const businessClientConfigSchema = z.object({
  url: z
    .string({ error: '缺少业务系统数据库地址' })
    .regex(/^(postgres|postgresql|mariadb|mysql):\/\//, {
      error: '业务系统数据库地址应以 postgres:// 或 mariadb:// 开头',
    }),
});
export type BusinessClientConfig = z.output<typeof businessClientConfigSchema>;

const nullableInt = z.coerce.number().int().nullable();

/** information_schema.columns as PostgreSQL reports it. */
export const postgresColumnRowSchema = z.object({
  column_name: z.string(),
  data_type: z.string(),
  character_maximum_length: nullableInt,
  numeric_precision: nullableInt,
  numeric_scale: nullableInt,
});

/** information_schema.columns as MariaDB reports it (COLUMN_TYPE is e.g. 'decimal(18,2)'). */
export const mariadbColumnRowSchema = z.object({
  column_name: z.string(),
  data_type: z.string(),
  column_type: z.string(),
});

const sourceValueSchema = z.string().nullable();

/** A recorded legacy database for the snapshot client. */
export const businessSnapshotSchema = z.object({
  description: z.string().optional(),
  tables: z.record(
    z.string(),
    z.object({
      columns: z.array(z.object({ name: z.string(), sourceType: z.string() })),
      rows: z.array(z.record(z.string(), sourceValueSchema)),
    }),
  ),
});
export type BusinessSnapshot = z.output<typeof businessSnapshotSchema>;
