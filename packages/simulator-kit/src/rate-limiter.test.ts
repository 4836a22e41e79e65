import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.ts';

function fakeClock(startMs = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = startMs;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('createRateLimiter', () => {
  it('allows a burst up to capacity, then answers with Retry-After seconds', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 0.5 }, clock.now);
    expect([1, 2, 3].map(() => limiter.take('key').allowed)).toEqual([true, true, true]);
    expect(limiter.take('key')).toEqual({ allowed: false, retryAfterSeconds: 2 });
  });

  it('refills over time', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 2 }, clock.now);
    expect(limiter.take('key').allowed).toBe(true);
    expect(limiter.take('key').allowed).toBe(false);
    clock.advance(500);
    expect(limiter.take('key').allowed).toBe(true);
  });

  it('meters each API key separately', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 1 }, clock.now);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('rejects a limit that can never admit a request', () => {
    expect(() => createRateLimiter({ capacity: 0, refillPerSecond: 1 }, Date.now)).toThrow(
      RangeError,
    );
  });
});
