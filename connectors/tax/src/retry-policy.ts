/**
 * When the live tax client retries and how long it waits: exponential backoff with full jitter
 * (the lake's `backoffDelayMs`) for 5xx, network errors and malformed bodies; for 429 the
 * platform's Retry-After plus a little jitter. Authorisation and credential errors never retry.
 */
import { backoffDelayMs } from '@sg/lake';

export interface RetryPolicy {
  /** Total attempts including the first. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the call fails as rate_limited. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/** The wait before attempt `attempt + 1` after a retryable failure. */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number,
): number {
  if (retryAfterMs !== undefined) return retryAfterMs + Math.floor(random() * policy.baseDelayMs);
  return backoffDelayMs(attempt, policy.baseDelayMs, policy.maxDelayMs, random);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent/unreadable. */
export function parseRetryAfterMs(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/^[A-Za-z]{3}/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
