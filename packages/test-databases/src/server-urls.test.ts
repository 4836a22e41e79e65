import { describe, expect, it } from 'vitest';
import { adminUrl, libpqKeywordDsn, testServerUrl, withDatabase } from './server-urls.ts';

describe('adminUrl', () => {
  it.each([
    ['postgres', 41235, 'c0ffee', 'postgres://postgres:c0ffee@127.0.0.1:41235/postgres'],
    ['mariadb', 36487, 'c0ffee', 'mariadb://root:c0ffee@127.0.0.1:36487/mysql'],
    ['postgres', 40001, 'a b/c', 'postgres://postgres:a%20b%2Fc@127.0.0.1:40001/postgres'],
  ] as const)('%s on port %i', (kind, port, password, expected) => {
    expect(adminUrl(kind, port, password)).toBe(expected);
  });
});

describe('withDatabase', () => {
  it('keeps server and account, changes the database', () => {
    expect(withDatabase('postgres://postgres:pw@127.0.0.1:40001/postgres', 'sg_x_1')).toBe(
      'postgres://postgres:pw@127.0.0.1:40001/sg_x_1',
    );
  });
});

describe('testServerUrl', () => {
  it('reads SG_TEST_POSTGRES_URL / SG_TEST_MARIADB_URL', () => {
    const env = { SG_TEST_POSTGRES_URL: 'postgres://a', SG_TEST_MARIADB_URL: 'mariadb://b' };
    expect(testServerUrl('postgres', env)).toBe('postgres://a');
    expect(testServerUrl('mariadb', env)).toBe('mariadb://b');
  });

  it.each([{}, { SG_TEST_MARIADB_URL: '' }])('never falls back to a default port (%o)', (env) => {
    expect(() => testServerUrl('mariadb', env)).toThrow(/SG_TEST_MARIADB_URL is not set/);
  });
});

describe('libpqKeywordDsn', () => {
  it.each([
    [
      'postgres://postgres:c0ffee@127.0.0.1:41235/sg_lake_test_1',
      'dbname=sg_lake_test_1 host=127.0.0.1 port=41235 user=postgres password=c0ffee',
    ],
    ['postgresql://sg@db.internal/lake', 'dbname=lake host=db.internal user=sg'],
    [
      "postgres://u:it's%20me@127.0.0.1:5000/d",
      "dbname=d host=127.0.0.1 port=5000 user=u password='it\\'s me'",
    ],
  ])('%s', (url, dsn) => {
    expect(libpqKeywordDsn(url)).toBe(dsn);
  });

  it('refuses other schemes', () => {
    expect(() => libpqKeywordDsn('mariadb://root@127.0.0.1:1/x')).toThrow(/not a postgres URL/);
  });
});
