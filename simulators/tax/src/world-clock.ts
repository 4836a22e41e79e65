/**
 * The simulator's clock: the world's "today" (asOf, 18:00 Beijing time) when the server starts,
 * then running with real time, plus whatever a test advanced it by. Authorisations and access
 * tokens expire against this clock, so a world generated with asOf 2025-06-30 behaves the same
 * whenever it is served.
 */

export interface WorldClock {
  now(): number;
  advance(seconds: number): void;
}

export function worldStartMs(asOf: string): number {
  return Date.parse(`${asOf}T18:00:00+08:00`);
}

export function createWorldClock(asOf: string, realNow: () => number = Date.now): WorldClock {
  const startedAt = realNow();
  const start = worldStartMs(asOf);
  let offsetMs = 0;
  return {
    now: () => start + (realNow() - startedAt) + offsetMs,
    advance(seconds) {
      offsetMs += seconds * 1000;
    },
  };
}
