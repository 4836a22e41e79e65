// Compiles a Cube query against one public view into parameterised DuckDB SQL. Pure: identifiers
// and SQL fragments come only from the model; request values only ever become parameters.
import type { SemanticModel, SemanticView, ViewDimension } from '../model/semantic-model.ts';
import { compileFilter, filterMembers, ParameterList } from './compile-filters.ts';
import { cubeQuerySchema } from './cube-query.ts';
import type { CubeQuery, Granularity, MemberFilter, QueryFilter } from './cube-query.ts';
import { DateRangeError, resolveDateRange } from './date-range.ts';
import { QueryError } from './query-errors.ts';
import {
  resolveDimension,
  resolveMeasure,
  resolveTimeDimension,
  resolveView,
} from './resolve-members.ts';

/** Cube's default and maximum row limits. */
export const DEFAULT_ROW_LIMIT = 10_000;
export const MAX_ROW_LIMIT = 50_000;

export type ColumnValueType = 'number' | 'string' | 'time' | 'boolean';

/** One selected SQL column and the keys it fills in each Cube data row. */
export interface OutputColumn {
  readonly alias: string;
  readonly keys: readonly string[];
  readonly type: ColumnValueType;
}

export interface MemberAnnotation {
  readonly title: string;
  readonly shortTitle: string;
  readonly type: ColumnValueType;
  readonly description?: string;
  readonly format?: string;
  readonly drillMembers?: readonly string[];
  readonly drillMembersGrouped?: { measures: string[]; dimensions: string[] };
  readonly granularity?: { name: Granularity; title: string; interval: string };
}

export interface QueryAnnotation {
  readonly measures: Record<string, MemberAnnotation>;
  readonly dimensions: Record<string, MemberAnnotation>;
  readonly segments: Record<string, MemberAnnotation>;
  readonly timeDimensions: Record<string, MemberAnnotation>;
}

export interface NormalizedOrder {
  readonly id: string;
  readonly desc: boolean;
}

/** The query as echoed back in Cube's response (`query` / `pivotQuery`). */
export interface NormalizedQuery {
  readonly measures: string[];
  readonly dimensions: string[];
  readonly segments: string[];
  readonly timeDimensions: CubeQuery['timeDimensions'];
  readonly filters: QueryFilter[];
  readonly order: NormalizedOrder[];
  readonly limit: number;
  readonly rowLimit: number;
  readonly offset?: number;
  readonly timezone: string;
  readonly total?: boolean;
  readonly responseFormat?: 'default' | 'compact' | 'columnar';
}

export interface CompiledQuery {
  readonly viewName: string;
  readonly sql: string;
  readonly params: readonly string[];
  /** Row count of the same query without order/limit/offset (Cube's `total: true`). */
  readonly totalSql: string | undefined;
  readonly columns: readonly OutputColumn[];
  readonly annotation: QueryAnnotation;
  readonly query: NormalizedQuery;
  /** SQL alias → member name (Cube's /sql `aliasNameToMember`). */
  readonly aliasNameToMember: Record<string, string>;
}

const GRANULARITY_TITLES: Record<Granularity, string> = {
  day: '日',
  week: '周',
  month: '月',
  quarter: '季度',
  year: '年',
};

const ISO_LOCAL = `'%Y-%m-%dT%H:%M:%S.%g'`;

/** Time values leave DuckDB as Cube's local ISO strings: 2024-03-01T00:00:00.000. */
const formatTime = (sql: string): string => `strftime(CAST(${sql} AS TIMESTAMP), ${ISO_LOCAL})`;

const aliasOf = (memberName: string, granularity?: Granularity): string =>
  `${memberName.replace('.', '__')}${granularity === undefined ? '' : `_${granularity}`}`;

