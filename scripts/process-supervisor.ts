// Starts the platform's processes as children, sends their output to log files, waits for them
// to be ready, and stops them all together. Used by `just up`.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly logPath: string;
  /** Resolves with the exit code when the process ends. */
  readonly exited: Promise<number | null>;
}

export interface ProcessSpec {
  name: string;
  command: string;
  args: readonly string[];
  env?: Record<string, string>;
  cwd?: string;
}

export function startProcess(spec: ProcessSpec, logDir: string): ManagedProcess {
  mkdirSync(logDir, { recursive: true });
  const logPath = join(logDir, `${spec.name}.log`);
  const log = createWriteStream(logPath, { flags: 'a' });
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      resolve(code);
    });
    child.on('error', () => {
      resolve(-1);
    });
  });
  return { name: spec.name, child, logPath, exited };
}

/** Runs a process to completion; rejects with its log path when it fails. */
export async function runToCompletion(spec: ProcessSpec, logDir: string): Promise<void> {
  const proc = startProcess(spec, logDir);
  const code = await proc.exited;
  if (code !== 0) {
    throw new Error(`${spec.name} exited with code ${String(code)}; see ${proc.logPath}`);
  }
}

function portAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Waits until a TCP port accepts connections, or the process dies, or the time runs out. */
export async function waitForPort(
  proc: ManagedProcess,
  host: string,
  port: number,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const state = { dead: false };
  void proc.exited.then(() => {
    state.dead = true;
  });
  while (Date.now() < deadline) {
    if (state.dead)
      throw new Error(`${proc.name} stopped before it was ready; see ${proc.logPath}`);
    if (await portAnswers(host, port)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${proc.name} did not open ${host}:${port} in time; see ${proc.logPath}`);
}

/** Stops every process (SIGTERM, then SIGKILL after a grace period), last started first. */
export async function stopAll(procs: readonly ManagedProcess[], graceMs = 5_000): Promise<void> {
  for (const proc of [...procs].reverse()) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) continue;
    proc.child.kill('SIGTERM');
    const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMs);
    await proc.exited;
    clearTimeout(timer);
  }
}
