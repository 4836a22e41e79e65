import { describe, expect, it } from 'vitest';
import { NO_JITTER, backoffDelayMs, fullJitter } from './index.ts';

const BASE_100_CAP_1000 = { baseDelayMs: 100, maxDelayMs: 1_000 };
const BASE_50_CAP_2000 = { baseDelayMs: 50, maxDelayMs: 2_000 };
const HALF_SECOND_TO_THIRTY = { baseDelayMs: 500, maxDelayMs: 30_000 };

describe('backoffDelayMs with full jitter (HTTP retries, catalog commits)', () => {
  it.each([
    [1, 100],
    [2, 200],
    [3, 400],
    [4, 800],
    [5, 1_000],
    [9, 1_000],
  ])('attempt %i waits less than %i ms', (attempt, ceiling) => {
    expect(
      backoffDelayMs(
        BASE_100_CAP_1000,
        attempt,
        fullJitter(() => 0),
      ),
    ).toBe(0);
    expect(
      backoffDelayMs(
        BASE_100_CAP_1000,
        attempt,
        fullJitter(() => 0.999_999),
      ),
    ).toBe(ceiling - 1);
    expect(
      backoffDelayMs(
        BASE_100_CAP_1000,
        attempt,
        fullJitter(() => 0.5),
      ),
    ).toBe(ceiling / 2);
  });

  it.each([
    [1, 0, 0],
    [1, 0.5, 25],
    [3, 0.5, 100],
    [20, 0.5, 2000 / 2],
  ])('attempt %d with random %d → %d ms (base 50, cap 2000)', (attempt, random, expected) => {
    expect(
      backoffDelayMs(
        BASE_50_CAP_2000,
        attempt,
        fullJitter(() => random),
      ),
    ).toBe(expected);
  });

  it('draws from Math.random by default, within the ceiling', () => {
    const delay = backoffDelayMs(BASE_100_CAP_1000, 3, fullJitter());
    expect(delay).toBeGreaterThanOrEqual(0);
    expect(delay).toBeLessThan(400);
  });
});

describe('backoffDelayMs without jitter (supervised restarts)', () => {
  it.each([
    [0, 500],
    [1, 500],
    [2, 1_000],
    [3, 2_000],
    [7, 30_000],
    [2_000, 30_000],
  ])('failure %i waits %i ms', (attempt, expected) => {
    expect(backoffDelayMs(HALF_SECOND_TO_THIRTY, attempt, NO_JITTER)).toBe(expected);
  });
});
