// Real child processes (node -e): killed, crashing, ignoring SIGTERM, with a grandchild.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { portAnswers, waitForLogLine, waitForPort } from './wait-for-port.ts';
import {
  superviseProcess,
  type SupervisedProcess,
  type SupervisorEvent,
} from './supervised-process.ts';
import { SUPERVISOR_LOG, supervisionLogger } from './supervision-log.ts';
import type { RestartPolicy } from './restart-policy.ts';

const QUICK_POLICY: RestartPolicy = { initialDelayMs: 100, maxDelayMs: 400, stableAfterMs: 10_000 };

/** A server on `port` that stays up until killed. */
const SERVER_SCRIPT = `require('node:net').createServer((s) => s.end('up')).listen(Number(process.argv[1]), '127.0.0.1')`;
/** Starts a grandchild that sleeps, prints its pid, and ignores SIGTERM itself. */
const STUBBORN_WITH_GRANDCHILD = `
process.on('SIGTERM', () => {});
const g = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
console.log('grandchild ' + g.pid);
setInterval(() => {}, 1000);`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function logOf(name: string): string {
  const path = join(logDir, `${name}.log`);
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

let logDir: string;
let supervised: SupervisedProcess[];
let events: SupervisorEvent[];

beforeEach(() => {
  logDir = mkdtempSync(join(tmpdir(), 'sg-supervisor-'));
  supervised = [];
  events = [];
});

afterEach(async () => {
  await Promise.all(supervised.map((proc) => proc.stop()));
  rmSync(logDir, { recursive: true, force: true });
});

function supervise(name: string, args: readonly string[], stopGraceMs = 2_000): SupervisedProcess {
  const log = supervisionLogger(logDir, () => undefined);
  const proc = superviseProcess(
    { name, command: process.execPath, args },
    {
      logDir,
      policy: QUICK_POLICY,
      stopGraceMs,
      onEvent: (event) => {
        events.push(event);
        log(event);
      },
    },
  );
  supervised.push(proc);
  return proc;
}

describe('superviseProcess', () => {
  it('restarts a server killed with SIGKILL, and its port answers again', async () => {
    const port = await freePort();
    const server = supervise('server', ['-e', SERVER_SCRIPT, String(port)]);
    await waitForPort(server, '127.0.0.1', port, { timeoutMs: 10_000 });
    const first = server.current()?.child.pid;
    const back = server.nextStart();
    const killedAt = Date.now();
    process.kill(first ?? 0, 'SIGKILL');
    const second = await back;
    await waitForPort(server, '127.0.0.1', port, { timeoutMs: 10_000 });
    expect(Date.now() - killedAt).toBeLessThan(5_000);
    expect(second.child.pid).not.toBe(first);
    expect(server.deaths()).toBe(1);
    const died = events.find((event) => event.kind === 'died');
    expect(died).toMatchObject({ status: { code: null, signal: 'SIGKILL' }, restartInMs: 100 });
    const log = readFileSync(join(logDir, SUPERVISOR_LOG), 'utf8');
    expect(log).toContain('server 意外退出');
    expect(log).toContain('被信号 SIGKILL 终止');
    expect(log).toContain('server 已重启');
  });

  it('backs off exponentially, up to the cap, while a process keeps crashing', async () => {
    const crasher = supervise('crasher', ['-e', 'process.exit(3)']);
    await until(() => crasher.deaths() >= 5, 10_000);
    const delays = events.flatMap((event) => (event.kind === 'died' ? [event.restartInMs] : []));
    expect(delays.slice(0, 5)).toEqual([100, 200, 400, 400, 400]);
    expect(events.find((event) => event.kind === 'died')).toMatchObject({
      status: { code: 3, signal: null },
    });
  });

  it('gives up waiting for the port of a process that dies before it is ready', async () => {
    const crasher = supervise('crasher', ['-e', 'process.exit(1)']);
    await expect(
      waitForPort(crasher, '127.0.0.1', await freePort(), { timeoutMs: 10_000, maxDeaths: 2 }),
    ).rejects.toThrow(/crasher stopped before it was ready/);
  });

  it('stops with SIGKILL after the grace a process that ignores SIGTERM, and its grandchild', async () => {
    const stubborn = supervise('stubborn', ['-e', STUBBORN_WITH_GRANDCHILD], 500);
    await until(() => logOf('stubborn').includes('grandchild'), 10_000);
    const grandchild = Number(/grandchild (\d+)/.exec(logOf('stubborn'))?.[1]);
    const pid = stubborn.current()?.child.pid ?? 0;
    const started = Date.now();
    await stubborn.stop();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(isAlive(pid)).toBe(false);
    await until(() => !isAlive(grandchild), 2_000);
    expect(events.at(-1)).toMatchObject({ kind: 'stopped', status: { signal: 'SIGKILL' } });
    expect(stubborn.deaths()).toBe(0);
  });

  it('waits for a ready line printed after the port opened, not one from an earlier run', async () => {
    const port = await freePort();
    const script = `${SERVER_SCRIPT}; setTimeout(() => console.log('seeded, ready'), 400)`;
    const first = supervise('seeding', ['-e', script, String(port)]);
    await waitForLogLine(first, /ready/, { timeoutMs: 10_000 });
    await first.stop();
    const second = supervise('seeding', ['-e', script, String(port)]);
    await waitForPort(second, '127.0.0.1', port, { timeoutMs: 10_000 });
    const portOpenAt = Date.now();
    await waitForLogLine(second, /ready/, { timeoutMs: 10_000 });
    // The earlier run's line is in the same log; only this run's counts.
    expect(Date.now() - portOpenAt).toBeGreaterThan(150);
  });

  it('does not restart a process stopped while it waited to restart', async () => {
    const crasher = supervise('crasher', ['-e', 'process.exit(1)']);
    await until(() => crasher.deaths() >= 1, 10_000);
    await crasher.stop();
    const deaths = crasher.deaths();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(crasher.deaths()).toBe(deaths);
    expect(crasher.current()).toBeUndefined();
    expect(await portAnswers('127.0.0.1', 1)).toBe(false);
  });
});
