// The subset of Cube's YAML data-model format that this semantic layer understands. Files are
// validated strictly so that a typo in a model file fails at start-up, not at query time.
import { z } from 'zod';

/** Cube member and cube names: identifiers that are safe to quote in generated SQL. */
export const IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const identifier = z
  .string()
  .regex(IDENTIFIER_PATTERN, 'must be an identifier ([A-Za-z_][A-Za-z0-9_]*)');

/** `schema.table` or `catalog.schema.table`, each part an identifier. */
const sqlTable = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,2}$/,
    'must be [catalog.]schema.table',
  );

export const MEASURE_TYPES = [
  'count',
  'count_distinct',
  'sum',
  'avg',
  'min',
  'max',
  'number',
] as const;
export const DIMENSION_TYPES = ['string', 'number', 'time', 'boolean'] as const;

export const measureFileSchema = z.strictObject({
  name: identifier,
  title: z.string().min(1),
  description: z.string().optional(),
  sql: z.string().min(1).optional(),
  type: z.enum(MEASURE_TYPES),
  format: z.enum(['currency', 'percent', 'number']).optional(),
  public: z.boolean().optional(),
});

export const dimensionFileSchema = z.strictObject({
  name: identifier,
  title: z.string().min(1),
  description: z.string().optional(),
  sql: z.string().min(1),
  type: z.enum(DIMENSION_TYPES),
  primary_key: z.boolean().optional(),
  public: z.boolean().optional(),
});

export const cubeFileSchema = z.strictObject({
  name: identifier,
  title: z.string().min(1),
  description: z.string().optional(),
  sql_table: sqlTable,
  public: z.boolean().optional(),
  measures: z.array(measureFileSchema).default([]),
  dimensions: z.array(dimensionFileSchema).default([]),
});

const viewIncludeSchema = z.union([
  identifier,
  z.strictObject({
    name: identifier,
    alias: identifier.optional(),
    title: z.string().min(1).optional(),
    description: z.string().optional(),
  }),
]);

export const viewCubeFileSchema = z.strictObject({
  join_path: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/),
  includes: z.union([z.literal('*'), z.array(viewIncludeSchema)]),
  excludes: z.array(identifier).optional(),
  prefix: z.boolean().optional(),
});

export const viewFileSchema = z.strictObject({
  name: identifier,
  title: z.string().min(1),
  description: z.string().optional(),
  public: z.boolean().optional(),
  cubes: z.array(viewCubeFileSchema).min(1),
});

/** One model file: either (or both) top-level keys, as in Cube. */
export const modelFileSchema = z.strictObject({
  cubes: z.array(cubeFileSchema).optional(),
  views: z.array(viewFileSchema).optional(),
});

export type CubeFile = z.infer<typeof cubeFileSchema>;
export type ViewFile = z.infer<typeof viewFileSchema>;
export type MeasureFile = z.infer<typeof measureFileSchema>;
export type DimensionFile = z.infer<typeof dimensionFileSchema>;
export type ModelFile = z.infer<typeof modelFileSchema>;
export type MeasureType = (typeof MEASURE_TYPES)[number];
export type DimensionType = (typeof DIMENSION_TYPES)[number];
