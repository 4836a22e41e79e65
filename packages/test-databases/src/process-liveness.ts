// Whether a process still runs, read from /proc (Linux), and stopping one by its pid. A zombie
// counts as stopped, and a recorded start time tells a recycled pid from the process we started.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ProcessStat {
  /** One letter: R, S, D, Z (zombie), T, X … */
  readonly state: string;
  /** Start time after boot in clock ticks: with the pid, identifies one process. */
  readonly startTicks: number;
}

/** Parses /proc/<pid>/stat; the command name in parentheses may itself hold spaces and ')'. */
export function parseProcStat(text: string): ProcessStat {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const startTicks = Number(fields[19]);
  if (state === undefined || !Number.isSafeInteger(startTicks)) {
    throw new Error(`unreadable /proc stat line: ${text.slice(0, 80)}`);
  }
  return { state, startTicks };
}

export function processStat(pid: number): ProcessStat | undefined {
  try {
    return parseProcStat(readFileSync(`/proc/${String(pid)}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The process's argv joined by spaces, or undefined when it is gone. */
export function processCommandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${String(pid)}/cmdline`, 'utf8')
      .split('\0')
      .join(' ')
      .trim();
  } catch {
    return undefined;
  }
}

/** True while the process runs (not a zombie) and, when given, started at startTicks. */
export function isProcessRunning(pid: number, startTicks?: number): boolean {
  const stat = processStat(pid);
  if (stat === undefined || stat.state === 'Z' || stat.state === 'X') return false;
  return startTicks === undefined || stat.startTicks === startTicks;
}

function signal(target: number, name: NodeJS.Signals): void {
  try {
    process.kill(target, name);
  } catch {
    // already gone
  }
}

async function waitUntilStopped(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessRunning(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(50);
  }
  return true;
}

/**
 * Sends `first` (the server's orderly shutdown signal) and waits; after timeoutMs kills the
 * process's whole group (a server started detached leads its own group, with its helpers in it).
 */
export async function stopProcess(
  pid: number,
  first: NodeJS.Signals,
  timeoutMs: number,
): Promise<void> {
  if (!isProcessRunning(pid)) return;
  signal(pid, first);
  if (await waitUntilStopped(pid, timeoutMs)) return;
  signal(-pid, 'SIGKILL');
  signal(pid, 'SIGKILL');
  await waitUntilStopped(pid, 5_000);
}
