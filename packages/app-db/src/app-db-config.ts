// Which app database a process talks to, chosen by environment variables only.
import { join } from 'node:path';
import { dataDirFromEnv, localPort } from '@sg/runtime-env';
import {
  DEFAULT_EMBEDDED_HOST,
  embeddedConnectionString,
  type EmbeddedPostgresOptions,
} from '@sg/embedded-postgres';

export type AppDbEnv = Readonly<Record<string, string | undefined>>;

export interface AppDbConfig {
  /** 'postgres': DATABASE_URL (production); 'embedded': the local PGlite server. */
  readonly kind: 'postgres' | 'embedded';
  readonly connectionString: string;
  /** Pool size per process. The embedded server takes 20 connections in all, shared by every process. */
  readonly poolMax: number;
}

export const EMBEDDED_POOL_MAX = 4;
export const POSTGRES_POOL_MAX = 10;

export function appDbConfigFromEnv(env: AppDbEnv): AppDbConfig {
  const databaseUrl = env['DATABASE_URL']?.trim();
  if (databaseUrl) {
    return { kind: 'postgres', connectionString: databaseUrl, poolMax: POSTGRES_POOL_MAX };
  }
  const port = localPort('appDb', env);
  return {
    kind: 'embedded',
    connectionString: embeddedConnectionString(DEFAULT_EMBEDDED_HOST, port),
    poolMax: EMBEDDED_POOL_MAX,
  };
}

/** Where the embedded server keeps its data and listens: `$SG_DATA_DIR/app-db`, port SG_APP_DB_PORT. */
export function embeddedAppDbOptionsFromEnv(env: AppDbEnv): EmbeddedPostgresOptions {
  return {
    dataDir: join(dataDirFromEnv(env), 'app-db'),
    host: DEFAULT_EMBEDDED_HOST,
    port: localPort('appDb', env),
  };
}
