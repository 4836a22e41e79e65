// Test support: real legacy databases for the connector's tests. PostgreSQL (127.0.0.1:5432,
// user postgres; SG_TEST_POSTGRES_URL) and MariaDB (127.0.0.1:3306, root, empty password;
// SG_TEST_MARIADB_URL) get a uniquely named database per call, dropped by dispose(). The embedded
// default is the business simulator's own `serve` command in a child process (connectors may not
// import simulators), on a free port with a temporary SG_DATA_DIR. Seeding and advancing also run
// the simulator's CLI as child processes.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import * as mariadb from 'mariadb';
import pg from 'pg';

export type LegacyBackendKind = 'postgres' | 'mariadb' | 'embedded';

export interface LegacyTestDatabase {
  readonly kind: LegacyBackendKind;
  readonly url: string;
  dispose(): Promise<void>;
}

const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..', '..');
export const SIM_BUSINESS_MAIN = join(REPO_ROOT, 'simulators', 'business', 'src', 'main.ts');
/** The simulator's hand-written small world (the world file contract, sources/business/). */
export const SMALL_WORLD_DIR = join(
  REPO_ROOT,
  'simulators',
  'business',
  'src',
  'fixtures',
  'world-small',
);

const POSTGRES_ADMIN_URL =
  process.env['SG_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const MARIADB_ADMIN_URL =
  process.env['SG_TEST_MARIADB_URL'] ?? 'mariadb://root@127.0.0.1:3306/mysql';

function uniqueName(): string {
  return `sg_business_conn_${process.pid}_${randomBytes(4).toString('hex')}`;
}

async function postgresDatabase(): Promise<LegacyTestDatabase> {
  const name = uniqueName();
  const admin = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    url: url.toString(),
    dispose: () => admin(`drop database if exists ${name} with (force)`),
  };
}

async function mariadbDatabase(): Promise<LegacyTestDatabase> {
  const name = uniqueName();
  const admin = async (sql: string): Promise<void> => {
    const connection = await mariadb.createConnection(MARIADB_ADMIN_URL);
    try {
      await connection.query(sql);
    } finally {
      await connection.end();
    }
  };
  await admin(`create database ${name} character set utf8mb4`);
  const url = new URL(MARIADB_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind: 'mariadb',
    url: url.toString(),
    dispose: () => admin(`drop database if exists ${name}`),
  };
}

/** Starts `main.ts serve --world <worldDir>` (seeds on start) and waits for its URL line. */
async function embeddedDatabase(worldDir: string): Promise<LegacyTestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sg-business-embedded-'));
  const child = spawn(process.execPath, [SIM_BUSINESS_MAIN, 'serve', '--world', worldDir], {
    env: { ...process.env, SG_DATA_DIR: dataDir, SG_BUSINESS_DB_PORT: '0', SG_BUSINESS_DB_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      done();
    }),
  );
  const url = await new Promise<string>((done, fail) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      const parsed = JSON.parse(line) as { url?: string };
      if (typeof parsed.url === 'string') done(parsed.url);
      else fail(new Error(`unexpected output: ${line}`));
    });
    child.once('exit', (code) => {
      fail(new Error(`sim-business serve exited with ${String(code)}: ${stderr}`));
    });
  });
  return {
    kind: 'embedded',
    url,
    dispose: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh database of that kind; the embedded one comes seeded from `worldDir`. */
export function createLegacyTestDatabase(
  kind: LegacyBackendKind,
  worldDir: string,
): Promise<LegacyTestDatabase> {
  if (kind === 'postgres') return postgresDatabase();
  if (kind === 'mariadb') return mariadbDatabase();
  return embeddedDatabase(worldDir);
}

/** Runs the simulator CLI against `url` and returns its JSON line. */
export function runSimBusiness(args: readonly string[], url: string): Promise<unknown> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [SIM_BUSINESS_MAIN, ...args, '--url', url], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('exit', (code) => {
      if (code === 0) done(JSON.parse(stdout));
      else fail(new Error(`sim-business ${args.join(' ')} exited with ${String(code)}: ${stderr}`));
    });
  });
}
