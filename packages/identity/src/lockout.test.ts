import { describe, expect, it } from 'vitest';
import { lockoutState } from './lockout.ts';

const NOW = new Date('2026-12-04T10:00:00Z');
const minutesAgo = (minutes: number): Date => new Date(NOW.getTime() - minutes * 60_000);

describe('lockoutState', () => {
  it.each([
    ['no failures', [], false],
    ['five failures in 15 minutes', [1, 2, 3, 4, 5].map(minutesAgo), false],
    ['the sixth failure in 15 minutes locks', [1, 2, 3, 4, 5, 6].map(minutesAgo), true],
    ['six failures, one 16 minutes ago', [1, 2, 3, 4, 5, 16].map(minutesAgo), false],
    ['six failures spread over an hour', [0, 12, 24, 36, 48, 60].map(minutesAgo), false],
  ] satisfies [string, Date[], boolean][])('%s: locked %s', (_name, failures, isLocked) => {
    expect(lockoutState(failures, NOW).isLocked).toBe(isLocked);
  });

  it('stays locked until the sixth-last failure is 15 minutes old', () => {
    const state = lockoutState([1, 2, 3, 4, 5, 6, 7].map(minutesAgo), NOW);
    expect(state).toEqual({ isLocked: true, recentFailures: 7, lockedUntil: minutesAgo(6 - 15) });
  });
});
