import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as mariadb from 'mariadb';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isProcessRunning } from './process-liveness.ts';
import {
  REAPER_SCRIPT,
  startPrivateServers,
  typeScriptNode,
  type PrivateServers,
} from './private-servers.ts';
import { readRunState, removeStaleRuns } from './run-directory.ts';
import { testServerUrl } from './server-urls.ts';
import { RUN_DIR_ENV } from './vitest-global-setup.ts';

// Reachable by the servers' accounts when the tests run as root (mkdtemp makes it 0700).
const dataDir = mkdtempSync(join(tmpdir(), 'sg-private-servers-'));
chmodSync(dataDir, 0o755);
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

async function postgresDataDirectory(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ dir: string }>(
      "select current_setting('data_directory') as dir",
    );
    return rows[0]?.dir ?? '';
  } finally {
    await client.end();
  }
}

async function mariadbDataDirectory(url: string): Promise<string> {
  const connection = await mariadb.createConnection(url);
  try {
    const rows: { dir: string }[] = await connection.query('select @@datadir as dir');
    return rows[0]?.dir ?? '';
  } finally {
    await connection.end();
  }
}

/** A stand-in owner process whose death the servers must follow. */
function ownerProcess(): { child: ChildProcess; pid: number; kill(): Promise<void> } {
  const child = spawn('sleep', ['600'], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    child,
    pid: child.pid ?? 0,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

const portOf = (url: string): number => Number(new URL(url).port);

describe('private test servers (real PostgreSQL and MariaDB from Debian)', () => {
  it('start on free ports with their own data directories and password, and stop', async () => {
    const servers = await startPrivateServers({ dataDir, kinds: ['postgres', 'mariadb'] });
    const { postgres = '', mariadb: mariadbUrl = '' } = servers.urls;
    try {
      expect(portOf(postgres)).not.toBe(5432);
      expect(portOf(mariadbUrl)).not.toBe(3306);
      expect(new URL(postgres).password).toMatch(/^[0-9a-f]{36}$/);
      expect(await postgresDataDirectory(postgres)).toBe(join(servers.runDir, 'postgres'));
      expect((await mariadbDataDirectory(mariadbUrl)).replace(/\/$/, '')).toBe(
        join(servers.runDir, 'mariadb'),
      );
      const wrong = new URL(postgres);
      wrong.password = 'wrong';
      await expect(postgresDataDirectory(wrong.toString())).rejects.toThrow(/password/);
      const wrongMariadb = new URL(mariadbUrl);
      wrongMariadb.password = 'wrong';
      await expect(mariadbDataDirectory(wrongMariadb.toString())).rejects.toThrow(/denied/);
    } finally {
      await servers.stop();
    }
    expect(servers.runDir.startsWith(join(dataDir, 'test-servers'))).toBe(true);
    expect(existsSync(servers.runDir)).toBe(false);
    for (const server of servers.servers) expect(isProcessRunning(server.pid)).toBe(false);
  });

  it('are stopped by the reaper when their owner dies without stopping them', async () => {
    const owner = ownerProcess();
    let servers: PrivateServers | undefined;
    try {
      servers = await startPrivateServers({ dataDir, kinds: ['postgres'], ownerPid: owner.pid });
      const { runDir, servers: started } = servers;
      expect(readRunState(runDir)?.reaperPid).toBeGreaterThan(0);
      await owner.kill();
      expect(await waitFor(() => !existsSync(runDir), 30_000)).toBe(true);
      for (const server of started) expect(isProcessRunning(server.pid)).toBe(false);
    } finally {
      await servers?.stop();
    }
  });

  it('left behind by a dead owner (no reaper) are removed when the next run starts', async () => {
    const owner = ownerProcess();
    const servers = await startPrivateServers({
      dataDir,
      kinds: ['mariadb'],
      ownerPid: owner.pid,
      reaper: false,
    });
    await owner.kill();
    const runId = readRunState(servers.runDir)?.runId;
    expect(await removeStaleRuns(dirname(servers.runDir))).toEqual([runId]);
    expect(existsSync(servers.runDir)).toBe(false);
    for (const server of servers.servers) expect(isProcessRunning(server.pid)).toBe(false);
  });
});

describe('the reaper', () => {
  it('runs on a Node that runs TypeScript, whichever Node started vitest', () => {
    const run = spawnSync(typeScriptNode(), [REAPER_SCRIPT], { encoding: 'utf8' });
    expect(run.stderr).toContain('usage: node reaper.ts <run dir>');
    expect(run.status).toBe(2);
  });
});

describe('the servers this suite runs on', () => {
  const runDir = process.env[RUN_DIR_ENV];
  it.skipIf(runDir === undefined)(
    'are the private ones its global setup started, never the machine’s 5432/3306',
    async () => {
      const postgres = testServerUrl('postgres');
      const mariadbUrl = testServerUrl('mariadb');
      expect(portOf(postgres)).not.toBe(5432);
      expect(portOf(mariadbUrl)).not.toBe(3306);
      expect(await postgresDataDirectory(postgres)).toBe(join(runDir ?? '', 'postgres'));
      expect((await mariadbDataDirectory(mariadbUrl)).replace(/\/$/, '')).toBe(
        join(runDir ?? '', 'mariadb'),
      );
    },
  );
});
