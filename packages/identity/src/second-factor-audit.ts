// The second step of a staff sign-in: better-auth answers a right password of a TOTP user with
// `twoFactorRedirect` (first factor only, no session yet); `/two-factor/verify-totp` completes it.
// Both steps are audited apart, so the auditor can count complete sign-ins.
import { appendAuditEvent } from '@sg/app-db';
import { isAPIError } from 'better-auth/api';
import type { Pool } from 'pg';

const VERIFY_TOTP = '/two-factor/verify-totp';

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}

/** True when a sign-in's answer asks for the second factor instead of opening a session. */
export function isSecondFactorPending(returned: unknown): boolean {
  return record(returned)?.['twoFactorRedirect'] === true;
}

export interface TotpCheck {
  readonly path: string;
  readonly returned: unknown;
  readonly ip: string | null;
  /** The request carried the pending sign-in's cookie (else: a signed-in user enrolling). */
  readonly isSignInStep: boolean;
  /** The user whose code is checked (pending sign-in or signed-in session); null when unknown. */
  readonly checkedUser: () => Promise<unknown>;
}

/** The login an event names for a user record: its username, else its id. */
function loginOf(user: Record<string, unknown> | undefined): string | undefined {
  const name = user?.['username'] ?? user?.['id'];
  return typeof name === 'string' ? name : undefined;
}

/** Audits the outcome of a TOTP check, at sign-in or at enrolment; other paths are left alone. */
export async function auditSecondFactor(pool: Pool, check: TotpCheck): Promise<void> {
  if (check.path !== VERIFY_TOTP) return;
  const { ip, returned } = check;
  if (isAPIError(returned)) {
    await appendAuditEvent(pool, {
      actor: loginOf(record(await check.checkedUser())) ?? 'anonymous',
      action: check.isSignInStep ? 'sign_in_second_factor_failed' : 'two_factor_enrolment_failed',
      subject: 'two_factor:totp',
      detail: { ip, code: returned.body?.code ?? null },
    });
    return;
  }
  const login = loginOf(record(record(returned)?.['user'])) ?? 'unknown';
  await appendAuditEvent(pool, {
    actor: login,
    action: check.isSignInStep ? 'sign_in_second_factor_succeeded' : 'two_factor_enabled',
    subject: `user:${login}`,
    detail: { ip, factor: 'totp' },
  });
}
