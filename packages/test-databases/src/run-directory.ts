// One folder per test run holding its servers' data directories, logs and run.json (who owns the
// run, which servers it started). The owner, the reaper and the next run's stale sweep all stop a
// run's servers the same way, through this file: by recorded pid, start time and data directory.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProcessRunning, processCommandLine, stopProcess } from './process-liveness.ts';
import type { ServerKind } from './server-urls.ts';

export interface RunServer {
  readonly kind: ServerKind;
  readonly pid: number;
  readonly startTicks: number;
  readonly port: number;
  readonly dataDir: string;
}

export interface RunState {
  readonly runId: string;
  /** The process the servers belong to (vitest's main process); they stop when it ends. */
  readonly ownerPid: number;
  readonly ownerStartTicks: number;
  readonly reaperPid?: number;
  readonly servers: readonly RunServer[];
}

const STATE_FILE = 'run.json';

/** A run without run.json this old was never set up (its owner died while creating it). */
export const UNFINISHED_RUN_AGE_MS = 10 * 60_000;

/** The orderly, quick shutdown of each server: PostgreSQL's fast shutdown, MariaDB's normal one. */
export const SHUTDOWN_SIGNAL: Readonly<Record<ServerKind, NodeJS.Signals>> = {
  postgres: 'SIGINT',
  mariadb: 'SIGTERM',
};

/** `<UTC yyyymmddThhmmss>-<pid>`: sorts by start time and names its owner. */
export function runId(now: Date, pid: number): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, '');
  return `${stamp}-${String(pid)}`;
}

export type RunVerdict = 'live' | 'stale' | 'unfinished';

/** Whether a run folder found on start belongs to a live run, a dead one, or one still being made. */
export function runVerdict(
  state: RunState | undefined,
  ownerRunning: boolean,
  folderAgeMs: number,
): RunVerdict {
  if (state === undefined) return folderAgeMs > UNFINISHED_RUN_AGE_MS ? 'stale' : 'unfinished';
  return ownerRunning ? 'live' : 'stale';
}

export function readRunState(runDir: string): RunState | undefined {
  try {
    return JSON.parse(readFileSync(join(runDir, STATE_FILE), 'utf8')) as RunState;
  } catch {
    return undefined;
  }
}

export function writeRunState(runDir: string, state: RunState): void {
  const temporary = join(runDir, `${STATE_FILE}.${String(process.pid)}.tmp`);
  writeFileSync(temporary, JSON.stringify(state, null, 2) + '\n', { mode: 0o644 });
  renameSync(temporary, join(runDir, STATE_FILE));
}

export function updateRunState(runDir: string, change: (state: RunState) => RunState): RunState {
  const state = readRunState(runDir);
  if (state === undefined) throw new Error(`no ${STATE_FILE} in ${runDir}`);
  const next = change(state);
  writeRunState(runDir, next);
  return next;
}

/** Creates `<root>/<runId>` with its run.json; mode 0711 lets the servers' accounts pass through. */
export function createRunDirectory(
  root: string,
  owner: { pid: number; startTicks: number },
  mode: number,
): { runDir: string; state: RunState } {
  mkdirSync(root, { recursive: true });
  const id = runId(new Date(), owner.pid);
  const runDir = join(root, id);
  mkdirSync(runDir, { mode });
  const state: RunState = {
    runId: id,
    ownerPid: owner.pid,
    ownerStartTicks: owner.startTicks,
    servers: [],
  };
  writeRunState(runDir, state);
  return { runDir, state };
}

/** Is this pid still the server we started in runDir (same start time, our data directory)? */
function isOurServer(server: RunServer): boolean {
  if (!isProcessRunning(server.pid, server.startTicks)) return false;
  return processCommandLine(server.pid)?.includes(server.dataDir) ?? false;
}

/** Stops the run's servers that still run (in parallel) and removes its folder. */
export async function removeRun(runDir: string, state = readRunState(runDir)): Promise<void> {
  await Promise.all(
    (state?.servers ?? [])
      .filter(isOurServer)
      .map((server) => stopProcess(server.pid, SHUTDOWN_SIGNAL[server.kind], 20_000)),
  );
  rmSync(runDir, { recursive: true, force: true });
}

/** Removes the runs under root whose owner is gone (stopping their servers); returns their ids. */
export async function removeStaleRuns(root: string, now = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const runDir = join(root, name);
    let ageMs: number;
    try {
      const stat = statSync(runDir);
      if (!stat.isDirectory()) continue;
      ageMs = now - stat.mtimeMs;
    } catch {
      continue;
    }
    const state = readRunState(runDir);
    const ownerRunning =
      state !== undefined && isProcessRunning(state.ownerPid, state.ownerStartTicks);
    if (runVerdict(state, ownerRunning, ageMs) !== 'stale') continue;
    await removeRun(runDir, state);
    removed.push(name);
  }
  return removed;
}
