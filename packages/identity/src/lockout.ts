// Lock-out: the 6th wrong password within 15 minutes locks the account until the oldest of those
// failures is 15 minutes old. Pure; the failures come from app.sign_in_failures.

export const LOCKOUT_FAILURES = 6;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

export type LockoutState =
  | { readonly isLocked: false; readonly recentFailures: number }
  | { readonly isLocked: true; readonly recentFailures: number; readonly lockedUntil: Date };

/** `failures`: times of failed sign-ins of one login, any order. */
export function lockoutState(failures: readonly Date[], now: Date): LockoutState {
  const recent = failures
    .filter((at) => now.getTime() - at.getTime() < LOCKOUT_WINDOW_MS && at <= now)
    .sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < LOCKOUT_FAILURES) return { isLocked: false, recentFailures: recent.length };
  // Locked until the window no longer holds LOCKOUT_FAILURES failures.
  const pivot = recent[recent.length - LOCKOUT_FAILURES];
  if (pivot === undefined) return { isLocked: false, recentFailures: recent.length };
  return {
    isLocked: true,
    recentFailures: recent.length,
    lockedUntil: new Date(pivot.getTime() + LOCKOUT_WINDOW_MS),
  };
}
