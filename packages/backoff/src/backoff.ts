/**
 * The repository's one back-off schedule: capped exponential, `base · 2^(attempt−1)` at most `max`,
 * with the jitter chosen by the caller. Callers that many processes run at once (HTTP retries,
 * catalog commits) spread themselves with full jitter; one supervisor restarting one child needs
 * none.
 */

export interface BackoffSchedule {
  /** The wait (or its ceiling, with jitter) after the first failure, in ms. */
  readonly baseDelayMs: number;
  /** The longest wait (or ceiling), in ms: each failure doubles the wait up to this. */
  readonly maxDelayMs: number;
}

/**
 * `none`: exactly the ceiling. `full`: uniform in [0, ceiling) from `random` (values in [0, 1)),
 * so that many callers failing together do not return together.
 */
export type Jitter =
  { readonly kind: 'none' } | { readonly kind: 'full'; readonly random: () => number };

export const NO_JITTER: Jitter = { kind: 'none' };

/** Full jitter drawn from `random` (default Math.random; tests inject a fixed one). */
export function fullJitter(random: () => number = Math.random): Jitter {
  return { kind: 'full', random };
}

/**
 * The wait after the `attempt`-th failure in a row (attempt 1 is the first; below 1 counts as 1):
 * `min(maxDelayMs, baseDelayMs · 2^(attempt−1))`, jittered. Whole milliseconds.
 */
export function backoffDelayMs(schedule: BackoffSchedule, attempt: number, jitter: Jitter): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // 2^exponent overflows to Infinity long after the cap is reached: Math.min still answers the cap.
  const ceiling = Math.min(schedule.maxDelayMs, schedule.baseDelayMs * 2 ** exponent);
  return jitter.kind === 'none' ? ceiling : Math.floor(jitter.random() * ceiling);
}
