// When a supervised process that died is started again: the pure decisions of the supervisor, kept
// apart from processes and timers so they are tested as a table.
//
// The delay is the repository's back-off (@sg/backoff: initial · 2^(deaths-1), at most max)
// without jitter: one supervisor restarts one child, so there is no herd of callers to spread.
import { NO_JITTER, backoffDelayMs } from '@sg/backoff';

export interface RestartPolicy {
  /** Wait before restarting after a first death (ms). */
  readonly initialDelayMs: number;
  /** The longest wait between restarts (ms): each quick death doubles the wait up to this. */
  readonly maxDelayMs: number;
  /** A process up at least this long was healthy: its death starts the back-off over (ms). */
  readonly stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
};

/** The wait before the restart that follows the `consecutiveDeaths`-th quick death in a row (≥ 1). */
export function restartDelayMs(policy: RestartPolicy, consecutiveDeaths: number): number {
  const schedule = { baseDelayMs: policy.initialDelayMs, maxDelayMs: policy.maxDelayMs };
  return backoffDelayMs(schedule, consecutiveDeaths, NO_JITTER);
}

/** What the supervisor remembers between deaths of one process. */
export interface RestartState {
  /** Deaths in a row, each after less than `stableAfterMs` of uptime (0: none yet). */
  readonly consecutiveDeaths: number;
}

export const INITIAL_RESTART_STATE: RestartState = { consecutiveDeaths: 0 };

export type ExitDecision =
  | { readonly kind: 'stopped' }
  | { readonly kind: 'restart'; readonly delayMs: number; readonly state: RestartState };

/**
 * What to do when a supervised process exits after `uptimeMs`: nothing when the supervisor was
 * stopping it (Ctrl-C, SIGTERM); otherwise restart it after the back-off, which starts over when the
 * process had stayed up for `stableAfterMs`. A supervised process is never given up on: the wait is
 * capped, and every death is logged.
 */
export function decideAfterExit(
  policy: RestartPolicy,
  state: RestartState,
  exit: { readonly uptimeMs: number; readonly stopping: boolean },
): ExitDecision {
  if (exit.stopping) return { kind: 'stopped' };
  const consecutiveDeaths = exit.uptimeMs >= policy.stableAfterMs ? 1 : state.consecutiveDeaths + 1;
  return {
    kind: 'restart',
    delayMs: restartDelayMs(policy, consecutiveDeaths),
    state: { consecutiveDeaths },
  };
}
