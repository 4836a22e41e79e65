// The PostgreSQL and MariaDB one test run uses, private to it: each on a free 127.0.0.1 port, with
// its own data directory under `<data dir>/test-servers/<run id>/` and a password made for the
// run, stopped by stop() — or, if the owner process dies first (Ctrl-C, SIGTERM, SIGKILL), by a
// detached reaper that watches it. Runs left by dead owners are removed when the next one starts.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { startMariadb } from './mariadb-server.ts';
import { startPostgres } from './postgres-server.ts';
import { processStat } from './process-liveness.ts';
import {
  createRunDirectory,
  removeRun,
  removeStaleRuns,
  updateRunState,
  type RunServer,
} from './run-directory.ts';
import type { ServerStartOptions, StartedServer } from './server-process.ts';
import { canTraverse, serviceAccount, type ServiceAccount } from './service-account.ts';
import type { ServerKind } from './server-urls.ts';

export const REAPER_SCRIPT = join(import.meta.dirname, 'reaper.ts');

const STARTERS: Readonly<
  Record<ServerKind, (options: ServerStartOptions) => Promise<StartedServer>>
> = { postgres: startPostgres, mariadb: startMariadb };

export interface PrivateServersOptions {
  /** The project's data folder (`$SG_DATA_DIR`, default `<repo>/.data`). */
  readonly dataDir: string;
  readonly kinds: readonly ServerKind[];
  /** The process whose end stops the servers (default: this process). */
  readonly ownerPid?: number;
  /** Start the reaper (default true); tests of the stale-run sweep turn it off. */
  readonly reaper?: boolean;
}

export interface PrivateServers {
  readonly runDir: string;
  readonly urls: Readonly<Partial<Record<ServerKind, string>>>;
  readonly servers: readonly RunServer[];
  /** Stops the servers and removes the run folder. */
  stop(): Promise<void>;
}

/** Where runs live: `<data dir>/test-servers`, else (root, home not traversable) `<tmp>/sg-test-servers`. */
export function runRoots(dataDir: string): string[] {
  return [join(dataDir, 'test-servers'), join(tmpdir(), 'sg-test-servers')];
}

/** The first run root every server account can reach (as non-root: the first). */
function chooseRunRoot(roots: readonly string[], accounts: readonly ServiceAccount[]): string {
  for (const root of roots) {
    mkdirSync(root, { recursive: true });
    if (accounts.length === 0) return root;
    chmodSync(root, 0o711);
    if (accounts.every((account) => canTraverse(root, account))) return root;
  }
  throw new Error(
    `none of ${roots.join(', ')} is reachable by ${accounts.map((a) => a.name).join(', ')}`,
  );
}

/**
 * A Node that runs .ts files: this one (Node ≥ 22.18 strips types), else the repository's own Node
 * 24 (the `node` dev dependency) — `vitest` started by an older system Node must still reap.
 */
export function typeScriptNode(): string {
  if ((process.features as { typescript?: unknown }).typescript) return process.execPath;
  const nodePackage = createRequire(import.meta.url).resolve('node/package.json');
  return join(dirname(nodePackage), 'bin', 'node');
}

function startReaper(runDir: string): number | undefined {
  const log = openSync(join(runDir, 'reaper.log'), 'a');
  try {
    const reaper = spawn(typeScriptNode(), [REAPER_SCRIPT, runDir], {
      detached: true,
      stdio: ['ignore', log, log],
    });
    reaper.unref();
    return reaper.pid;
  } finally {
    closeSync(log);
  }
}

export async function startPrivateServers(options: PrivateServersOptions): Promise<PrivateServers> {
  const accounts = new Map<ServerKind, ServiceAccount | undefined>(
    options.kinds.map((kind) => [kind, serviceAccount(kind)]),
  );
  const roots = runRoots(options.dataDir);
  await Promise.all(roots.map((root) => removeStaleRuns(root)));
  const definedAccounts = [...accounts.values()].filter(
    (a): a is ServiceAccount => a !== undefined,
  );
  const root = chooseRunRoot(roots, definedAccounts);
  const ownerPid = options.ownerPid ?? process.pid;
  const ownerStartTicks = processStat(ownerPid)?.startTicks;
  if (ownerStartTicks === undefined) throw new Error(`owner process ${String(ownerPid)} is gone`);
  const { runDir } = createRunDirectory(
    root,
    { pid: ownerPid, startTicks: ownerStartTicks },
    definedAccounts.length > 0 ? 0o711 : 0o700,
  );
  const reaperPid = options.reaper === false ? undefined : startReaper(runDir);
  if (reaperPid !== undefined) updateRunState(runDir, (state) => ({ ...state, reaperPid }));
  const stop = async (): Promise<void> => {
    await removeRun(runDir);
    if (reaperPid !== undefined) {
      try {
        process.kill(reaperPid, 'SIGTERM');
      } catch {
        // it saw the folder go and ended
      }
    }
  };
  const password = randomBytes(18).toString('hex');
  const recordLaunch = (server: RunServer): void => {
    updateRunState(runDir, (state) => ({
      ...state,
      servers: [...state.servers.filter((s) => s.kind !== server.kind), server],
    }));
  };
  try {
    const started = await Promise.all(
      options.kinds.map((kind) =>
        STARTERS[kind]({ runDir, password, account: accounts.get(kind), onLaunch: recordLaunch }),
      ),
    );
    const urls: Partial<Record<ServerKind, string>> = {};
    for (const { url, server } of started) urls[server.kind] = url;
    return { runDir, urls, servers: started.map(({ server }) => server), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
