import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, parseRetryAfterMs, retryAfterDelayMs } from './retry-policy.ts';

const POLICY = { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 };

describe('DEFAULT_RETRY_POLICY', () => {
  it('has bounded defaults', () => {
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBeGreaterThan(1);
    expect(DEFAULT_RETRY_POLICY.maxDelayMs).toBeLessThanOrEqual(
      DEFAULT_RETRY_POLICY.maxRetryAfterMs,
    );
  });
});

describe('Retry-After', () => {
  const NOW = Date.parse('2025-06-30T00:00:00Z');

  it.each([
    ['delta seconds', '7', 7_000],
    ['zero', '0', 0],
    ['an HTTP date 3 s ahead', 'Mon, 30 Jun 2025 00:00:03 GMT', 3_000],
    ['an HTTP date in the past', 'Sun, 29 Jun 2025 23:00:00 GMT', 0],
    ['absent', null, undefined],
    ['garbage', 'soon', undefined],
    ['a negative number', '-3', undefined],
  ])('reads %s', (_name, header, ms) => {
    expect(parseRetryAfterMs(header, NOW)).toBe(ms);
  });

  it('waits at least Retry-After, plus less than one base delay of jitter', () => {
    expect(retryAfterDelayMs(POLICY, 2_000, () => 0)).toBe(2_000);
    expect(retryAfterDelayMs(POLICY, 2_000, () => 0.999)).toBe(2_099);
  });
});
