// Readiness: a component is up when its TCP port accepts connections.
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ManagedProcess } from './child-process.ts';
import type { SupervisedProcess } from './supervised-process.ts';

export function portAnswers(host: string, port: number): Promise<boolean> {
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

export interface WaitForPortOptions {
  /** Default 60 s. */
  readonly timeoutMs?: number;
  /**
   * A supervised process that died this many times before its port answered is failing for good
   * (a port taken, a missing build): stop waiting (default 3). A plain process fails at its death.
   */
  readonly maxDeaths?: number;
}

/** Whether the target is failing for good (see WaitForPortOptions.maxDeaths), observed as it goes. */
function failureWatch(
  target: ManagedProcess | SupervisedProcess,
  maxDeaths: number,
): () => boolean {
  if (!('child' in target)) return () => target.deaths() >= maxDeaths;
  const dead = { plain: false };
  void target.exited.then(() => {
    dead.plain = true;
  });
  return () => dead.plain;
}

/**
 * Waits until `host:port` accepts connections. Fails when time runs out, when a plain process ends
 * first, or when a supervised one (restarted after each death) died `maxDeaths` times first.
 */
export async function waitForPort(
  target: ManagedProcess | SupervisedProcess,
  host: string,
  port: number,
  options: WaitForPortOptions = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxDeaths = options.maxDeaths ?? 3;
  const deadline = Date.now() + timeoutMs;
  const failing = failureWatch(target, maxDeaths);
  while (Date.now() < deadline) {
    if (failing())
      throw new Error(`${target.name} stopped before it was ready; see ${target.logPath}`);
    if (await portAnswers(host, port)) return;
    await sleep(250);
  }
  throw new Error(
    `${target.name} did not open ${host}:${String(port)} in time; see ${target.logPath}`,
  );
}

/**
 * Waits until the target's log has a line matching `pattern`, printed since it started (for a
 * process whose port opens before it is ready, e.g. a server that seeds itself through that port).
 * Fails like waitForPort.
 */
export async function waitForLogLine(
  target: ManagedProcess | SupervisedProcess,
  pattern: RegExp,
  options: WaitForPortOptions = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  const failing = failureWatch(target, options.maxDeaths ?? 3);
  const printed = (): string =>
    existsSync(target.logPath)
      ? readFileSync(target.logPath).subarray(target.logOffset).toString('utf8')
      : '';
  while (Date.now() < deadline) {
    if (
      printed()
        .split('\n')
        .some((line) => pattern.test(line))
    )
      return;
    if (failing())
      throw new Error(`${target.name} stopped before it was ready; see ${target.logPath}`);
    await sleep(250);
  }
  throw new Error(`${target.name} did not print ${String(pattern)} in time; see ${target.logPath}`);
}
