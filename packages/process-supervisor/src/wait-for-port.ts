// Readiness: a component is up when its TCP port accepts connections.
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
  const dead = { plain: false };
  if ('child' in target) {
    void target.exited.then(() => {
      dead.plain = true;
    });
  }
  const failing = (): boolean => ('child' in target ? dead.plain : target.deaths() >= maxDeaths);
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
