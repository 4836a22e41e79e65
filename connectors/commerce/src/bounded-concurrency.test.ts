import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { mapBounded } from './bounded-concurrency.ts';

describe('mapBounded', () => {
  it.each([[1], [3], [10]])(
    'keeps at most %i calls in flight and the results in order',
    async (limit) => {
      let inFlight = 0;
      let peak = 0;
      const items = [5, 1, 4, 2, 3, 0, 6];
      const results = await mapBounded(items, limit, async (item, index) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await delay(item);
        inFlight -= 1;
        return `${index}:${item}`;
      });
      expect(results).toEqual(items.map((item, index) => `${index}:${item}`));
      expect(peak).toBe(Math.min(limit, items.length));
    },
  );

  it('rejects with the first failure and starts no new calls after it', async () => {
    const started: number[] = [];
    await expect(
      mapBounded([0, 1, 2, 3, 4], 1, async (item) => {
        started.push(item);
        await delay(1);
        if (item === 1) throw new Error('vendor down');
        return item;
      }),
    ).rejects.toThrow('vendor down');
    expect(started).toEqual([0, 1]);
  });

  it('rejects a limit below one', async () => {
    await expect(mapBounded([1], 0, () => Promise.resolve(1))).rejects.toThrow(RangeError);
  });
});
