import { describe, expect, it } from 'vitest';
import { callWithRetries } from './call-with-retries.ts';
import type { RetryPolicy } from './retry-policy.ts';

class SourceError extends Error {
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly attempts: number;
  constructor(message: string, retryable: boolean, retryAfterMs?: number, attempts = 1) {
    super(message);
    this.retryable = retryable;
    this.retryAfterMs = retryAfterMs;
    this.attempts = attempts;
  }
  withAttempts(attempts: number): SourceError {
    return new SourceError(
      `${this.message} ×${String(attempts)}`,
      this.retryable,
      this.retryAfterMs,
      attempts,
    );
  }
}

const POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  maxRetryAfterMs: 5_000,
};

function harness(outcomes: (SourceError | string)[]) {
  const waits: number[] = [];
  let calls = 0;
  let prepared = 0;
  const run = (repeatAtOnce?: (failure: SourceError) => boolean) =>
    callWithRetries({
      policy: POLICY,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
      random: () => 0.5,
      isFailure: (error): error is SourceError => error instanceof SourceError,
      prepare: () => {
        prepared += 1;
        return Promise.resolve(prepared);
      },
      attempt: (token) => {
        const outcome = outcomes[calls] ?? 'no more outcomes';
        calls += 1;
        return outcome instanceof SourceError
          ? Promise.reject(outcome)
          : Promise.resolve(`${outcome} (token ${String(token)})`);
      },
      ...(repeatAtOnce === undefined ? {} : { repeatAtOnce }),
    });
  return { run, waits, calls: () => calls };
}

describe('callWithRetries', () => {
  it('retries retryable failures with backoff and returns the first success', async () => {
    const h = harness([new SourceError('500', true), new SourceError('cut', true), 'ok']);
    await expect(h.run()).resolves.toBe('ok (token 3)');
    expect(h.waits).toEqual([50, 100]); // full jitter at 0.5 of 100, 200
  });

  it('waits what Retry-After asks (plus jitter) instead of the backoff', async () => {
    const h = harness([new SourceError('429', true, 2_000), 'ok']);
    await h.run();
    expect(h.waits).toEqual([2_050]);
  });

  it('stops at the attempt limit and says how many attempts were made', async () => {
    const h = harness([
      new SourceError('500', true),
      new SourceError('500', true),
      new SourceError('500', true),
    ]);
    await expect(h.run()).rejects.toMatchObject({ message: '500 ×3', attempts: 3 });
    expect(h.calls()).toBe(3);
  });

  it('does not retry a failure that is not retryable, nor a Retry-After beyond the policy', async () => {
    await expect(harness([new SourceError('401', false)]).run()).rejects.toMatchObject({
      attempts: 1,
    });
    const long = harness([new SourceError('429', true, 60_000), 'ok']);
    await expect(long.run()).rejects.toMatchObject({ message: '429 ×1' });
    expect(long.waits).toEqual([]);
  });

  it('throws other errors through at once', async () => {
    const h = harness([]);
    const bug = callWithRetries({
      policy: POLICY,
      sleep: () => Promise.resolve(),
      random: () => 0,
      isFailure: (error): error is SourceError => error instanceof SourceError,
      prepare: () => Promise.resolve(),
      attempt: () => Promise.reject(new TypeError('a bug')),
    });
    await expect(bug).rejects.toThrow(TypeError);
    expect(h.waits).toEqual([]);
  });

  it('repeats at once, without counting an attempt, when the client says so', async () => {
    const expired = new SourceError('token expired', false);
    const h = harness([expired, new SourceError('500', true), new SourceError('500', true), 'ok']);
    let repeated = 0;
    await expect(
      h.run((failure) => {
        if (failure !== expired) return false;
        repeated += 1;
        return true;
      }),
    ).resolves.toBe('ok (token 4)');
    expect(repeated).toBe(1);
    expect(h.waits).toHaveLength(2); // the repeat did not wait
  });
});
