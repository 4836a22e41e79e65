// Test support: real legacy databases for the connector's tests. PostgreSQL and MariaDB get a
// uniquely named database per call from @sg/test-databases, dropped by dispose(). The embedded
// default is the business simulator's own `serve` command in a child process (connectors may not
// import simulators), on a free port with a temporary SG_DATA_DIR. Seeding and advancing also run
// the simulator's CLI as child processes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from '@sg/runtime-env';
import { runSimulatorCli, startSimulatorProcess } from '@sg/simulator-processes';
import { createMariadbTestDatabase, createPostgresTestDatabase } from '@sg/test-databases';

export type LegacyBackendKind = 'postgres' | 'mariadb' | 'embedded';

export interface LegacyTestDatabase {
  readonly kind: LegacyBackendKind;
  readonly url: string;
  dispose(): Promise<void>;
}

const REPO_ROOT = findRepoRoot(import.meta.dirname);
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
  const simulator = await startSimulatorProcess('business', {
    args: ['serve', '--world', worldDir],
    env: { SG_DATA_DIR: dataDir, SG_BUSINESS_DB_PORT: '0', SG_BUSINESS_DB_URL: '' },
    stderr: 'capture',
  });
  const { url } = simulator.banner;
  if (typeof url !== 'string') {
    await simulator.stop();
    throw new Error(`unexpected output: ${JSON.stringify(simulator.banner)}`);
  }
  return {
    kind: 'embedded',
    url,
    dispose: async () => {
      await simulator.stop();
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
export async function runSimBusiness(args: readonly string[], url: string): Promise<unknown> {
  return JSON.parse(await runSimulatorCli('business', [...args, '--url', url]));
}
