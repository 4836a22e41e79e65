// Guards on account changes, run in better-auth's before hook: a new password that repeats one of
// the last N is refused (password history), and a privileged role's holder cannot disable TOTP.
import { roleDefinition } from '@sg/access-control';
import { appendAuditEvent } from '@sg/app-db';
import { APIError, getSessionFromCtx } from 'better-auth/api';
import type { Pool } from 'pg';
import {
  isRecentPassword,
  passwordReuseMessage,
  recordCurrentPassword,
} from './password-history.ts';
import { rolesOf } from './role-grants.ts';

/** The part of better-auth's endpoint context the guards read. */
type HookContext = Parameters<typeof getSessionFromCtx>[0] & {
  readonly path: string;
  readonly body?: unknown;
};

function bodyField(body: unknown, field: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

/** The paths that replace an existing user's password, with the field holding the new one. */
const PASSWORD_CHANGE_PATHS: Readonly<Record<string, string>> = {
  '/change-password': 'newPassword',
  '/reset-password': 'newPassword',
  '/admin/set-user-password': 'newPassword',
};

async function sessionUserId(ctx: HookContext): Promise<string | undefined> {
  const session = await getSessionFromCtx(ctx);
  return session?.user.id;
}

/** Whose password the request replaces: the signed-in user, the reset token's or the admin's target. */
async function passwordOwner(pool: Pool, ctx: HookContext): Promise<string | undefined> {
  if (ctx.path === '/admin/set-user-password') return bodyField(ctx.body, 'userId');
  if (ctx.path === '/change-password') return sessionUserId(ctx);
  const token = bodyField(ctx.body, 'token') ?? bodyField(ctx.query as unknown, 'token');
  if (token === undefined) return undefined;
  const found = await pool.query<{ value: string }>(
    'select value from verification where identifier = $1',
    [`reset-password:${token}`],
  );
  return found.rows[0]?.value;
}

/**
 * Refuses a password change that reuses one of the last `depth` passwords; otherwise keeps the
 * current password in the history before better-auth replaces it.
 */
export async function guardPasswordHistory(
  pool: Pool,
  ctx: HookContext,
  depth: number,
  now: Date,
): Promise<void> {
  const field = PASSWORD_CHANGE_PATHS[ctx.path];
  if (field === undefined) return;
  const password = bodyField(ctx.body, field);
  const userId = await passwordOwner(pool, ctx);
  if (password === undefined || userId === undefined) return;
  if (await isRecentPassword(pool, userId, password, depth)) {
    throw new APIError('BAD_REQUEST', {
      code: 'PASSWORD_REUSED',
      message: passwordReuseMessage(depth),
    });
  }
  await recordCurrentPassword(pool, userId, now);
}

function sessionLogin(user: { readonly id: string }): string {
  return bodyField(user, 'username') ?? user.id;
}

export const DISABLE_TWO_FACTOR = '/two-factor/disable';

/** Refuses, and audits, a holder of a privileged role switching TOTP off. */
export async function guardTwoFactorDisable(pool: Pool, ctx: HookContext): Promise<void> {
  if (ctx.path !== DISABLE_TWO_FACTOR) return;
  const session = await getSessionFromCtx(ctx);
  if (session === null) return; // better-auth itself answers 401
  const privileged = (await rolesOf(pool, session.user.id)).filter(
    (role) => roleDefinition(role).isPrivileged,
  );
  const [first] = privileged;
  if (first === undefined) return;
  const message = `${roleDefinition(first).title}为特权角色，不得关闭双因素认证（TOTP）`;
  await appendAuditEvent(pool, {
    actor: sessionLogin(session.user),
    action: 'two_factor_disable_refused',
    subject: `user_id:${session.user.id}`,
    detail: { roles: privileged, reason: message },
  });
  throw new APIError('FORBIDDEN', { code: 'TWO_FACTOR_REQUIRED', message });
}
