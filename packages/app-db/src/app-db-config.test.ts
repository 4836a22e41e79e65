import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot } from '@sg/runtime-env';
import { appDbConfigFromEnv, embeddedAppDbOptionsFromEnv, type AppDbEnv } from './app-db-config.ts';

const PRODUCTION_URL = 'postgres://sg_app:secret@db.internal:5432/smart_guarantee';

const ENVIRONMENTS: {
  name: string;
  env: AppDbEnv;
  expected: ReturnType<typeof appDbConfigFromEnv>;
}[] = [
  {
    name: 'nothing set: the embedded server on 5433',
    env: {},
    expected: {
      kind: 'embedded',
      connectionString: 'postgres://postgres@127.0.0.1:5433/postgres',
      poolMax: 4,
    },
  },
  {
    name: 'SG_APP_DB_PORT moves the embedded server',
    env: { SG_APP_DB_PORT: '6543' },
    expected: {
      kind: 'embedded',
      connectionString: 'postgres://postgres@127.0.0.1:6543/postgres',
      poolMax: 4,
    },
  },
  {
    name: 'DATABASE_URL: production PostgreSQL, whatever else is set',
    env: { DATABASE_URL: PRODUCTION_URL, SG_APP_DB_PORT: '6543' },
    expected: { kind: 'postgres', connectionString: PRODUCTION_URL, poolMax: 10 },
  },
  {
    name: 'an empty DATABASE_URL counts as unset',
    env: { DATABASE_URL: '  ' },
    expected: {
      kind: 'embedded',
      connectionString: 'postgres://postgres@127.0.0.1:5433/postgres',
      poolMax: 4,
    },
  },
];

describe('appDbConfigFromEnv', () => {
  it.each(ENVIRONMENTS)('$name', ({ env, expected }) => {
    expect(appDbConfigFromEnv(env)).toEqual(expected);
  });

  it.each(['0', '70000', 'abc', '54.3'])('rejects SG_APP_DB_PORT=%s', (port) => {
    expect(() => appDbConfigFromEnv({ SG_APP_DB_PORT: port })).toThrow(
      /SG_APP_DB_PORT must be a port number/,
    );
  });
});

describe('embeddedAppDbOptionsFromEnv', () => {
  it('keeps the data under $SG_DATA_DIR/app-db', () => {
    expect(
      embeddedAppDbOptionsFromEnv({ SG_DATA_DIR: '/srv/sg-data', SG_APP_DB_PORT: '6000' }),
    ).toEqual({
      dataDir: '/srv/sg-data/app-db',
      host: '127.0.0.1',
      port: 6000,
    });
  });

  it('defaults to <repo>/.data/app-db', () => {
    expect(embeddedAppDbOptionsFromEnv({}).dataDir).toBe(join(findRepoRoot(), '.data', 'app-db'));
    expect(findRepoRoot()).toBe(join(import.meta.dirname, '..', '..', '..'));
  });
});
