// Starting a server process for the tests: detached in its own process group (Ctrl-C in the
// terminal reaches vitest, not the server; the owner or the reaper stops it), output to a log
// file, optionally as an unprivileged account, and ready when a real client gets an answer.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunServer } from './run-directory.ts';
import type { ServiceAccount } from './service-account.ts';

export interface Launch {
  readonly command: string;
  readonly args: readonly string[];
  readonly logPath: string;
  readonly account: ServiceAccount | undefined;
}

export interface LaunchedProcess {
  readonly pid: number;
  /** Resolves with a description of how the process ended. */
  readonly exited: Promise<string>;
}

/** The last lines of a log file, for error messages. */
export function logTail(path: string, lines = 15): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function credentials(account: ServiceAccount | undefined): { uid?: number; gid?: number } {
  return account === undefined ? {} : { uid: account.uid, gid: account.gid };
}

/** Starts a long-running server process, detached, appending its output to logPath. */
export function launchDetached(launch: Launch): LaunchedProcess {
  const log = openSync(launch.logPath, 'a');
  try {
    const child = spawn(launch.command, launch.args, {
      detached: true,
      stdio: ['ignore', log, log],
      ...credentials(launch.account),
    });
    const exited = new Promise<string>((resolve) => {
      child.once('error', (error) => {
        resolve(`could not start: ${error.message}`);
      });
      child.once('exit', (code, signal) => {
        resolve(signal === null ? `exit code ${String(code)}` : `signal ${signal}`);
      });
    });
    child.unref();
    if (child.pid === undefined) throw new Error(`could not start ${launch.command}`);
    return { pid: child.pid, exited };
  } finally {
    closeSync(log);
  }
}

/** Runs a setup command (initdb, mariadb-install-db) to completion; throws with its log tail. */
export async function runToCompletion(launch: Launch): Promise<void> {
  const log = openSync(launch.logPath, 'a');
  try {
    const outcome = await new Promise<string>((resolve) => {
      const child = spawn(launch.command, launch.args, {
        stdio: ['ignore', log, log],
        ...credentials(launch.account),
      });
      child.once('error', (error) => {
        resolve(`could not start: ${error.message}`);
      });
      child.once('exit', (code, signal) => {
        resolve(code === 0 ? 'ok' : `exit code ${String(code)}, signal ${String(signal)}`);
      });
    });
    if (outcome !== 'ok') {
      throw new Error(`${launch.command} failed (${outcome}):\n${logTail(launch.logPath)}`);
    }
  } finally {
    closeSync(log);
  }
}

export type Readiness = { ready: true } | { ready: false; ended: string };

/**
 * Polls `probe` (a real client connecting and querying) until it succeeds, the process ends, or
 * timeoutMs passes (then throws with the last probe error).
 */
export async function waitUntilReady(
  launched: LaunchedProcess,
  probe: () => Promise<void>,
  timeoutMs: number,
): Promise<Readiness> {
  let ended: string | undefined;
  void launched.exited.then((how) => (ended = how));
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    if (ended !== undefined) return { ready: false, ended };
    try {
      await probe();
      return { ready: true };
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? lastError.message : String(lastError);
      throw new Error(`not ready after ${String(timeoutMs)} ms: ${reason}`);
    }
    await sleep(100);
  }
}

/** What starting one kind of server needs and gives (postgres-server.ts, mariadb-server.ts). */
export interface ServerStartOptions {
  readonly runDir: string;
  readonly password: string;
  readonly account: ServiceAccount | undefined;
  /** Called as soon as the server process exists, before it is ready (to record it for stopping). */
  readonly onLaunch: (server: RunServer) => void;
}

export interface StartedServer {
  readonly url: string;
  readonly server: RunServer;
}
