/**
 * Which legacy database the business simulator writes, from the environment:
 *   SG_BUSINESS_DB_URL   postgres://… or mariadb://… — a real server (PostgreSQL or MariaDB);
 *   unset                the embedded default: PGlite served over the PostgreSQL wire protocol by
 *                        @sg/embedded-postgres, data in $SG_DATA_DIR/business-db,
 *                        port SG_BUSINESS_DB_PORT (default 5434).
 */
import { join } from 'node:path';
import { embeddedConnectionString } from '@sg/embedded-postgres';
import { LOCAL_HOST, LOCAL_PORTS, dataDirFromEnv, localPort } from '@sg/runtime-env';
import type { EmbeddedPostgresOptions } from '@sg/embedded-postgres';

export type BusinessDbEnv = Readonly<Record<string, string | undefined>>;

export const DEFAULT_BUSINESS_DB_PORT = LOCAL_PORTS.businessDb.port;
const EMBEDDED_HOST = LOCAL_HOST;

export type BusinessDbConfig =
  | { readonly kind: 'server'; readonly url: string }
  | { readonly kind: 'embedded'; readonly url: string; readonly server: EmbeddedPostgresOptions };

export function businessDbConfigFromEnv(env: BusinessDbEnv): BusinessDbConfig {
  const url = env['SG_BUSINESS_DB_URL']?.trim();
  if (url !== undefined && url !== '') return { kind: 'server', url };
  const port = localPort('businessDb', env);
  return {
    kind: 'embedded',
    url: embeddedConnectionString(EMBEDDED_HOST, port),
    server: { dataDir: join(dataDirFromEnv(env), 'business-db'), host: EMBEDDED_HOST, port },
  };
}