/** Parses a request body's query; zod errors become a QueryError (400) naming the field. */
export function parseCubeQuery(input: unknown): CubeQuery {
  if (Array.isArray(input)) {
    throw new QueryError('multiple queries (data blending, compareDateRange) are not supported');
  }
  const parsed = cubeQuerySchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'query'}: ${issue.message}`)
      .join('; ');
    throw new QueryError(`invalid query: ${issues}`);
  }
  return parsed.data;
}

function queryView(model: SemanticModel, query: CubeQuery): SemanticView {
  const names = [
    ...query.measures,
    ...query.dimensions,
    ...query.segments,
    ...query.timeDimensions.map((td) => td.dimension),
    ...query.filters.flatMap(filterMembers),
  ];
  const first = names[0];
  if (first === undefined || names.length === query.filters.flatMap(filterMembers).length) {
    throw new QueryError(
      'query must contain at least one of measures, dimensions or timeDimensions',
    );
  }
  const view = resolveView(model, first);
  for (const name of names) {
    if (resolveView(model, name) !== view) {
      throw new QueryError(`a query uses one view; '${name}' is not in view '${view.name}'`);
    }
  }
  return view;
}

function dimensionAnnotation(dimension: ViewDimension): MemberAnnotation {
  return {
    title: dimension.title,
    shortTitle: dimension.shortTitle,
    type: dimension.type,
    ...(dimension.description === undefined ? {} : { description: dimension.description }),
  };
}

function normalizeOrder(query: CubeQuery): [string, 'asc' | 'desc'][] {
  if (query.order === undefined) {
    const timeDimension = query.timeDimensions.find((td) => td.granularity !== undefined);
    if (timeDimension !== undefined) return [[timeDimension.dimension, 'asc']];
    if (query.measures[0] !== undefined) return [[query.measures[0], 'desc']];
    if (query.dimensions[0] !== undefined) return [[query.dimensions[0], 'asc']];
    return [];
  }
  const entries = Array.isArray(query.order) ? query.order : Object.entries(query.order);
  return entries.filter((e): e is [string, 'asc' | 'desc'] => e[1] !== 'none');
}

/** Compiles a parsed Cube query. `now` anchors relative date ranges ('last 7 days'). */
export function compileQuery(
  model: SemanticModel,
  query: CubeQuery,
  now: Date = new Date(),
): CompiledQuery {
  if (query.ungrouped === true) throw new QueryError('ungrouped queries are not supported');
  if (query.timezone !== undefined && !['UTC', 'Etc/UTC'].includes(query.timezone)) {
    throw new QueryError(`timezone '${query.timezone}' is not supported; times are UTC`);
  }
  const view = queryView(model, query);
  if (query.segments.length > 0) {
    throw new QueryError(`view '${view.name}' has no segment '${query.segments[0] ?? ''}'`);
  }
  const params = new ParameterList();
  const selects: string[] = [];
  const groupBy: number[] = [];
  const columns: OutputColumn[] = [];
  const aliasNameToMember: Record<string, string> = {};
  const annotation: QueryAnnotation = {
    measures: {},
    dimensions: {},
    segments: {},
    timeDimensions: {},
  };
  /** Order key (member name as written in `order`) → SQL alias. */
  const orderAliases = new Map<string, string>();
  const select = (sql: string, alias: string, output: OutputColumn, grouped: boolean): void => {
    if (columns.some((c) => c.alias === alias)) return;
    selects.push(`${sql} AS "${alias}"`);
    columns.push(output);
    if (grouped) groupBy.push(selects.length);
  };

  for (const name of query.dimensions) {
    const dimension = resolveDimension(view, name);
    const alias = aliasOf(name);
    const sql = dimension.type === 'time' ? formatTime(dimension.sql) : dimension.sql;
    select(sql, alias, { alias, keys: [name], type: dimension.type }, true);
    annotation.dimensions[name] = dimensionAnnotation(dimension);
    aliasNameToMember[alias] = name;
    orderAliases.set(name, alias);
  }

  const where: string[] = [];
  for (const td of query.timeDimensions) {
    const dimension = resolveTimeDimension(view, td.dimension);
    if (td.compareDateRange !== undefined) {
      throw new QueryError('compareDateRange is not supported');
    }
    if (td.granularity !== undefined) {
      const alias = aliasOf(td.dimension, td.granularity);
      const key = `${td.dimension}.${td.granularity}`;
      const keys = columns.some((c) => c.keys.includes(td.dimension)) ? [key] : [key, td.dimension];
      const sql = formatTime(`date_trunc('${td.granularity}', ${dimension.sql})`);
      select(sql, alias, { alias, keys, type: 'time' }, true);
      const granularity = {
        name: td.granularity,
        title: GRANULARITY_TITLES[td.granularity],
        interval: `1 ${td.granularity}`,
      };
      for (const k of keys) {
        annotation.timeDimensions[k] = { ...dimensionAnnotation(dimension), granularity };
      }
      aliasNameToMember[alias] = key;
      orderAliases.set(key, alias);
      if (!orderAliases.has(td.dimension)) orderAliases.set(td.dimension, alias);
    }
    if (td.dateRange !== undefined) {
      const range = (() => {
        try {
          return resolveDateRange(td.dateRange, now);
        } catch (error) {
          if (error instanceof DateRangeError) throw new QueryError(error.message);
          throw error;
        }
      })();
      where.push(
        `(${dimension.sql} >= CAST(${params.add(range.from)} AS TIMESTAMP) AND ${dimension.sql} <= CAST(${params.add(range.to)} AS TIMESTAMP))`,
      );
    }
  }

  for (const name of query.measures) {
    const measure = resolveMeasure(view, name);
    const alias = aliasOf(name);
    select(measure.sql, alias, { alias, keys: [name], type: 'number' }, false);
    annotation.measures[name] = {
      title: measure.title,
      shortTitle: measure.shortTitle,
      type: 'number',
      ...(measure.description === undefined ? {} : { description: measure.description }),
      ...(measure.format === undefined ? {} : { format: measure.format }),
      drillMembers: [],
      drillMembersGrouped: { measures: [], dimensions: [] },
    };
    aliasNameToMember[alias] = name;
    orderAliases.set(name, alias);
  }

  if (selects.length === 0) {
    throw new QueryError(
      'query must contain at least one of measures, dimensions or timeDimensions with a granularity',
    );
  }

  const having: string[] = [];
  for (const filter of query.filters) {
    const compiled = compileFilter(view, filter, params, now);
    (compiled.clause === 'where' ? where : having).push(compiled.sql);
  }

  const order = normalizeOrder(query);
  const orderSql = order.map(([name, direction]) => {
    const alias = orderAliases.get(name);
    if (alias === undefined) {
      throw new QueryError(`order member '${name}' must be one of the query's members`);
    }
    return `"${alias}" ${direction === 'desc' ? 'DESC' : 'ASC'}`;
  });

  const requestedLimit = query.limit ?? query.rowLimit ?? DEFAULT_ROW_LIMIT;
  const limit = Math.min(requestedLimit, MAX_ROW_LIMIT);
  const body = [
    `SELECT ${selects.join(', ')}`,
    `FROM ${view.from}`,
    ...(where.length > 0 ? [`WHERE ${where.join(' AND ')}`] : []),
    ...(groupBy.length > 0 ? [`GROUP BY ${groupBy.join(', ')}`] : []),
    ...(having.length > 0 ? [`HAVING ${having.join(' AND ')}`] : []),
  ];
  const sql = [
    ...body,
    ...(orderSql.length > 0 ? [`ORDER BY ${orderSql.join(', ')}`] : []),
    `LIMIT ${limit}`,
    ...(query.offset !== undefined && query.offset > 0 ? [`OFFSET ${query.offset}`] : []),
  ].join('\n');

  const filters: QueryFilter[] = query.filters.map(function normalize(f): QueryFilter {
    if ('and' in f) return { and: f.and.map(normalize) };
    if ('or' in f) return { or: f.or.map(normalize) };
    const member: MemberFilter = { member: f.member, operator: f.operator, values: f.values };
    return member;
  });

  return {
    viewName: view.name,
    sql,
    params: params.values,
    totalSql:
      query.total === true ? `SELECT count(*) AS "total" FROM (\n${body.join('\n')}\n)` : undefined,
    columns,
    annotation,
    query: {
      measures: query.measures,
      dimensions: query.dimensions,
      segments: query.segments,
      timeDimensions: query.timeDimensions,
      filters,
      order: order.map(([id, direction]) => ({ id, desc: direction === 'desc' })),
      limit,
      rowLimit: limit,
      ...(query.offset === undefined ? {} : { offset: query.offset }),
      timezone: 'UTC',
      ...(query.total === undefined ? {} : { total: query.total }),
      ...(query.responseFormat === undefined ? {} : { responseFormat: query.responseFormat }),
    },
    aliasNameToMember,
  };
}
