import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitLockPath, withCatalogCommitLock } from './catalog-commit-lock.ts';

const HOLDER_SCRIPT = join(import.meta.dirname, 'testing', 'lock-holder-process.ts');

interface Hold {
  pid: number;
  start: number;
  end: number;
}

function startHolder(input: object): { exited: Promise<number | null>; held: Promise<void> } {
  const child = spawn(process.execPath, [HOLDER_SCRIPT, JSON.stringify(input)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const held = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('held')) resolve();
    });
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on('close', (code) => {
      resolve(code);
    });
  });
  return { exited, held };
}

function overlaps(holds: Hold[]): [Hold, Hold][] {
  const sorted = [...holds].sort((a, b) => a.start - b.start);
  const found: [Hold, Hold][] = [];
  for (let i = 1; i < sorted.length; i += 1) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous !== undefined && current !== undefined && current.start < previous.end) {
      found.push([previous, current]);
    }
  }
  return found;
}

describe('withCatalogCommitLock', () => {
  let dir: string;
  let catalogPath: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sg-lock-'));
    catalogPath = join(dir, 'lake', 'catalog.sqlite');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lets one process at a time hold the lock (3 processes × 6 holds)', async () => {
    const logFile = join(dir, 'holds.log');
    const holders = [1, 2, 3].map(() =>
      startHolder({ catalogPath, iterations: 6, holdMs: 25, logFile }),
    );
    expect(await Promise.all(holders.map((h) => h.exited))).toEqual([0, 0, 0]);
    const holds = (await readFile(logFile, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => {
        const [pid, start, end] = line.split(' ').map(Number);
        return { pid: pid ?? 0, start: start ?? 0, end: end ?? 0 };
      });
    expect(holds).toHaveLength(18);
    expect(new Set(holds.map((h) => h.pid)).size).toBe(3);
    expect(overlaps(holds)).toEqual([]);
  }, 60_000);

  it('queues callers inside one process', async () => {
    const holds: Hold[] = [];
    await Promise.all(
      Array.from({ length: 10 }, () =>
        withCatalogCommitLock({ kind: 'sqlite', path: catalogPath }, 'in-process', async () => {
          const start = performance.now();
          await sleep(5);
          holds.push({ pid: process.pid, start, end: performance.now() });
        }),
      ),
    );
    expect(holds).toHaveLength(10);
    expect(overlaps(holds)).toEqual([]);
  });

  it('takes over the lock of a holder that was killed, once it is stale', async () => {
    const holder = startHolder({
      catalogPath,
      iterations: 1,
      holdMs: 60_000,
      dieWhileHolding: true,
    });
    await holder.held;
    await holder.exited;
    const started = Date.now();
    const value = await withCatalogCommitLock(
      { kind: 'sqlite', path: catalogPath },
      'after crash',
      () => Promise.resolve('acquired'),
      { staleMs: 5_000 },
    );
    const waitedMs = Date.now() - started;
    expect(value).toBe('acquired');
    expect(waitedMs).toBeLessThan(5_000 + 3_000);
  }, 30_000);

  it('fails after the timeout naming who holds the lock', async () => {
    const holder = startHolder({ catalogPath, iterations: 1, holdMs: 3_000 });
    await holder.held;
    await expect(
      withCatalogCommitLock(
        { kind: 'sqlite', path: catalogPath },
        'impatient',
        () => Promise.resolve(),
        {
          timeoutMs: 300,
        },
      ),
    ).rejects.toThrow(
      /Timed out after 300 ms waiting for the lake commit lock .*"purpose":"holder \d+"/,
    );
    await holder.exited;
  }, 30_000);

  it('does not lock a PostgreSQL catalog (it takes concurrent writers)', async () => {
    const catalog = { kind: 'postgres' as const, dsn: 'dbname=x' };
    expect(commitLockPath(catalog)).toBeUndefined();
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      [1, 2, 3].map(() =>
        withCatalogCommitLock(catalog, 'parallel', async () => {
          inside += 1;
          maxInside = Math.max(maxInside, inside);
          await sleep(20);
          inside -= 1;
        }),
      ),
    );
    expect(maxInside).toBe(3);
  });
});
