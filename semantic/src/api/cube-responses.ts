// Builds Cube REST API response bodies (/load, /sql, /meta) in the shapes @cubejs-client/core reads.
import type { SemanticModel, SemanticView } from '../model/semantic-model.ts';
import type { CompiledQuery, NormalizedQuery, QueryAnnotation } from '../query/compile-query.ts';

export type JsonScalar = string | number | boolean | null;
/** One result row keyed by SQL alias, values already JSON-safe. */
export type AliasRow = Readonly<Record<string, JsonScalar>>;
/** One Cube data row keyed by member name (`view.member`, `view.time.month`). */
export type CubeRow = Record<string, JsonScalar>;

export interface LoadResult {
  readonly query: NormalizedQuery;
  readonly data:
    | CubeRow[]
    | { members: string[]; dataset: JsonScalar[][] }
    | {
        members: string[];
        columns: JsonScalar[][];
      };
  readonly lastRefreshTime: string;
  readonly annotation: QueryAnnotation;
  readonly dataSource: 'default';
  readonly dbType: 'duckdb';
  readonly extDbType: 'cubestore';
  readonly external: false;
  readonly slowQuery: false;
  readonly total?: number;
}

export interface MultiLoadResponse {
  readonly queryType: 'regularQuery';
  readonly results: LoadResult[];
  readonly pivotQuery: NormalizedQuery & { queryType: 'regularQuery' };
  readonly slowQuery: false;
}

/** Maps SQL alias rows to Cube rows (a time dimension fills both `v.d.month` and `v.d`). */
export function cubeRows(compiled: CompiledQuery, rows: readonly AliasRow[]): CubeRow[] {
  return rows.map((row) => {
    const out: CubeRow = {};
    for (const column of compiled.columns) {
      const value = row[column.alias] ?? null;
      for (const key of column.keys) out[key] = value;
    }
    return out;
  });
}

function memberKeys(compiled: CompiledQuery): string[] {
  return compiled.columns.flatMap((c) => c.keys);
}

export function loadResult(
  compiled: CompiledQuery,
  rows: readonly AliasRow[],
  lastRefreshTime: string,
  total: number | undefined,
): LoadResult {
  const data = cubeRows(compiled, rows);
  const members = memberKeys(compiled);
  const shaped: LoadResult['data'] =
    compiled.query.responseFormat === 'compact'
      ? { members, dataset: data.map((row) => members.map((m) => row[m] ?? null)) }
      : compiled.query.responseFormat === 'columnar'
        ? { members, columns: members.map((m) => data.map((row) => row[m] ?? null)) }
        : data;
  return {
    query: compiled.query,
    data: shaped,
    lastRefreshTime,
    annotation: compiled.annotation,
    dataSource: 'default',
    dbType: 'duckdb',
    extDbType: 'cubestore',
    external: false,
    slowQuery: false,
    ...(total === undefined ? {} : { total }),
  };
}

/** The `queryType: 'multi'` envelope that @cubejs-client/core's `load()` asks for. */
export function multiLoadResponse(result: LoadResult): MultiLoadResponse {
  return {
    queryType: 'regularQuery',
    results: [result],
    pivotQuery: { ...result.query, queryType: 'regularQuery' },
    slowQuery: false,
  };
}

export function sqlResponse(compiled: CompiledQuery): { sql: Record<string, unknown> } {
  const timeDimension = compiled.query.timeDimensions.find((td) => td.granularity !== undefined);
  const timeAlias =
    timeDimension === undefined
      ? undefined
      : Object.entries(compiled.aliasNameToMember).find(
          ([, member]) =>
            member === `${timeDimension.dimension}.${timeDimension.granularity ?? ''}`,
        )?.[0];
  return {
    sql: {
      sql: [compiled.sql, [...compiled.params]],
      ...(timeAlias === undefined || timeDimension === undefined
        ? {}
        : { timeDimensionAlias: timeAlias, timeDimensionField: timeDimension.dimension }),
      order: compiled.query.order,
      cacheKeyQueries: [],
      preAggregations: [],
      rollupMatchResults: [],
      dataSource: 'default',
      aliasNameToMember: compiled.aliasNameToMember,
      external: false,
    },
  };
}

function viewMeta(view: SemanticView): Record<string, unknown> {
  const visible = { isVisible: true, public: true };
  return {
    name: view.name,
    title: view.title,
    ...(view.description === undefined ? {} : { description: view.description }),
    type: 'view',
    ...visible,
    connectedComponent: 1,
    measures: [...view.measures.values()].map((m) => ({
      name: m.name,
      title: m.title,
      shortTitle: m.shortTitle,
      ...(m.description === undefined ? {} : { description: m.description }),
      type: 'number',
      aggType: m.type === 'count_distinct' ? 'countDistinct' : m.type,
      cumulative: false,
      cumulativeTotal: false,
      drillMembers: [],
      drillMembersGrouped: { measures: [], dimensions: [] },
      ...(m.format === undefined ? {} : { format: m.format }),
      ...visible,
    })),
    dimensions: [...view.dimensions.values()].map((d) => ({
      name: d.name,
      title: d.title,
      shortTitle: d.shortTitle,
      ...(d.description === undefined ? {} : { description: d.description }),
      type: d.type,
      suggestFilterValues: true,
      primaryKey: d.primaryKey,
      ...visible,
    })),
    segments: [],
    folders: [],
    nestedFolders: [],
    hierarchies: [],
  };
}

/** /meta lists public views only: cubes are private building blocks. */
export function metaResponse(model: SemanticModel): { cubes: Record<string, unknown>[] } {
  return {
    cubes: [...model.views.values()].filter((v) => v.public).map(viewMeta),
  };
}
