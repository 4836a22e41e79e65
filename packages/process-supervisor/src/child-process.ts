// One child process: started with its output appended to `<logDir>/<name>.log`, its end observed
// once, stopped with SIGTERM and then SIGKILL after a bounded grace.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ProcessSpec {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
}

/** How a process ended: its exit code, or the signal that ended it. */
export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly logPath: string;
  /** Started as the leader of its own process group: stopping it signals the whole group. */
  readonly ownGroup: boolean;
  readonly startedAt: number;
  /** Size of the log when this process started: what it printed begins there. */
  readonly logOffset: number;
  /** Resolves when the process has ended (a spawn failure ends it with code -1). */
  readonly exited: Promise<ExitStatus>;
}

export interface StartOptions {
  /**
   * Lead a process group of its own (default false): the terminal's Ctrl-C then reaches only the
   * supervisor, which stops its children in order, and a stop or a death also ends what the child
   * started itself (the Temporal CLI under the dev server).
   */
  readonly ownGroup?: boolean;
}

export function startProcess(
  spec: ProcessSpec,
  logDir: string,
  options: StartOptions = {},
): ManagedProcess {
  mkdirSync(logDir, { recursive: true });
  const logPath = join(logDir, `${spec.name}.log`);
  const logOffset = existsSync(logPath) ? statSync(logPath).size : 0;
  const log = createWriteStream(logPath, { flags: 'a' });
  // A log that cannot be written (disk full, folder removed) must not take the supervisor down.
  log.on('error', () => undefined);
  const ownGroup = options.ownGroup ?? false;
  const child = spawn(spec.command, [...spec.args], {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: ownGroup,
  });
  // Both streams write into one log: neither may end it; it is closed once the child is gone.
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  // 'exit', not 'close': a grandchild that inherited the pipes may keep them open after the child died.
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('exit', (code: number | null, signal: NodeJS.Signals | null) => {
      resolve({ code, signal });
    });
    child.once('error', (error) => {
      log.write(`${spec.name}: could not start: ${error.message}\n`);
      resolve({ code: -1, signal: null });
    });
  });
  child.once('close', () => log.end());
  return { name: spec.name, child, logPath, ownGroup, startedAt: Date.now(), logOffset, exited };
}

/** True once the process has ended (exit code or signal known). */
export function hasExited(proc: ManagedProcess): boolean {
  return proc.child.exitCode !== null || proc.child.signalCode !== null;
}

/** Signals the process, or its whole group when it leads one; a process already gone is ignored. */
export function signalProcess(proc: ManagedProcess, signal: NodeJS.Signals): void {
  const { pid } = proc.child;
  if (pid === undefined) return;
  try {
    process.kill(proc.ownGroup ? -pid : pid, signal);
  } catch {
    // ESRCH: nothing left to signal.
  }
}

/** Rejects with the log path when the process ends other than with exit code 0. */
export async function expectSuccess(proc: ManagedProcess): Promise<void> {
  const status = await proc.exited;
  if (status.code !== 0) {
    throw new Error(`${proc.name} ${describeExitStatus(status)}; see ${proc.logPath}`);
  }
}

/** Runs a one-shot process to completion; rejects with its log path when it fails. */
export async function runToCompletion(spec: ProcessSpec, logDir: string): Promise<void> {
  await expectSuccess(startProcess(spec, logDir));
}

/** "exited with code 1" / "was killed by SIGKILL": for messages and logs. */
export function describeExitStatus(status: ExitStatus): string {
  return status.signal === null
    ? `exited with code ${String(status.code)}`
    : `was killed by ${status.signal}`;
}

/**
 * Stops one process: SIGTERM (to its group when it leads one), SIGKILL after `graceMs`, and resolves
 * once it has ended. What is left of its group after it ended is killed too. Bounded: a process
 * that ignores SIGTERM is gone `graceMs` later.
 */
export async function stopProcess(proc: ManagedProcess, graceMs: number): Promise<ExitStatus> {
  if (!hasExited(proc)) {
    signalProcess(proc, 'SIGTERM');
    const timer = setTimeout(() => {
      signalProcess(proc, 'SIGKILL');
    }, graceMs);
    try {
      await proc.exited;
    } finally {
      clearTimeout(timer);
    }
  }
  if (proc.ownGroup) signalProcess(proc, 'SIGKILL');
  return proc.exited;
}
