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

/**
 * The SELECT list as it is built: each selected column with its Cube output keys, which columns
 * are grouped, each member's annotation, and the alias an `order` entry sorts by.
 */
class SelectList {
  readonly selects: string[] = [];
  readonly groupBy: number[] = [];
  readonly columns: OutputColumn[] = [];
  readonly aliasNameToMember: Record<string, string> = {};
  readonly annotation: QueryAnnotation = {
    measures: {},
    dimensions: {},
    segments: {},
    timeDimensions: {},
  };
  /** Order key (member name as written in `order`) → SQL alias. */
  readonly orderAliases = new Map<string, string>();

  private select(sql: string, output: OutputColumn, grouped: boolean): void {
    if (this.columns.some((c) => c.alias === output.alias)) return;
    this.selects.push(`${sql} AS "${output.alias}"`);
    this.columns.push(output);
    if (grouped) this.groupBy.push(this.selects.length);
  }

  private name(alias: string, member: string): void {
    this.aliasNameToMember[alias] = member;
    this.orderAliases.set(member, alias);
  }

  addDimension(view: SemanticView, name: string): void {
    const dimension = resolveDimension(view, name);
    const alias = aliasOf(name);
    const sql = dimension.type === 'time' ? formatTime(dimension.sql) : dimension.sql;
    this.select(sql, { alias, keys: [name], type: dimension.type }, true);
    this.annotation.dimensions[name] = dimensionAnnotation(dimension);
    this.name(alias, name);
  }

  /** A time dimension with a granularity: the truncated time, filling both Cube keys when alone. */
  addTimeGranularity(dimension: ViewDimension, member: string, granularity: Granularity): void {
    const alias = aliasOf(member, granularity);
    const key = `${member}.${granularity}`;
    const keys = this.columns.some((c) => c.keys.includes(member)) ? [key] : [key, member];
    const sql = formatTime(`date_trunc('${granularity}', ${dimension.sql})`);
    this.select(sql, { alias, keys, type: 'time' }, true);
    const annotation = {
      ...dimensionAnnotation(dimension),
      granularity: {
        name: granularity,
        title: GRANULARITY_TITLES[granularity],
        interval: `1 ${granularity}`,
      },
    };
    for (const k of keys) this.annotation.timeDimensions[k] = annotation;
    this.name(alias, key);
    if (!this.orderAliases.has(member)) this.orderAliases.set(member, alias);
  }

  addMeasure(view: SemanticView, name: string): void {
    const measure = resolveMeasure(view, name);
    const alias = aliasOf(name);
    this.select(measure.sql, { alias, keys: [name], type: 'number' }, false);
    this.annotation.measures[name] = {
      title: measure.title,
      shortTitle: measure.shortTitle,
      type: 'number',
      ...(measure.description === undefined ? {} : { description: measure.description }),
      ...(measure.format === undefined ? {} : { format: measure.format }),
      drillMembers: [],
      drillMembersGrouped: { measures: [], dimensions: [] },
    };
    this.name(alias, name);
  }

  /** ORDER BY terms for `order`; each member must be one the query selects. */
  orderTerms(order: readonly [string, 'asc' | 'desc'][]): string[] {
    return order.map(([name, direction]) => {
      const alias = this.orderAliases.get(name);
      if (alias === undefined) {
        throw new QueryError(`order member '${name}' must be one of the query's members`);
      }
      return `"${alias}" ${direction === 'desc' ? 'DESC' : 'ASC'}`;
    });
  }
}

function rejectUnsupported(query: CubeQuery): void {
  if (query.ungrouped === true) throw new QueryError('ungrouped queries are not supported');
  if (query.timezone !== undefined && !['UTC', 'Etc/UTC'].includes(query.timezone)) {
    throw new QueryError(`timezone '${query.timezone}' is not supported; times are UTC`);
  }
  if (query.timeDimensions.some((td) => td.compareDateRange !== undefined)) {
    throw new QueryError('compareDateRange is not supported');
  }
}

