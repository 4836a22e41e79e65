import { describe, expect, it } from 'vitest';
import { businessClientConfigFromEnv } from './live-client.ts';

describe('businessClientConfigFromEnv', () => {
  it.each([
    { name: 'embedded default', env: {}, url: 'postgres://postgres@127.0.0.1:5434/postgres' },
    {
      name: 'embedded on another port',
      env: { SG_BUSINESS_DB_PORT: '6543' },
      url: 'postgres://postgres@127.0.0.1:6543/postgres',
    },
    {
      name: 'real PostgreSQL',
      env: { SG_BUSINESS_DB_URL: 'postgres://etl@legacy-db:5432/guarantee' },
      url: 'postgres://etl@legacy-db:5432/guarantee',
    },
    {
      name: 'real MariaDB',
      env: { SG_BUSINESS_DB_URL: 'mariadb://etl:secret@10.0.0.5:3306/dbgs' },
      url: 'mariadb://etl:secret@10.0.0.5:3306/dbgs',
    },
  ])('$name', ({ env, url }) => {
    expect(businessClientConfigFromEnv(env)).toEqual({ url });
  });

  it('rejects another scheme with a Chinese message', () => {
    expect(() => businessClientConfigFromEnv({ SG_BUSINESS_DB_URL: 'oracle://x' })).toThrow(
      '业务系统数据库地址应以 postgres:// 或 mariadb:// 开头',
    );
  });
});
