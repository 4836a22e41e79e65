import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RESTART_POLICY,
  INITIAL_RESTART_STATE,
  decideAfterExit,
  restartDelayMs,
} from './restart-policy.ts';
import type { RestartPolicy } from './restart-policy.ts';

const POLICY_HALF_SECOND_TO_THIRTY: RestartPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
};

describe('restartDelayMs', () => {
  it.each([
    [1, 500],
    [2, 1_000],
    [3, 2_000],
    [4, 4_000],
    [6, 16_000],
    [7, 30_000],
    [8, 30_000],
    [2_000, 30_000],
  ])('after %i quick deaths in a row waits %i ms', (deaths, expected) => {
    expect(restartDelayMs(POLICY_HALF_SECOND_TO_THIRTY, deaths)).toBe(expected);
  });

  it('treats 0 deaths like the first', () => {
    expect(restartDelayMs(POLICY_HALF_SECOND_TO_THIRTY, 0)).toBe(500);
  });
});

describe('decideAfterExit', () => {
  it('restarts nothing when the supervisor is stopping it', () => {
    expect(
      decideAfterExit(DEFAULT_RESTART_POLICY, INITIAL_RESTART_STATE, {
        uptimeMs: 5,
        stopping: true,
      }),
    ).toEqual({ kind: 'stopped' });
  });

  it('doubles the wait for each quick death and starts over after a stable run', () => {
    const uptimes = [1_000, 2_000, 3_000, 120_000, 10];
    const delays: number[] = [];
    let state = INITIAL_RESTART_STATE;
    for (const uptimeMs of uptimes) {
      const decision = decideAfterExit(POLICY_HALF_SECOND_TO_THIRTY, state, {
        uptimeMs,
        stopping: false,
      });
      if (decision.kind !== 'restart') throw new Error('expected a restart');
      delays.push(decision.delayMs);
      state = decision.state;
    }
    // Three quick deaths: 0.5 s, 1 s, 2 s. Up two minutes, then died: 0.5 s again; quick: 1 s.
    expect(delays).toEqual([500, 1_000, 2_000, 500, 1_000]);
  });

  it('never gives up: a crash loop keeps restarting at the cap', () => {
    let state = INITIAL_RESTART_STATE;
    for (let i = 0; i < 50; i += 1) {
      const decision = decideAfterExit(POLICY_HALF_SECOND_TO_THIRTY, state, {
        uptimeMs: 100,
        stopping: false,
      });
      if (decision.kind !== 'restart') throw new Error('expected a restart');
      state = decision.state;
    }
    expect(restartDelayMs(POLICY_HALF_SECOND_TO_THIRTY, state.consecutiveDeaths)).toBe(30_000);
  });

  it('counts a run of exactly stableAfterMs as stable', () => {
    const decision = decideAfterExit(
      POLICY_HALF_SECOND_TO_THIRTY,
      { consecutiveDeaths: 5 },
      { uptimeMs: 60_000, stopping: false },
    );
    expect(decision).toEqual({ kind: 'restart', delayMs: 500, state: { consecutiveDeaths: 1 } });
  });
});
