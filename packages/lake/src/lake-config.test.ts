import { describe, expect, it } from 'vitest';
import { catalogUrl, lakeConfigFromEnv, lakeConfigToEnv, parseCatalogUrl } from './lake-config.ts';
import type { LakeConfig } from './lake-config.ts';

const EXTENSIONS = '/opt/duckdb-ext/extensions';

/** A fixed environment: no repository lookup, no virtualenv lookup. */
const BASE_ENV = { SG_DATA_DIR: '/srv/sg/data', SG_DUCKDB_EXTENSION_DIR: EXTENSIONS };

const CASES: [string, NodeJS.ProcessEnv, LakeConfig][] = [
  [
    'the embedded default: SQLite catalog and data under SG_DATA_DIR',
    BASE_ENV,
    {
      dataDir: '/srv/sg/data',
      dataPath: '/srv/sg/data/lake/data/',
      catalog: { kind: 'sqlite', path: '/srv/sg/data/lake/catalog.sqlite' },
      extensionDirectory: EXTENSIONS,
    },
  ],
  [
    'a PostgreSQL catalog chosen by SG_LAKE_CATALOG_URL',
    { ...BASE_ENV, SG_LAKE_CATALOG_URL: 'postgres:dbname=lake host=10.0.0.5 user=sg' },
    {
      dataDir: '/srv/sg/data',
      dataPath: '/srv/sg/data/lake/data/',
      catalog: { kind: 'postgres', dsn: 'dbname=lake host=10.0.0.5 user=sg' },
      extensionDirectory: EXTENSIONS,
    },
  ],
  [
    'an explicit SQLite catalog and an object-store data path (kept as given)',
    {
      ...BASE_ENV,
      SG_LAKE_CATALOG_URL: 'sqlite:/var/lake/c.sqlite',
      SG_LAKE_DATA_PATH: 's3://bucket/lake',
    },
    {
      dataDir: '/srv/sg/data',
      dataPath: 's3://bucket/lake/',
      catalog: { kind: 'sqlite', path: '/var/lake/c.sqlite' },
      extensionDirectory: EXTENSIONS,
    },
  ],
  [
    'blank settings mean the defaults',
    { ...BASE_ENV, SG_LAKE_CATALOG_URL: '  ', SG_LAKE_DATA_PATH: '' },
    {
      dataDir: '/srv/sg/data',
      dataPath: '/srv/sg/data/lake/data/',
      catalog: { kind: 'sqlite', path: '/srv/sg/data/lake/catalog.sqlite' },
      extensionDirectory: EXTENSIONS,
    },
  ],
];

describe('lakeConfigFromEnv', () => {
  it.each(CASES)('%s', (_name, env, expected) => {
    expect(lakeConfigFromEnv(env)).toEqual(expected);
  });

  it.each(CASES)('round-trips through lakeConfigToEnv: %s', (_name, env) => {
    const config = lakeConfigFromEnv(env);
    expect(lakeConfigFromEnv(lakeConfigToEnv(config))).toEqual(config);
  });

  it('defaults SG_DATA_DIR to <repo>/.data', () => {
    const config = lakeConfigFromEnv({
      SG_REPO_ROOT: '/work/repo',
      SG_DUCKDB_EXTENSION_DIR: EXTENSIONS,
    });
    expect(config.dataDir).toBe('/work/repo/.data');
    expect(config.catalog).toEqual({
      kind: 'sqlite',
      path: '/work/repo/.data/lake/catalog.sqlite',
    });
  });
});

describe('parseCatalogUrl', () => {
  it.each([
    ['mysql:db=x', /must start with "postgres:" or "sqlite:"/],
    ['postgres:', /needs a DSN/],
    ['sqlite:', /needs a file path/],
  ])('rejects %s', (url, message) => {
    expect(() => parseCatalogUrl(url, '/data')).toThrow(message);
  });

  it('renders back to the same URL', () => {
    expect(catalogUrl(parseCatalogUrl('postgres:dbname=a host=b', '/data'))).toBe(
      'postgres:dbname=a host=b',
    );
  });
});
