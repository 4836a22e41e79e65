import { describe, expect, it } from 'vitest';
import { orderedPrefetch } from './ordered-prefetch.ts';

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of source) out.push(value);
  return out;
}

describe('orderedPrefetch', () => {
  it('returns results in input order even when later items finish first', async () => {
    const delays = [30, 1, 10, 0, 5];
    const results = await collect(
      orderedPrefetch(delays, ['a', 'b'], async (delay, worker) => {
        await new Promise((resolve) => setTimeout(resolve, delay));
        return `${String(delay)}@${worker}`;
      }),
    );
    expect(results).toEqual(['30@a', '1@b', '10@a', '0@b', '5@a']);
  });

  it('runs at most one item per worker, and works ahead while the consumer is busy', async () => {
    const busy = new Set<string>();
    const started: number[] = [];
    let overlap = false;
    const source = orderedPrefetch([0, 1, 2, 3], ['a', 'b'], async (item, worker) => {
      if (busy.has(worker)) overlap = true;
      busy.add(worker);
      started.push(item);
      await Promise.resolve();
      busy.delete(worker);
      return item;
    });
    const iterator = source[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toBe(0);
    // While item 0 is being consumed, item 1 has already been worked on (ahead), item 2 not yet.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(started).toEqual([0, 1]);
    expect((await iterator.next()).value).toBe(1);
    expect((await iterator.next()).value).toBe(2);
    expect((await iterator.next()).value).toBe(3);
    expect((await iterator.next()).done).toBe(true);
    expect(overlap).toBe(false);
  });

  it('holds a later failure until its turn, after the earlier results', async () => {
    const seen: number[] = [];
    const failing = orderedPrefetch([1, 2, 3], ['a', 'b'], async (item) => {
      await Promise.resolve();
      if (item === 2) throw new Error('file 2 is damaged');
      return item;
    });
    await expect(
      (async () => {
        for await (const value of failing) seen.push(value);
      })(),
    ).rejects.toThrow('file 2 is damaged');
    expect(seen).toEqual([1]);
  });

  it('with one worker it is sequential: the next item starts after the previous was consumed', async () => {
    const log: string[] = [];
    for await (const value of orderedPrefetch([1, 2, 3], ['main'], async (item) => {
      log.push(`work ${String(item)}`);
      await Promise.resolve();
      return item;
    })) {
      log.push(`consume ${String(value)}`);
    }
    expect(log).toEqual(['work 1', 'consume 1', 'work 2', 'consume 2', 'work 3', 'consume 3']);
  });

  it('waits for the work in flight when the consumer stops early', async () => {
    let finished = 0;
    for await (const value of orderedPrefetch([1, 2, 3], ['a', 'b'], async (item) => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      finished += 1;
      return item;
    })) {
      if (value === 1) break;
    }
    expect(finished).toBe(2);
  });
});