/** The WHERE term of a time dimension's date range (bounds as parameters). */
function dateRangeCondition(
  dimension: ViewDimension,
  dateRange: NonNullable<CubeQuery['timeDimensions'][number]['dateRange']>,
  params: ParameterList,
  now: Date,
): string {
  let range: { from: string; to: string };
  try {
    range = resolveDateRange(dateRange, now);
  } catch (error) {
    if (error instanceof DateRangeError) throw new QueryError(error.message);
    throw error;
  }
  const from = params.add(range.from);
  const to = params.add(range.to);
  return `(${dimension.sql} >= CAST(${from} AS TIMESTAMP) AND ${dimension.sql} <= CAST(${to} AS TIMESTAMP))`;
}

/** The query's filters as echoed back: only the fields Cube echoes. */
function echoedFilters(query: CubeQuery): QueryFilter[] {
  return query.filters.map(function normalize(f): QueryFilter {
    if ('and' in f) return { and: f.and.map(normalize) };
    if ('or' in f) return { or: f.or.map(normalize) };
    const member: MemberFilter = { member: f.member, operator: f.operator, values: f.values };
    return member;
  });
}

function normalizedQuery(
  query: CubeQuery,
  order: readonly [string, 'asc' | 'desc'][],
  limit: number,
): NormalizedQuery {
  return {
    measures: query.measures,
    dimensions: query.dimensions,
    segments: query.segments,
    timeDimensions: query.timeDimensions,
    filters: echoedFilters(query),
    order: order.map(([id, direction]) => ({ id, desc: direction === 'desc' })),
    limit,
    rowLimit: limit,
    ...(query.offset === undefined ? {} : { offset: query.offset }),
    timezone: 'UTC',
    ...(query.total === undefined ? {} : { total: query.total }),
    ...(query.responseFormat === undefined ? {} : { responseFormat: query.responseFormat }),
  };
}

/** Compiles a parsed Cube query. `now` anchors relative date ranges ('last 7 days'). */
export function compileQuery(
  model: SemanticModel,
  query: CubeQuery,
  now: Date = new Date(),
): CompiledQuery {
  rejectUnsupported(query);
  const view = queryView(model, query);
  if (query.segments.length > 0) {
    throw new QueryError(`view '${view.name}' has no segment '${query.segments[0] ?? ''}'`);
  }
  const params = new ParameterList();
  const list = new SelectList();
  for (const name of query.dimensions) list.addDimension(view, name);
  const where: string[] = [];
  for (const td of query.timeDimensions) {
    const dimension = resolveTimeDimension(view, td.dimension);
    if (td.granularity !== undefined) {
      list.addTimeGranularity(dimension, td.dimension, td.granularity);
    }
    if (td.dateRange !== undefined) {
      where.push(dateRangeCondition(dimension, td.dateRange, params, now));
    }
  }
  for (const name of query.measures) list.addMeasure(view, name);
  if (list.selects.length === 0) {
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
  const orderTerms = list.orderTerms(order);
  const limit = Math.min(query.limit ?? query.rowLimit ?? DEFAULT_ROW_LIMIT, MAX_ROW_LIMIT);
  const body = [
    `SELECT ${list.selects.join(', ')}`,
    `FROM ${view.from}`,
    ...(where.length > 0 ? [`WHERE ${where.join(' AND ')}`] : []),
    ...(list.groupBy.length > 0 ? [`GROUP BY ${list.groupBy.join(', ')}`] : []),
    ...(having.length > 0 ? [`HAVING ${having.join(' AND ')}`] : []),
  ];
  const sql = [
    ...body,
    ...(orderTerms.length > 0 ? [`ORDER BY ${orderTerms.join(', ')}`] : []),
    `LIMIT ${limit}`,
    ...(query.offset !== undefined && query.offset > 0 ? [`OFFSET ${query.offset}`] : []),
  ].join('\n');

  return {
    viewName: view.name,
    sql,
    params: params.values,
    totalSql:
      query.total === true ? `SELECT count(*) AS "total" FROM (\n${body.join('\n')}\n)` : undefined,
    columns: list.columns,
    annotation: list.annotation,
    query: normalizedQuery(query, order, limit),
    aliasNameToMember: list.aliasNameToMember,
  };
}
