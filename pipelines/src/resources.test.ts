import path from 'node:path';
import { LOCAL_COMMERCE_DEFAULTS } from '@sg/connector-commerce';
import { describe, expect, it } from 'vitest';
import { ResourceConfigError, resourcesFromEnv } from './resources.ts';

const PRODUCTION_COMMERCE = {
  SG_COMMERCE_BASE_URL: 'https://api.vendor.example/open',
  SG_COMMERCE_API_KEY: 'prod-key',
  SG_COMMERCE_API_SECRET: 'prod-secret',
};

const PRODUCTION_SOURCES = {
  SG_BUSINESS_DB_URL: 'mariadb://etl_reader:secret@10.0.0.5:3306/dbgs',
  SG_TAX_INBOX_DIR: '/srv/exchange/tax',
  SG_BANK_INBOX_DIR: '/srv/exchange/bank',
  SG_FINANCE_INBOX_DIR: '/srv/exchange/finance',
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
        sources: {
          commerce: {
            baseUrl: 'http://127.0.0.1:7301',
            apiKey: LOCAL_COMMERCE_DEFAULTS.apiKey,
            apiSecret: LOCAL_COMMERCE_DEFAULTS.apiSecret,
          },
          business: { url: 'postgres://postgres@127.0.0.1:5434/postgres' },
          tax: { inboxDir: '/srv/sg/tax/inbox' },
          bank: { inboxDir: '/srv/sg/bank/inbox' },
          finance: { inboxDir: '/srv/sg/finance/inbox' },
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
      expected: {
        environment: 'local',
        sources: { commerce: { baseUrl: 'http://127.0.0.1:7400' } },
      },
    },
    {
      name: 'LOCAL_EMBEDDED_BUSINESS_DB_ON_OTHER_PORT',
      env: { SG_DATA_DIR: '/srv/sg', SG_BUSINESS_DB_PORT: '5599' },
      expected: { sources: { business: { url: 'postgres://postgres@127.0.0.1:5599/postgres' } } },
    },
    {
      name: 'LOCAL_EXPLICIT_INBOXES (relative paths resolved)',
      env: { SG_DATA_DIR: '/srv/sg', SG_TAX_INBOX_DIR: '/mnt/tax', SG_BANK_INBOX_DIR: 'bank-in' },
      expected: {
        sources: { tax: { inboxDir: '/mnt/tax' }, bank: { inboxDir: path.resolve('bank-in') } },
      },
    },
    {
      name: 'LOCAL_EXPLICIT_COMMERCE_API',
      env: { SG_DATA_DIR: '/srv/sg', ...PRODUCTION_COMMERCE },
      expected: {
        environment: 'local',
        sources: {
          commerce: { baseUrl: 'https://api.vendor.example/open', apiKey: 'prod-key' },
        },
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
        ...PRODUCTION_SOURCES,
      },
      expected: {
        environment: 'production',
        sources: {
          commerce: PRODUCTION_COMMERCE_CONFIG,
          business: { url: PRODUCTION_SOURCES.SG_BUSINESS_DB_URL },
          tax: { inboxDir: '/srv/exchange/tax' },
          bank: { inboxDir: '/srv/exchange/bank' },
          finance: { inboxDir: '/srv/exchange/finance' },
        },
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
      env: { SG_ENV: 'production', SG_DATA_DIR: '/srv/sg', ...PRODUCTION_SOURCES },
      error: /工商数据接口配置不完整/,
    },
    ...(
      [
        'SG_BUSINESS_DB_URL',
        'SG_TAX_INBOX_DIR',
        'SG_BANK_INBOX_DIR',
        'SG_FINANCE_INBOX_DIR',
      ] as const
    ).map((variable) => ({
      name: `PRODUCTION_WITHOUT_${variable}`,
      env: {
        SG_ENV: 'production',
        SG_DATA_DIR: '/srv/sg',
        ...PRODUCTION_COMMERCE,
        ...PRODUCTION_SOURCES,
        [variable]: '',
      },
      error: new RegExp(`生产环境必须设置 ${variable}`),
    })),
    {
      name: 'BUSINESS_DB_URL_OF_UNKNOWN_KIND',
      env: { SG_DATA_DIR: '/srv/sg', SG_BUSINESS_DB_URL: 'oracle://legacy:1521/x' },
      error: /postgres:\/\/ 或 mariadb:\/\//,
    },
    {
      name: 'PRODUCTION_WITHOUT_SECRET',
      env: {
        SG_ENV: 'production',
        SG_DATA_DIR: '/srv/sg',
        ...PRODUCTION_COMMERCE,
        ...PRODUCTION_SOURCES,
        SG_COMMERCE_API_SECRET: '',
      },
      error: /SG_COMMERCE_API_SECRET/,
    },
    { name: 'UNKNOWN_SG_ENV', env: { SG_ENV: 'staging' }, error: ResourceConfigError },
  ])('rejects $name', ({ env, error }) => {
    expect(() => resourcesFromEnv(env)).toThrow(error);
  });
});
