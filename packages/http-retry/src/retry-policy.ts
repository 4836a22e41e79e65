/**
 * When an HTTP source client retries, and how long it waits: exponential backoff with full jitter for
 * 5xx, network errors and malformed bodies; for 429 the vendor's Retry-After (plus a little jitter
 * so that many workers do not return at the same instant). Attempts are bounded.
 */

import { backoffDelayMs, fullJitter } from '@sg/backoff';

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

/** The wait after a 429 that carried Retry-After. */
export function retryAfterDelayMs(
  policy: RetryPolicy,
  retryAfterMs: number,
  random: () => number,
): number {
  return retryAfterMs + Math.floor(random() * policy.baseDelayMs);
}

/**
 * Retry-After as milliseconds: delta-seconds ('7') or an HTTP date; undefined when absent or
 * unreadable. Dates in the past give 0.
 */
export function parseRetryAfterMs(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // IMF-fixdate and the obsolete forms all start with a day name ('Mon, …', 'Monday, …').
  if (!/^[A-Za-z]{3}/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * The wait before attempt `attempt + 1`: Retry-After (with jitter) when given, else the shared
 * back-off (@sg/backoff) with full jitter: uniform in [0, min(maxDelay, base · 2^(attempt−1))).
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number,
): number {
  return retryAfterMs === undefined
    ? backoffDelayMs(policy, attempt, fullJitter(random))
    : retryAfterDelayMs(policy, retryAfterMs, random);
}
