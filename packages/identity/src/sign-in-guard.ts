// better-auth hooks around staff sign-in and password setting: lock-out (app.sign_in_failures),
// the 等保 2.0 password rules, and an audit event for every sign-in, failure and lock-out.
import { appendAuditEvent } from '@sg/app-db';
import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from 'better-auth/api';
import type { Pool } from 'pg';
import { guardPasswordHistory, guardTwoFactorDisable } from './account-guards.ts';
import { LOCKOUT_WINDOW_MS, lockoutState } from './lockout.ts';
import { PASSWORD_HISTORY_DEPTH, passwordPolicyViolations } from './password-policy.ts';
import { auditSecondFactor, isSecondFactorPending } from './second-factor-audit.ts';
import { exceededSmsLimit, SMS_LIMITS } from './sms.ts';

const SIGN_IN_USERNAME = '/sign-in/username';
const PASSWORD_PATHS: Readonly<Record<string, string>> = {
  '/sign-up/email': 'password',
  '/change-password': 'newPassword',
  '/reset-password': 'newPassword',
  '/admin/set-user-password': 'newPassword',
  '/admin/create-user': 'password',
};

function stringField(body: unknown, field: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

function clientIp(headers: Headers | undefined): string | null {
  return headers?.get('x-forwarded-for')?.split(',')[0]?.trim() ?? null;
}

async function recentFailures(pool: Pool, login: string, now: Date): Promise<Date[]> {
  const result = await pool.query<{ failed_at: Date }>(
    `select failed_at from app.sign_in_failures where login = $1 and failed_at > $2`,
    [login, new Date(now.getTime() - LOCKOUT_WINDOW_MS)],
  );
  return result.rows.map((row) => row.failed_at);
}

const SEND_SMS_CODE = '/phone-number/send-otp';
const LONGEST_SMS_WINDOW_MS = Math.max(...SMS_LIMITS.map((limit) => limit.windowMs));

/** Refuses a send over the per-number or per-IP limit; records the send otherwise. */
async function limitSmsSends(
  pool: Pool,
  phoneNumber: string | undefined,
  ip: string | null,
  now: Date,
): Promise<void> {
  if (phoneNumber === undefined) return;
  const since = new Date(now.getTime() - LONGEST_SMS_WINDOW_MS);
  const sends = await pool.query<{ sent_at: Date; is_phone: boolean; is_ip: boolean }>(
    `select sent_at, phone_number = $1 as is_phone, coalesce(ip_address = $2, false) as is_ip
       from app.sms_sends where sent_at > $3 and (phone_number = $1 or ip_address = $2)`,
    [phoneNumber, ip, since],
  );
  const exceeded = exceededSmsLimit(
    {
      phone: sends.rows.filter((row) => row.is_phone).map((row) => row.sent_at),
      ip: sends.rows.filter((row) => row.is_ip).map((row) => row.sent_at),
    },
    now,
  );
  if (exceeded !== undefined) {
    throw new APIError('TOO_MANY_REQUESTS', {
      code: 'SMS_RATE_LIMITED',
      message:
        exceeded.key === 'phone'
          ? '验证码发送过于频繁，请稍后再试'
          : '当前网络请求过于频繁，请稍后再试',
    });
  }
  await pool.query(
    'insert into app.sms_sends (phone_number, ip_address, sent_at) values ($1, $2, $3)',
    [phoneNumber, ip, now],
  );
}

export interface SignInGuardOptions {
  /** How many recent passwords a new one may not repeat (等保 2.0); 5 by default. */
  readonly passwordHistoryDepth?: number;
}

export function signInGuardHooks(
  pool: Pool,
  clock: () => Date = () => new Date(),
  options: SignInGuardOptions = {},
) {
  const historyDepth = options.passwordHistoryDepth ?? PASSWORD_HISTORY_DEPTH;
  return {
    before: createAuthMiddleware(async (ctx) => {
      const passwordField = PASSWORD_PATHS[ctx.path];
      if (passwordField !== undefined) {
        const password = stringField(ctx.body, passwordField);
        const violations =
          password === undefined
            ? []
            : passwordPolicyViolations(password, stringField(ctx.body, 'username'));
        if (violations.length > 0) {
          throw new APIError('BAD_REQUEST', {
            code: 'PASSWORD_POLICY',
            message: violations.join('；'),
          });
        }
        await guardPasswordHistory(pool, ctx, historyDepth, clock());
      }
      await guardTwoFactorDisable(pool, ctx);
      if (ctx.path === SEND_SMS_CODE) {
        await limitSmsSends(
          pool,
          stringField(ctx.body, 'phoneNumber'),
          clientIp(ctx.headers),
          clock(),
        );
        return;
      }
      if (ctx.path !== SIGN_IN_USERNAME) return;
      const login = stringField(ctx.body, 'username')?.toLowerCase();
      if (login === undefined) return;
      const now = clock();
      const state = lockoutState(await recentFailures(pool, login, now), now);
      if (state.isLocked) {
        await appendAuditEvent(pool, {
          actor: login,
          action: 'sign_in_refused_locked',
          subject: `user:${login}`,
          detail: { ip: clientIp(ctx.headers), lockedUntil: state.lockedUntil.toISOString() },
        });
        throw new APIError('FORBIDDEN', {
          code: 'ACCOUNT_LOCKED',
          message: `账户已锁定，请于 ${state.lockedUntil.toISOString()} 后重试`,
        });
      }
    }),
  };
}

/**
 * The sign-in audit and lock-out count, as a plugin placed after better-auth's two-factor plugin:
 * user hooks run before plugin hooks, and only after the two-factor hook has the answer of a TOTP
 * user's right password become `twoFactorRedirect` (first factor only).
 */
export function signInAuditPlugin(pool: Pool, clock: () => Date = () => new Date()) {
  return {
    id: 'sg-sign-in-audit',
    hooks: {
      after: [
        {
          matcher: () => true,
          handler: createAuthMiddleware(async (ctx) => {
            const twoFactorCookie = ctx.context.createAuthCookie('two_factor').name;
            await auditSecondFactor(pool, {
              path: ctx.path,
              returned: ctx.context.returned,
              ip: clientIp(ctx.headers),
              isSignInStep: ctx.headers?.get('cookie')?.includes(`${twoFactorCookie}=`) === true,
              checkedUser: async () => {
                const session = await getSessionFromCtx(ctx);
                if (session) return session.user;
                const pending = await ctx.getSignedCookie(twoFactorCookie, ctx.context.secret);
                if (!pending) return null;
                const verification =
                  await ctx.context.internalAdapter.findVerificationValue(pending);
                if (!verification) return null;
                return ctx.context.internalAdapter.findUserById(verification.value);
              },
            });
            if (ctx.path !== SIGN_IN_USERNAME) return;
            const login = stringField(ctx.body, 'username')?.toLowerCase();
            if (login === undefined) return;
            const ip = clientIp(ctx.headers);
            const subject = `user:${login}`;
            if (!isAPIError(ctx.context.returned)) {
              await appendAuditEvent(pool, {
                actor: login,
                // Password right but TOTP still to come: not a complete sign-in.
                action: isSecondFactorPending(ctx.context.returned)
                  ? 'sign_in_first_factor_passed'
                  : 'sign_in_succeeded',
                subject,
                detail: { ip },
              });
              return;
            }
            const now = clock();
            await pool.query(
              `insert into app.sign_in_failures (login, failed_at, ip_address) values ($1, $2, $3)`,
              [login, now, ip],
            );
            await appendAuditEvent(pool, {
              actor: login,
              action: 'sign_in_failed',
              subject,
              detail: { ip },
            });
            const state = lockoutState(await recentFailures(pool, login, now), now);
            if (state.isLocked) {
              await appendAuditEvent(pool, {
                actor: login,
                action: 'account_locked',
                subject,
                detail: {
                  ip,
                  lockedUntil: state.lockedUntil.toISOString(),
                  failures: state.recentFailures,
                },
              });
            }
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
