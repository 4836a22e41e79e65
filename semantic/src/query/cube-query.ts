// Cube's REST query format (the part this server supports), validated with zod.
import { z } from 'zod';

export const GRANULARITIES = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const BINARY_OPERATORS = [
  'equals',
  'notEquals',
  'contains',
  'notContains',
  'startsWith',
  'notStartsWith',
  'endsWith',
  'notEndsWith',
  'gt',
  'gte',
  'lt',
  'lte',
  'inDateRange',
  'notInDateRange',
  'beforeDate',
  'beforeOrOnDate',
  'afterDate',
  'afterOrOnDate',
] as const;
export const UNARY_OPERATORS = ['set', 'notSet'] as const;
export type BinaryOperator = (typeof BINARY_OPERATORS)[number];
export type UnaryOperator = (typeof UNARY_OPERATORS)[number];

/** A member name as a client writes it: `view.member`. Resolution against the model comes later. */
const memberName = z.string().min(1).max(200);

/** Filter values are strings in Cube's format; numbers and booleans are accepted and stringified. */
const filterValue = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v));

export interface MemberFilter {
  member: string;
  operator: BinaryOperator | UnaryOperator;
  values: string[];
}
export interface AndFilter {
  and: QueryFilter[];
}
export interface OrFilter {
  or: QueryFilter[];
}
export type QueryFilter = MemberFilter | AndFilter | OrFilter;

const memberFilterSchema = z
  .strictObject({
    member: memberName.optional(),
    dimension: memberName.optional(),
    operator: z.enum([...BINARY_OPERATORS, ...UNARY_OPERATORS]),
    values: z.array(filterValue).max(1000).optional(),
  })
  .transform((f, ctx): MemberFilter => {
    const member = f.member ?? f.dimension;
    if (member === undefined) {
      ctx.addIssue({ code: 'custom', message: 'filter needs "member"' });
      return z.NEVER;
    }
    return { member, operator: f.operator, values: f.values ?? [] };
  });

export const queryFilterSchema: z.ZodType<QueryFilter> = z.lazy(() =>
  z.union([
    z.strictObject({ and: z.array(queryFilterSchema) }),
    z.strictObject({ or: z.array(queryFilterSchema) }),
    memberFilterSchema,
  ]),
);

const dateRangeSchema = z.union([z.string(), z.tuple([z.string(), z.string()])]);

const timeDimensionSchema = z.strictObject({
  dimension: memberName,
  granularity: z.enum(GRANULARITIES).optional(),
  dateRange: dateRangeSchema.optional(),
  compareDateRange: z.array(dateRangeSchema).optional(),
});

const orderDirection = z.enum(['asc', 'desc', 'none']);

export const cubeQuerySchema = z.strictObject({
  measures: z.array(memberName).default([]),
  dimensions: z.array(memberName).default([]),
  segments: z.array(memberName).default([]),
  filters: z.array(queryFilterSchema).default([]),
  timeDimensions: z.array(timeDimensionSchema).default([]),
  order: z
    .union([z.record(z.string(), orderDirection), z.array(z.tuple([memberName, orderDirection]))])
    .optional(),
  limit: z.number().int().min(0).nullable().optional(),
  rowLimit: z.number().int().min(0).nullable().optional(),
  offset: z.number().int().min(0).optional(),
  timezone: z.string().optional(),
  ungrouped: z.boolean().optional(),
  total: z.boolean().optional(),
  renewQuery: z.boolean().optional(),
  responseFormat: z.enum(['default', 'compact', 'columnar']).optional(),
});

export type CubeQueryInput = z.input<typeof cubeQuerySchema>;
export type CubeQuery = z.output<typeof cubeQuerySchema>;
export type TimeDimensionQuery = CubeQuery['timeDimensions'][number];
