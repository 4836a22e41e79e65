// Where the tests find their PostgreSQL and MariaDB: one URL per server kind in the environment,
// set either by the person running the tests (existing servers) or by the private test servers
// (private-servers.ts) before any test worker starts. Nothing falls back to a well-known port.

export type ServerKind = 'postgres' | 'mariadb';
export const SERVER_KINDS: readonly ServerKind[] = ['postgres', 'mariadb'];

/** The environment variable holding each kind's admin URL. */
export const SERVER_URL_ENV: Readonly<Record<ServerKind, string>> = {
  postgres: 'SG_TEST_POSTGRES_URL',
  mariadb: 'SG_TEST_MARIADB_URL',
};

/** The admin account and database each server kind is created with. */
export const ADMIN_ACCOUNT: Readonly<Record<ServerKind, { user: string; database: string }>> = {
  postgres: { user: 'postgres', database: 'postgres' },
  mariadb: { user: 'root', database: 'mysql' },
};

const SCHEME: Readonly<Record<ServerKind, string>> = { postgres: 'postgres', mariadb: 'mariadb' };

/** The admin URL of a server on 127.0.0.1:<port> with the given password. */
export function adminUrl(kind: ServerKind, port: number, password: string): string {
  const { user, database } = ADMIN_ACCOUNT[kind];
  const url = new URL(`${SCHEME[kind]}://127.0.0.1`);
  url.port = String(port);
  url.username = user;
  url.password = password;
  url.pathname = `/${database}`;
  return url.toString();
}

/** The same server and account, another database. */
export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

/** The admin URL of the tests' server of this kind; throws when none was set up. */
export function testServerUrl(kind: ServerKind, env: NodeJS.ProcessEnv = process.env): string {
  const url = env[SERVER_URL_ENV[kind]];
  if (url === undefined || url === '') {
    throw new Error(
      `${SERVER_URL_ENV[kind]} is not set: run the tests through vitest (its global setup starts ` +
        `private test servers) or point ${SERVER_URL_ENV[kind]} at an existing ${kind} server`,
    );
  }
  return url;
}

/** Quotes a libpq keyword value when it needs it (spaces, quotes, backslashes, empty). */
function libpqValue(value: string): string {
  if (value !== '' && !/[\s'\\]/.test(value)) return value;
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/**
 * A postgres:// URL as a libpq keyword/value DSN (`dbname=… host=… port=… user=… password=…`),
 * the form DuckDB's postgres extension and DuckLake's PostgreSQL catalog take.
 */
export function libpqKeywordDsn(postgresUrl: string): string {
  const url = new URL(postgresUrl);
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Error(`not a postgres URL: ${url.protocol}`);
  }
  const pairs: [string, string][] = [
    ['dbname', decodeURIComponent(url.pathname.replace(/^\//, ''))],
    ['host', url.hostname],
    ['port', url.port],
    ['user', decodeURIComponent(url.username)],
    ['password', decodeURIComponent(url.password)],
  ];
  return pairs
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}=${libpqValue(value)}`)
    .join(' ');
}
