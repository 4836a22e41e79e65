// Resolves parsed model files into a queryable model: cubes (private building blocks) and views
// (the public API). Every SQL fragment a query can produce comes from here, never from a request.
import type {
  CubeFile,
  DimensionType,
  MeasureType,
  ModelFile,
  ViewFile,
} from './model-file-schema.ts';

export class ModelError extends Error {
  override name = 'ModelError';
}

export interface ViewMeasure {
  readonly kind: 'measure';
  /** Fully qualified: `view.member`. */
  readonly name: string;
  readonly title: string;
  readonly shortTitle: string;
  readonly description: string | undefined;
  readonly type: MeasureType;
  readonly format: 'currency' | 'percent' | 'number' | undefined;
  /** Aggregate SQL expression, e.g. `count(*)` or `sum("enterprises".x)`. */
  readonly sql: string;
}

export interface ViewDimension {
  readonly kind: 'dimension';
  readonly name: string;
  readonly title: string;
  readonly shortTitle: string;
  readonly description: string | undefined;
  readonly type: DimensionType;
  readonly primaryKey: boolean;
  /** Row-level SQL expression, e.g. `"enterprises".prefecture_name`. */
  readonly sql: string;
}

export type ViewMember = ViewMeasure | ViewDimension;

export interface SemanticView {
  readonly name: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly public: boolean;
  /** The FROM clause: `lake.marts.enterprises AS "enterprises"`. */
  readonly from: string;
  readonly measures: ReadonlyMap<string, ViewMeasure>;
  readonly dimensions: ReadonlyMap<string, ViewDimension>;
}

export interface SemanticModel {
  /** Names of private cubes (so a request naming one gets a precise error). */
  readonly cubeNames: ReadonlySet<string>;
  readonly views: ReadonlyMap<string, SemanticView>;
}

const CUBE_REFERENCE = '{CUBE}';

/** Replaces `{CUBE}` with the quoted cube alias; any other `{…}` reference is not supported. */
export function resolveMemberSql(sql: string, cubeName: string, where: string): string {
  const resolved = sql.split(CUBE_REFERENCE).join(`"${cubeName}"`);
  const leftover = /\{[^}]*\}/.exec(resolved);
  if (leftover) {
    throw new ModelError(
      `${where}: reference ${leftover[0]} is not supported (only {CUBE} is); write the column SQL instead`,
    );
  }
  if (resolved.includes(';')) {
    throw new ModelError(`${where}: member SQL may not contain ';'`);
  }
  return resolved;
}

/** The aggregate expression of a measure (Cube measure types, DuckDB SQL). */
export function aggregateSql(type: MeasureType, sql: string | undefined, where: string): string {
  if (type === 'count') return sql === undefined ? 'count(*)' : `count(${sql})`;
  if (sql === undefined) throw new ModelError(`${where}: measure type '${type}' needs sql`);
  switch (type) {
    case 'count_distinct':
      return `count(DISTINCT ${sql})`;
    case 'sum':
      return `sum(${sql})`;
    case 'avg':
      return `avg(${sql})`;
    case 'min':
      return `min(${sql})`;
    case 'max':
      return `max(${sql})`;
    case 'number':
      return sql;
  }
}

function indexCubes(files: readonly ModelFile[]): Map<string, CubeFile> {
  const cubes = new Map<string, CubeFile>();
  for (const file of files) {
    for (const cube of file.cubes ?? []) {
      if (cubes.has(cube.name)) throw new ModelError(`cube '${cube.name}' is defined twice`);
      const names = [...cube.measures, ...cube.dimensions].map((m) => m.name);
      const duplicate = names.find((n, i) => names.indexOf(n) !== i);
      if (duplicate !== undefined) {
        throw new ModelError(`cube '${cube.name}': member '${duplicate}' is defined twice`);
      }
      cubes.set(cube.name, cube);
    }
  }
  return cubes;
}

interface IncludedMember {
  readonly source: string;
  readonly alias: string;
  readonly title: string | undefined;
  readonly description: string | undefined;
}

