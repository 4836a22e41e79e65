import { setTimeout as sleepMs } from 'node:timers/promises';
import { backoffDelayMs, fullJitter } from '@sg/backoff';

/**
 * Error messages that mean "another writer (or a reader) got to the catalog first; the same work
 * will succeed if run again from the start". Matched case-insensitively against the whole message.
 * - SQLite catalog: `database is locked` (SQLITE_BUSY; a reader upgrading to writer while another
 *   process writes fails at once, whatever the busy timeout), `database table is locked`.
 * - DuckLake: `Transaction conflict` (two commits touched the same table/file).
 * - PostgreSQL catalog: serialization failures and deadlocks.
 */
const CONTENTION_PATTERNS: readonly RegExp[] = [
  /database is locked/i,
  /database table is locked/i,
  /SQLITE_BUSY/i,
  /transaction conflict/i,
  /could not serialize access/i,
  /deadlock detected/i,
];

export function isCatalogContentionError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return CONTENTION_PATTERNS.some((pattern) => pattern.test(message));
}

/**
 * Two processes attaching a brand-new catalog both try to create DuckLake's metadata tables; the
 * loser fails ("Failed to initialize DuckLake: … already exists / duplicate key"). Attaching again
 * finds the catalog the winner created.
 */
export function isCatalogInitialisationRace(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return (
    /Failed to initialize DuckLake/i.test(message) &&
    /already exists|duplicate key|database is locked/i.test(message)
  );
}

export interface RetryOptions {
  /** Total attempts including the first (default 8). */
  maxAttempts?: number;
  /** First backoff ceiling in ms; doubles each attempt (default 50). */
  baseDelayMs?: number;
  /** Backoff ceiling in ms (default 2000). */
  maxDelayMs?: number;
  /** Which errors to retry (default isCatalogContentionError). */
  isRetryable?: (error: unknown) => boolean;
  /** Called before each retry, e.g. to log or count. */
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  /** Injected for tests. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Runs `work` and runs it again, whole, after a backoff (@sg/backoff, full jitter) when it fails
 * with catalog contention.
 * `work` must be safe to repeat from the start (a whole transaction, not a single statement).
 */
export async function retryOnCatalogContention<T>(
  work: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 8;
  const baseDelayMs = options.baseDelayMs ?? 50;
  const maxDelayMs = options.maxDelayMs ?? 2000;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => sleepMs(ms));
  const isRetryable = options.isRetryable ?? isCatalogContentionError;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work(attempt);
    } catch (error: unknown) {
      if (attempt >= maxAttempts || !isRetryable(error)) throw error;
      const delayMs = backoffDelayMs({ baseDelayMs, maxDelayMs }, attempt, fullJitter(random));
      options.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}
