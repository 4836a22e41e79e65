// Which app database a process talks to, chosen by environment variables only.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  DEFAULT_EMBEDDED_HOST,
  DEFAULT_EMBEDDED_PORT,
  embeddedConnectionString,
  type EmbeddedAppDbOptions,
} from './embedded-server.ts';

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

/** The repository root: the nearest directory above `from` holding the Justfile. */
export function findRepoRoot(from: string = import.meta.dirname): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'Justfile'))) return dir;
    if (dirname(dir) === dir) break;
  }
  // Before the Justfile exists, fall back to the npm workspace root (this package sits two levels below it).
  return resolve(import.meta.dirname, '..', '..', '..');
}

/** `$SG_DATA_DIR`, default `<repo>/.data`. */
export function dataDirFromEnv(env: AppDbEnv): string {
  const configured = env['SG_DATA_DIR'];
  return configured ? resolve(configured) : join(findRepoRoot(), '.data');
}

export function parsePort(value: string | undefined, fallback: number, variable: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${variable} must be a port number 1–65535, got "${value}"`);
  }
  return port;
}

export function appDbConfigFromEnv(env: AppDbEnv): AppDbConfig {
  const databaseUrl = env['DATABASE_URL']?.trim();
  if (databaseUrl) {
    return { kind: 'postgres', connectionString: databaseUrl, poolMax: POSTGRES_POOL_MAX };
  }
  const port = parsePort(env['SG_APP_DB_PORT'], DEFAULT_EMBEDDED_PORT, 'SG_APP_DB_PORT');
  return {
    kind: 'embedded',
    connectionString: embeddedConnectionString(DEFAULT_EMBEDDED_HOST, port),
    poolMax: EMBEDDED_POOL_MAX,
  };
}

/** Where the embedded server keeps its data and listens: `$SG_DATA_DIR/app-db`, port SG_APP_DB_PORT. */
export function embeddedAppDbOptionsFromEnv(env: AppDbEnv): EmbeddedAppDbOptions {
  return {
    dataDir: join(dataDirFromEnv(env), 'app-db'),
    host: DEFAULT_EMBEDDED_HOST,
    port: parsePort(env['SG_APP_DB_PORT'], DEFAULT_EMBEDDED_PORT, 'SG_APP_DB_PORT'),
  };
}
