import { describe, expect, it } from 'vitest';
import { percentile, summariseLatencies } from './latency.ts';

describe('percentile (nearest rank)', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);
  it.each([
    [50, 50],
    [95, 95],
    [99, 99],
    [100, 100],
    [0, 1],
  ])('p%d of 1..100 is %d', (p, expected) => {
    expect(percentile(oneToHundred, p)).toBe(expected);
  });

  it('of one sample is that sample, of none is 0', () => {
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });
});

describe('summariseLatencies', () => {
  it('sorts the samples and gives throughput per second', () => {
    expect(summariseLatencies([30, 10, 20, 40], 2)).toEqual({
      requests: 4,
      seconds: 2,
      requestsPerSecond: 2,
      p50Ms: 20,
      p95Ms: 40,
      p99Ms: 40,
      maxMs: 40,
    });
  });
});
