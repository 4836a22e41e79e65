import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { setTimeout as sleepMs } from 'node:timers/promises';
import lockfile from 'proper-lockfile';
import type { LakeCatalog } from './lake-config.ts';

/**
 * The one serialised path for commits to a SQLite DuckLake catalog, across processes.
 *
 * SQLite takes one writer at a time, and DuckLake's commit reads the catalog then writes it: a second
 * process committing at the same moment fails at once with "database is locked" (a busy timeout does
 * not help: SQLite refuses a reader-to-writer upgrade while another process writes). So every
 * committing process (Node writers, and the dbt runner around `dbt build`) first takes an exclusive
 * lock next to the catalog file: `<catalog>.commit-lock`, an atomically created directory
 * (proper-lockfile), refreshed every `staleMs/2` while held, and taken over when its holder stopped
 * refreshing for `staleMs` (the holder crashed). Inside one process, commits queue in memory first.
 *
 * The lock orders writers; it does not replace SQLite's own locking, which still guarantees
 * consistency. If the lock is ever lost (a stalled holder), the worst case is a contention error
 * that the transaction-level retry absorbs.
 *
 * A PostgreSQL catalog takes concurrent writers from many machines: no lock, retries only.
 */

export interface CommitLockOptions {
  /** How long to wait for the lock before failing (default 10 minutes: a dbt build may hold it). */
  timeoutMs?: number;
  /** A lock not refreshed for this long is stale (default 10 000 ms; proper-lockfile's minimum is 5 000). */
  staleMs?: number;
}

export interface CommitLockOwner {
  pid: number;
  hostname: string;
  purpose: string;
  acquiredAt: string;
}

const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
const DEFAULT_STALE_MS = 10_000;

/** The lock path for a catalog, or undefined when the catalog needs no cross-process lock. */
export function commitLockPath(catalog: LakeCatalog): string | undefined {
  return catalog.kind === 'sqlite' ? `${catalog.path}.commit-lock` : undefined;
}

function ownerFile(lockPath: string): string {
  return `${lockPath}.owner.json`;
}

async function readOwner(lockPath: string): Promise<string> {
  try {
    return await readFile(ownerFile(lockPath), 'utf8');
  } catch {
    return 'unknown';
  }
}

function isLockedError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ELOCKED';
}

/** Polls for the lock with capped exponential backoff and jitter until the deadline. */
async function acquire(
  lockPath: string,
  purpose: string,
  options: CommitLockOptions,
): Promise<() => Promise<void>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const deadline = Date.now() + timeoutMs;
  await mkdir(dirname(lockPath), { recursive: true });
  for (let attempt = 0; ; attempt += 1) {
    try {
      const release = await lockfile.lock(lockPath, {
        realpath: false,
        lockfilePath: lockPath,
        stale: staleMs,
        retries: 0,
        onCompromised: (error: Error) => {
          // Another process took the lock over (this one stalled past staleMs). Keep going: the
          // catalog itself stays consistent and contention errors are retried.
          console.warn(`[lake] commit lock ${lockPath} compromised: ${error.message}`);
        },
      });
      const owner: CommitLockOwner = {
        pid: process.pid,
        hostname: hostname(),
        purpose,
        acquiredAt: new Date().toISOString(),
      };
      await writeFile(ownerFile(lockPath), JSON.stringify(owner));
      return async () => {
        await rm(ownerFile(lockPath), { force: true });
        await release();
      };
    } catch (error: unknown) {
      if (!isLockedError(error)) throw error;
      if (Date.now() >= deadline) {
        throw new Error(
          `Timed out after ${timeoutMs} ms waiting for the lake commit lock ${lockPath} ` +
            `(held by ${await readOwner(lockPath)})`,
          { cause: error },
        );
      }
      const ceiling = Math.min(500, 10 * 2 ** Math.min(attempt, 6));
      await sleepMs(Math.max(5, Math.floor(Math.random() * ceiling)));
    }
  }
}

/**
 * In-process queue per lock path, so one process never contends with itself on the lock. Bounded by
 * its callers (landings of the worker's concurrent activities); each waits its turn, then the lock's timeout.
 */
const localQueues = new Map<string, Promise<unknown>>();

function serialiseLocally<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = localQueues.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  localQueues.set(key, settled);
  void settled.then(() => {
    if (localQueues.get(key) === settled) localQueues.delete(key);
  });
  return next;
}

/**
 * Runs `work` while holding the catalog's commit lock (SQLite), or directly (PostgreSQL).
 * `purpose` is recorded next to the lock for whoever waits on it.
 */
export function withCatalogCommitLock<T>(
  catalog: LakeCatalog,
  purpose: string,
  work: () => Promise<T>,
  options: CommitLockOptions = {},
): Promise<T> {
  const lockPath = commitLockPath(catalog);
  if (lockPath === undefined) return work();
  return serialiseLocally(lockPath, async () => {
    const release = await acquire(lockPath, purpose, options);
    try {
      return await work();
    } finally {
      await release();
    }
  });
}
