/**
 * Which legacy database the business simulator writes, from the environment:
 *   SG_BUSINESS_DB_URL   postgres://… or mariadb://… — a real server (PostgreSQL or MariaDB);
 *   unset                the embedded default: PGlite served over the PostgreSQL wire protocol by
 *                        @sg/app-db's embedded server, data in $SG_DATA_DIR/business-db,
 *                        port SG_BUSINESS_DB_PORT (default 5434).
 */
import { join } from 'node:path';
import { dataDirFromEnv, embeddedConnectionString } from '@sg/app-db';
import type { EmbeddedAppDbOptions } from '@sg/app-db';

export type BusinessDbEnv = Readonly<Record<string, string | undefined>>;

export const DEFAULT_BUSINESS_DB_PORT = 5434;
const EMBEDDED_HOST = '127.0.0.1';

export type BusinessDbConfig =
  | { readonly kind: 'server'; readonly url: string }
  | { readonly kind: 'embedded'; readonly url: string; readonly server: EmbeddedAppDbOptions };

function portFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_BUSINESS_DB_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`SG_BUSINESS_DB_PORT must be a port number 0–65535, got "${value}"`);
  }
  return port;
}

export function businessDbConfigFromEnv(env: BusinessDbEnv): BusinessDbConfig {
  const url = env['SG_BUSINESS_DB_URL']?.trim();
  if (url !== undefined && url !== '') return { kind: 'server', url };
  const port = portFrom(env['SG_BUSINESS_DB_PORT']);
  return {
    kind: 'embedded',
    url: embeddedConnectionString(EMBEDDED_HOST, port),
    server: { dataDir: join(dataDirFromEnv(env), 'business-db'), host: EMBEDDED_HOST, port },
  };
}
