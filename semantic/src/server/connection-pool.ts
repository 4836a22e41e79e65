// A bounded pool of connections to one database instance: each connection runs one caller's work
// at a time, at most `size` connections exist, at most `maxWaiting` callers wait (FIFO) and none
// waits longer than `maxWaitMs`. A connection is closed only when no work runs on it: a broken one
// after its own work ended, a retired instance's once all of its connections are back. (Sharing one
// DuckDB connection between overlapping queries failed them with "Failed to execute prepared
// statement", and closing it under a running query crashed the process or hung it forever.)
// Generic over the connection type so the queueing rules are tested without a database.

/** The database behind the pool: connections are made from it; it is closed after its last one. */
export interface ConnectionSource<C> {
  connect(): Promise<C>;
  closeConnection(connection: C): void;
  close(): void;
}

export interface PoolLimits {
  /** Connections open at most (each runs one caller's work at a time). */
  readonly size: number;
  /** Callers waiting for a connection at most; the next one is refused (PoolSaturatedError). */
  readonly maxWaiting: number;
  /** How long a caller waits for a connection before it gives up (PoolWaitTimeoutError). */
  readonly maxWaitMs: number;
}

export interface PoolStats {
  readonly size: number;
  /** Connections open or being opened (all instances, retired ones included). */
  readonly open: number;
  /** Connections running a caller's work. */
  readonly leased: number;
  readonly idle: number;
  readonly waiting: number;
}

/** How the work on a leased connection ended. */
export type ReleaseOutcome = 'reuse' | 'discard';

export interface Lease<C> {
  readonly connection: C;
  /** Call exactly once, when the work on the connection has ended (settled), never before. */
  release(outcome: ReleaseOutcome): void;
}

export interface ConnectionPool<C> {
  acquire(): Promise<Lease<C>>;
  /** The instance in use is replaced for new work; it is closed once its connections are back. */
  retire(): void;
  /** Connections running work now (to interrupt them when shutting down). */
  leased(): C[];
  stats(): PoolStats;
  /** Refuses new work, fails waiting callers, closes idle connections (leased ones on release). */
  close(): void;
}

/** Every caller waiting would exceed `maxWaiting`: the server answers 503. */
export class PoolSaturatedError extends Error {
  override name = 'PoolSaturatedError';
}

/** A caller waited `maxWaitMs` for a connection: the server answers Cube's "Continue wait". */
export class PoolWaitTimeoutError extends Error {
  override name = 'PoolWaitTimeoutError';
}

/** The pool is closed (the server is shutting down). */
export class PoolClosedError extends Error {
  override name = 'PoolClosedError';
}

interface Generation<C> {
  /** The instance being opened or open (undefined until first needed, or after a failed open). */
  source: Promise<ConnectionSource<C>> | undefined;
  /** The same once open: every connection of this generation was made from it. */
  opened: ConnectionSource<C> | undefined;
  idle: C[];
  /** Connections made from this source and not closed yet (leased + idle + being made). */
  open: number;
  retired: boolean;
}

