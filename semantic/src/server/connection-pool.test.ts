// The pool's rules with plain objects as connections (the DuckDB behaviour is tested in
// query-runner.test.ts and server-process.test.ts against a real lake).
import { describe, expect, it } from 'vitest';
import {
  PoolClosedError,
  PoolSaturatedError,
  PoolWaitTimeoutError,
  createConnectionPool,
} from './connection-pool.ts';
import type { ConnectionSource, PoolLimits } from './connection-pool.ts';

interface FakeConnection {
  readonly id: string;
  closed: boolean;
}

/** A recording source: connections named `<instance>.<n>`; the log lists closes in order. */
function recordingSources() {
  const log: string[] = [];
  let instances = 0;
  const open = (): Promise<ConnectionSource<FakeConnection>> => {
    instances += 1;
    const instance = `i${String(instances)}`;
    let made = 0;
    return Promise.resolve({
      connect: () => {
        made += 1;
        return Promise.resolve({ id: `${instance}.${String(made)}`, closed: false });
      },
      closeConnection: (connection) => {
        connection.closed = true;
        log.push(`close ${connection.id}`);
      },
      close: () => {
        log.push(`close ${instance}`);
      },
    });
  };
  return { open, log, instances: () => instances };
}

const LIMITS: PoolLimits = { size: 2, maxWaiting: 2, maxWaitMs: 200 };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('connection pool', () => {
  it('makes at most `size` connections and hands them over in arrival order', async () => {
    const sources = recordingSources();
    const pool = createConnectionPool(sources.open, LIMITS);
    const a = await pool.acquire();
    const b = await pool.acquire();
    const served: string[] = [];
    const c = pool.acquire().then((lease) => (served.push(`c:${lease.connection.id}`), lease));
    const d = pool.acquire().then((lease) => (served.push(`d:${lease.connection.id}`), lease));
    await tick();
    expect(pool.stats()).toMatchObject({ open: 2, leased: 2, waiting: 2 });
    b.release('reuse');
    a.release('reuse');
    (await c).release('reuse');
    (await d).release('reuse');
    expect(served).toEqual(['c:i1.2', 'd:i1.1']);
    expect(sources.instances()).toBe(1);
    expect(pool.stats()).toMatchObject({ open: 2, leased: 0, idle: 2, waiting: 0 });
  });

  it('refuses a caller beyond the queue and times out a caller who waits too long', async () => {
    const pool = createConnectionPool(recordingSources().open, { ...LIMITS, maxWaiting: 1 });
    const held = [await pool.acquire(), await pool.acquire()];
    const waiting = pool.acquire();
    await expect(pool.acquire()).rejects.toBeInstanceOf(PoolSaturatedError);
    await expect(waiting).rejects.toBeInstanceOf(PoolWaitTimeoutError);
    expect(pool.stats().waiting).toBe(0);
    for (const lease of held) lease.release('reuse');
  });

  it('closes a discarded connection once its work ended and makes a new one', async () => {
    const sources = recordingSources();
    const pool = createConnectionPool(sources.open, LIMITS);
    const broken = await pool.acquire();
    const other = await pool.acquire();
    const next = pool.acquire();
    expect(sources.log).toEqual([]);
    broken.release('discard');
    expect(broken.connection.closed).toBe(true);
    expect((await next).connection.id).toBe('i1.3');
    expect(other.connection.closed).toBe(false);
  });

  it('retire(): new work gets a new instance; the old one closes after its last lease', async () => {
    const sources = recordingSources();
    const pool = createConnectionPool(sources.open, LIMITS);
    const old = await pool.acquire();
    const idle = await pool.acquire();
    idle.release('reuse');
    pool.retire();
    expect(sources.log).toEqual(['close i1.2']);
    const fresh = await pool.acquire();
    expect(fresh.connection.id).toBe('i2.1');
    expect(old.connection.closed).toBe(false);
    old.release('reuse');
    await tick();
    expect(sources.log).toEqual(['close i1.2', 'close i1.1', 'close i1']);
    fresh.release('reuse');
  });

  it('a failed open fails that caller only; the next caller opens again', async () => {
    let attempts = 0;
    const good = recordingSources();
    const pool = createConnectionPool(() => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(new Error('lake missing')) : good.open();
    }, LIMITS);
    await expect(pool.acquire()).rejects.toThrow('lake missing');
    expect((await pool.acquire()).connection.id).toBe('i1.1');
    expect(pool.stats().open).toBe(1);
  });

  it('close(): waiting callers are refused, idle connections close, busy ones on release', async () => {
    const sources = recordingSources();
    const pool = createConnectionPool(sources.open, LIMITS);
    const busy = await pool.acquire();
    (await pool.acquire()).release('reuse');
    const busy2 = await pool.acquire();
    const waiting = pool.acquire();
    pool.close();
    await expect(waiting).rejects.toBeInstanceOf(PoolClosedError);
    await expect(pool.acquire()).rejects.toBeInstanceOf(PoolClosedError);
    expect(busy.connection.closed).toBe(false);
    busy.release('reuse');
    busy2.release('reuse');
    await tick();
    expect(sources.log).toEqual(['close i1.1', 'close i1.2', 'close i1']);
  });
});
