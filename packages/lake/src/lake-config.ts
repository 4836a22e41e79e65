import { isAbsolute, join, resolve } from 'node:path';
import { resolveExtensionDirectory } from '@sg/duckdb-instance';
import { dataDirFromEnv } from '@sg/runtime-env';

/** Where the DuckLake catalog (the metadata database) lives. */
export type LakeCatalog = { kind: 'sqlite'; path: string } | { kind: 'postgres'; dsn: string };

export interface LakeConfig {
  /** `$SG_DATA_DIR`: all local state. */
  dataDir: string;
  /** Where DuckLake writes Parquet files; always ends with `/`. */
  dataPath: string;
  catalog: LakeCatalog;
  /** DuckDB extension folder (from the duckdb-ext wheels). */
  extensionDirectory: string;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function withTrailingSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

/**
 * Parses SG_LAKE_CATALOG_URL. Accepted forms: `postgres:<libpq key=value DSN>` (PostgreSQL catalog),
 * `sqlite:<path>` (SQLite catalog file; a relative path resolves against the current directory).
 * Unset or empty means the embedded default: SQLite at `<dataDir>/lake/catalog.sqlite`.
 */
export function parseCatalogUrl(url: string | undefined, dataDir: string): LakeCatalog {
  const value = nonEmpty(url);
  if (value === undefined) return { kind: 'sqlite', path: join(dataDir, 'lake', 'catalog.sqlite') };
  if (value.startsWith('postgres:')) {
    const dsn = value.slice('postgres:'.length).trim();
    if (dsn === '')
      throw new Error(
        'SG_LAKE_CATALOG_URL "postgres:" needs a DSN, e.g. postgres:dbname=lake host=127.0.0.1',
      );
    return { kind: 'postgres', dsn };
  }
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length).trim();
    if (path === '') throw new Error('SG_LAKE_CATALOG_URL "sqlite:" needs a file path');
    return { kind: 'sqlite', path: resolve(path) };
  }
  throw new Error(
    `SG_LAKE_CATALOG_URL must start with "postgres:" or "sqlite:" (got "${value}"); unset means the embedded SQLite catalog.`,
  );
}

/** The catalog as the URL form lakeConfigFromEnv accepts (what a child process gets). */
export function catalogUrl(catalog: LakeCatalog): string {
  return catalog.kind === 'sqlite' ? `sqlite:${catalog.path}` : `postgres:${catalog.dsn}`;
}

/**
 * Lake configuration from the environment: SG_DATA_DIR (default `<repo>/.data`),
 * SG_LAKE_CATALOG_URL (see parseCatalogUrl), SG_LAKE_DATA_PATH (default `$SG_DATA_DIR/lake/data/`),
 * SG_DUCKDB_EXTENSION_DIR (default: the virtualenv's duckdb_ext/extensions).
 */
export function lakeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LakeConfig {
  const dataDir = dataDirFromEnv(env);
  const dataPathSetting = nonEmpty(env['SG_LAKE_DATA_PATH']);
  const dataPath = withTrailingSlash(
    dataPathSetting === undefined
      ? join(dataDir, 'lake', 'data')
      : isAbsolute(dataPathSetting) || dataPathSetting.includes('://')
        ? dataPathSetting
        : resolve(dataPathSetting),
  );
  return {
    dataDir,
    dataPath,
    catalog: parseCatalogUrl(env['SG_LAKE_CATALOG_URL'], dataDir),
    extensionDirectory: resolveExtensionDirectory(undefined, env),
  };
}

/** The environment a child process (dbt, a worker) needs to open the same lake. */
export function lakeConfigToEnv(config: LakeConfig): Record<string, string> {
  return {
    SG_DATA_DIR: config.dataDir,
    SG_LAKE_CATALOG_URL: catalogUrl(config.catalog),
    SG_LAKE_DATA_PATH: config.dataPath,
    SG_DUCKDB_EXTENSION_DIR: config.extensionDirectory,
  };
}
