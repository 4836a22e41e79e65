import { describe, expect, it } from 'vitest';
import { LOCAL_COMMERCE_DEFAULTS, ResourceConfigError, resourcesFromEnv } from './resources.ts';

const PRODUCTION_COMMERCE = {
  SG_COMMERCE_BASE_URL: 'https://api.vendor.example/open',
  SG_COMMERCE_API_KEY: 'prod-key',
  SG_COMMERCE_API_SECRET: 'prod-secret',
};

const PRODUCTION_COMMERCE_CONFIG = {
  baseUrl: 'https://api.vendor.example/open',
  apiKey: 'prod-key',
  apiSecret: 'prod-secret',
};

describe('resourcesFromEnv', () => {
  it.each([
    {
      name: 'LOCAL_DEFAULTS (simulator, SQLite catalog under SG_DATA_DIR)',
      env: { SG_DATA_DIR: '/srv/sg' },
      expected: {
        environment: 'local',
        commerce: {
          baseUrl: 'http://127.0.0.1:7301',
          apiKey: LOCAL_COMMERCE_DEFAULTS.apiKey,
          apiSecret: LOCAL_COMMERCE_DEFAULTS.apiSecret,
        },
        lake: {
          dataDir: '/srv/sg',
          dataPath: '/srv/sg/lake/data/',
          catalog: { kind: 'sqlite', path: '/srv/sg/lake/catalog.sqlite' },
        },
      },
    },
    {
      name: 'LOCAL_SIMULATOR_ON_OTHER_PORT',
      env: { SG_DATA_DIR: '/srv/sg', SG_SIM_COMMERCE_PORT: '7400' },
      expected: { environment: 'local', commerce: { baseUrl: 'http://127.0.0.1:7400' } },
    },
    {
      name: 'LOCAL_EXPLICIT_COMMERCE_API',
      env: { SG_DATA_DIR: '/srv/sg', ...PRODUCTION_COMMERCE },
      expected: {
        environment: 'local',
        commerce: { baseUrl: 'https://api.vendor.example/open', apiKey: 'prod-key' },
      },
    },
    {
      name: 'PRODUCTION_POSTGRES_CATALOG_AND_OBJECT_STORAGE',
      env: {
        SG_ENV: 'production',
        SG_DATA_DIR: '/srv/sg',
        SG_LAKE_CATALOG_URL: 'postgres:dbname=lake host=db.internal',
        SG_LAKE_DATA_PATH: 's3://sg-lake/data',
        ...PRODUCTION_COMMERCE,
      },
      expected: {
        environment: 'production',
        commerce: PRODUCTION_COMMERCE_CONFIG,
        lake: {
          dataPath: 's3://sg-lake/data/',
          catalog: { kind: 'postgres', dsn: 'dbname=lake host=db.internal' },
        },
      },
    },
  ])('$name', ({ env, expected }) => {
    expect(resourcesFromEnv(env)).toMatchObject(expected);
  });

  it.each([
    {
      name: 'PRODUCTION_WITHOUT_COMMERCE_API',
      env: { SG_ENV: 'production', SG_DATA_DIR: '/srv/sg' },
      error: /工商数据接口配置不完整/,
    },
    {
      name: 'PRODUCTION_WITHOUT_SECRET',
      env: {
        SG_ENV: 'production',
        SG_DATA_DIR: '/srv/sg',
        ...PRODUCTION_COMMERCE,
        SG_COMMERCE_API_SECRET: '',
      },
      error: /SG_COMMERCE_API_SECRET/,
    },
    { name: 'UNKNOWN_SG_ENV', env: { SG_ENV: 'staging' }, error: ResourceConfigError },
  ])('rejects $name', ({ env, error }) => {
    expect(() => resourcesFromEnv(env)).toThrow(error);
  });
});