interface Ticket<C> {
  settled: boolean;
  resolve(lease: Lease<C>): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** Validates limits: positive integers (maxWaiting may be 0: no caller ever waits). */
export function checkPoolLimits(limits: PoolLimits): PoolLimits {
  const positive = (name: string, value: number, min: number): void => {
    if (!Number.isInteger(value) || value < min) {
      throw new Error(`pool ${name} must be an integer ≥ ${String(min)} (got ${String(value)})`);
    }
  };
  positive('size', limits.size, 1);
  positive('maxWaiting', limits.maxWaiting, 0);
  positive('maxWaitMs', limits.maxWaitMs, 1);
  return limits;
}

export function createConnectionPool<C>(
  openSource: () => Promise<ConnectionSource<C>>,
  limits: PoolLimits,
): ConnectionPool<C> {
  const { size, maxWaiting, maxWaitMs } = checkPoolLimits(limits);
  const newGeneration = (): Generation<C> => ({
    source: undefined,
    opened: undefined,
    idle: [],
    open: 0,
    retired: false,
  });
  let current = newGeneration();
  const generations = new Set<Generation<C>>([current]);
  const queue: Ticket<C>[] = [];
  const leasedNow = new Map<C, Generation<C>>();
  let open = 0;
  let closed = false;

  const sourceOf = (generation: Generation<C>): Promise<ConnectionSource<C>> => {
    if (generation.source === undefined) {
      const opening = openSource();
      generation.source = opening;
      opening.then(
        (source) => {
          generation.opened = source;
        },
        () => {
          // A failed open is retried by the next caller, not remembered.
          if (generation.source === opening) generation.source = undefined;
        },
      );
    }
    return generation.source;
  };

  const closeIfDone = (generation: Generation<C>): void => {
    if (!(generation.retired || closed) || generation.open > 0) return;
    generations.delete(generation);
    const source = generation.opened;
    generation.opened = undefined;
    generation.source = undefined;
    source?.close();
  };

  const closeConnection = (generation: Generation<C>, connection: C): void => {
    open -= 1;
    generation.open -= 1;
    generation.opened?.closeConnection(connection);
    closeIfDone(generation);
  };

  const lease = (generation: Generation<C>, connection: C): Lease<C> => {
    leasedNow.set(connection, generation);
    let released = false;
    return {
      connection,
      release: (outcome) => {
        if (released) return;
        released = true;
        leasedNow.delete(connection);
        if (outcome === 'discard' || generation.retired || closed) {
          closeConnection(generation, connection);
        } else {
          generation.idle.push(connection);
        }
        pump();
      },
    };
  };

  /**
   * A connection made for `ticket`: it gets it, unless it stopped waiting (the connection goes to
   * the next caller) or the instance was retired meanwhile (the caller waits again, first in line).
   */
  const offer = (generation: Generation<C>, connection: C, ticket: Ticket<C>): void => {
    if (closed) {
      settle(ticket, (t) => {
        t.reject(new PoolClosedError('The semantic server is shutting down'));
      });
    } else if (!ticket.settled && !generation.retired) {
      settle(ticket, (t) => {
        t.resolve(lease(generation, connection));
      });
      return;
    } else if (!ticket.settled) {
      queue.unshift(ticket);
    }
    lease(generation, connection).release('reuse');
  };

  const makeConnection = (ticket: Ticket<C>): void => {
    const generation = current;
    open += 1;
    generation.open += 1;
    sourceOf(generation)
      .then((source) => source.connect())
      .then(
        (connection) => {
          offer(generation, connection, ticket);
        },
        (error: unknown) => {
          open -= 1;
          generation.open -= 1;
          closeIfDone(generation);
          settle(ticket, (t) => {
            t.reject(error instanceof Error ? error : new Error(String(error)));
          });
          pump();
        },
      );
  };

  const settle = (ticket: Ticket<C>, how: (ticket: Ticket<C>) => void): void => {
    if (ticket.settled) return;
    ticket.settled = true;
    clearTimeout(ticket.timer);
    how(ticket);
  };

  /** Serves waiting callers in order: an idle connection, else a new one while under `size`. */
  function pump(): void {
    while (queue.length > 0 && !closed) {
      const idle = current.idle.pop();
      if (idle !== undefined) {
        const ticket = queue.shift();
        if (ticket !== undefined) offer(current, idle, ticket);
      } else if (open < size) {
        const ticket = queue.shift();
        if (ticket !== undefined) makeConnection(ticket);
      } else {
        return;
      }
    }
  }

  return {
    acquire: () =>
      new Promise<Lease<C>>((resolve, reject) => {
        if (closed) {
          reject(new PoolClosedError('The semantic server is shutting down'));
          return;
        }
        if (queue.length >= maxWaiting && current.idle.length === 0 && open >= size) {
          reject(
            new PoolSaturatedError(
              `Busy: ${String(leasedNow.size)} queries running and ${String(queue.length)} waiting (limits ${String(size)} and ${String(maxWaiting)}); retry shortly`,
            ),
          );
          return;
        }
        const ticket: Ticket<C> = {
          settled: false,
          resolve,
          reject,
          timer: setTimeout(() => {
            const at = queue.indexOf(ticket);
            if (at >= 0) queue.splice(at, 1);
            settle(ticket, (t) => {
              t.reject(
                new PoolWaitTimeoutError(`No connection free within ${String(maxWaitMs)} ms`),
              );
            });
          }, maxWaitMs),
        };
        queue.push(ticket);
        pump();
      }),
    retire: () => {
      const old = current;
      old.retired = true;
      for (const connection of old.idle.splice(0)) closeConnection(old, connection);
      current = newGeneration();
      generations.add(current);
      closeIfDone(old);
    },
    leased: () => [...leasedNow.keys()],
    stats: () => ({
      size,
      open,
      leased: leasedNow.size,
      idle: [...generations].reduce((n, g) => n + g.idle.length, 0),
      waiting: queue.length,
    }),
    close: () => {
      closed = true;
      for (const ticket of queue.splice(0)) {
        settle(ticket, (t) => {
          t.reject(new PoolClosedError('The semantic server is shutting down'));
        });
      }
      for (const generation of [...generations]) {
        for (const connection of generation.idle.splice(0)) closeConnection(generation, connection);
        closeIfDone(generation);
      }
    },
  };
}
