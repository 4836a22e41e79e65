import { describe, expect, it } from 'vitest';
import { createSeededRandom, deriveSeed } from './seeded-random.ts';

function draws(seed: number, n: number): number[] {
  const random = createSeededRandom(seed);
  return Array.from({ length: n }, () => random.next());
}

describe('createSeededRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draws(42, 50)).toEqual(draws(42, 50));
  });

  it.each([
    ['neighbouring seeds', 1, 2],
    ['zero and one', 0, 1],
    ['large seeds', 2 ** 40, 2 ** 40 + 1],
  ])('gives different sequences for %s', (_name, a, b) => {
    expect(draws(a, 10)).not.toEqual(draws(b, 10));
  });

  it('stays in [0, 1) and spreads evenly over ten buckets', () => {
    const buckets = new Array<number>(10).fill(0);
    for (const x of draws(7, 20_000)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      buckets[Math.floor(x * 10)] = (buckets[Math.floor(x * 10)] ?? 0) + 1;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(1_800);
  });

  it('int covers both bounds and nothing outside them', () => {
    const random = createSeededRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i += 1) seen.add(random.int(-2, 2));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
  });

  it('weighted never picks a zero-weight item and follows the weights', () => {
    const random = createSeededRandom(5);
    const counts = { a: 0, b: 0, never: 0 };
    const items = [
      ['a', 3],
      ['b', 1],
      ['never', 0],
    ] as const;
    for (let i = 0; i < 8_000; i += 1) counts[random.weighted(items, ([, w]) => w)[0]] += 1;
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.6);
    expect(counts.a / counts.b).toBeLessThan(3.4);
  });

  it.each([
    ['pick from an empty list', () => createSeededRandom(1).pick([])],
    ['weighted with no positive weight', () => createSeededRandom(1).weighted([1], () => 0)],
    ['an inverted integer range', () => createSeededRandom(1).int(3, 2)],
    ['a fractional seed', () => createSeededRandom(1.5)],
  ])('throws on %s', (_name, call) => {
    expect(call).toThrow(RangeError);
  });
});

describe('deriveSeed', () => {
  it('gives each stream of a seed its own, repeatable seed', () => {
    const streams = Array.from({ length: 1_000 }, (_, i) => deriveSeed(99, i));
    expect(new Set(streams).size).toBe(1_000);
    expect(deriveSeed(99, 17)).toBe(streams[17]);
    expect(deriveSeed(100, 17)).not.toBe(streams[17]);
  });
});