function includedMembers(view: ViewFile, cube: CubeFile, index: number): IncludedMember[] {
  const entry = view.cubes[index];
  if (entry === undefined) return [];
  const all = [...cube.measures, ...cube.dimensions];
  const prefix = entry.prefix === true ? `${cube.name}_` : '';
  const chosen: IncludedMember[] =
    entry.includes === '*'
      ? all
          .filter((m) => m.public !== false)
          .map((m) => ({ source: m.name, alias: m.name, title: undefined, description: undefined }))
      : entry.includes.map((inc) =>
          typeof inc === 'string'
            ? { source: inc, alias: inc, title: undefined, description: undefined }
            : {
                source: inc.name,
                alias: inc.alias ?? inc.name,
                title: inc.title,
                description: inc.description,
              },
        );
  const excluded = new Set(entry.excludes ?? []);
  return chosen
    .filter((m) => !excluded.has(m.source))
    .map((m) => ({ ...m, alias: `${prefix}${m.alias}` }));
}

function buildView(view: ViewFile, cubes: ReadonlyMap<string, CubeFile>): SemanticView {
  const roots = new Set(view.cubes.map((c) => c.join_path.split('.')[0]));
  if (roots.size !== 1 || view.cubes.some((c) => c.join_path.includes('.'))) {
    throw new ModelError(
      `view '${view.name}': joins between cubes are not supported yet; use one cube per view`,
    );
  }
  const measures = new Map<string, ViewMeasure>();
  const dimensions = new Map<string, ViewDimension>();
  let from = '';
  view.cubes.forEach((entry, index) => {
    const cube = cubes.get(entry.join_path);
    if (cube === undefined) {
      throw new ModelError(`view '${view.name}': join_path '${entry.join_path}' is not a cube`);
    }
    from = `${cube.sql_table} AS "${cube.name}"`;
    for (const inc of includedMembers(view, cube, index)) {
      const name = `${view.name}.${inc.alias}`;
      const where = `view '${view.name}', member '${inc.alias}'`;
      if (measures.has(name) || dimensions.has(name)) {
        throw new ModelError(`${where}: included twice`);
      }
      const measure = cube.measures.find((m) => m.name === inc.source);
      const dimension = cube.dimensions.find((d) => d.name === inc.source);
      const shortTitle = inc.title ?? measure?.title ?? dimension?.title ?? inc.alias;
      const title = `${view.title} ${shortTitle}`;
      const description = inc.description ?? measure?.description ?? dimension?.description;
      if (measure !== undefined) {
        const memberSql =
          measure.sql === undefined ? undefined : resolveMemberSql(measure.sql, cube.name, where);
        measures.set(name, {
          kind: 'measure',
          name,
          title,
          shortTitle,
          description,
          type: measure.type,
          format: measure.format,
          sql: aggregateSql(measure.type, memberSql, where),
        });
      } else if (dimension !== undefined) {
        dimensions.set(name, {
          kind: 'dimension',
          name,
          title,
          shortTitle,
          description,
          type: dimension.type,
          primaryKey: dimension.primary_key === true,
          sql: resolveMemberSql(dimension.sql, cube.name, where),
        });
      } else {
        throw new ModelError(`${where}: cube '${cube.name}' has no member '${inc.source}'`);
      }
    }
  });
  return {
    name: view.name,
    title: view.title,
    description: view.description,
    public: view.public !== false,
    from,
    measures,
    dimensions,
  };
}

/** Builds the queryable model from parsed model files. Pure; throws ModelError on a bad model. */
export function buildSemanticModel(files: readonly ModelFile[]): SemanticModel {
  const cubes = indexCubes(files);
  const views = new Map<string, SemanticView>();
  for (const file of files) {
    for (const view of file.views ?? []) {
      if (views.has(view.name) || cubes.has(view.name)) {
        throw new ModelError(`view '${view.name}' clashes with another cube or view name`);
      }
      views.set(view.name, buildView(view, cubes));
    }
  }
  return { cubeNames: new Set(cubes.keys()), views };
}
