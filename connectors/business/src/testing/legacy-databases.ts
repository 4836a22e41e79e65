// Test support: real legacy databases for the connector's tests. PostgreSQL and MariaDB get a
// uniquely named database per call from @sg/test-databases, dropped by dispose(). The embedded
// default is the business simulator's own `serve` command in a child process (connectors may not
// import simulators), on a free port with a temporary SG_DATA_DIR. Seeding and advancing also run
// the simulator's CLI as child processes.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createMariadbTestDatabase, createPostgresTestDatabase } from '@sg/test-databases';

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
  if (kind === 'postgres') return createPostgresTestDatabase('sg_business_conn');
  if (kind === 'mariadb') return createMariadbTestDatabase('sg_business_conn');
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
