// The one better-auth instance of the platform: staff by username and password (argon2id), TOTP,
// the admin plugin (ban, revoke sessions) and applicants by phone + SMS code. Its tables come from
// the app database's migration history (0002_identity.sql), never from run-time auto-migration.
import { betterAuth } from 'better-auth';
import { admin, phoneNumber, twoFactor, username } from 'better-auth/plugins';
import type { Pool } from 'pg';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { signInGuardHooks } from './sign-in-guard.ts';

export interface IdentityAuthOptions {
  readonly pool: Pool;
  /** ≥ 32 random bytes in production (SG_AUTH_SECRET). */
  readonly secret: string;
  readonly baseURL: string;
  /** Delivers an applicant's SMS code (the SMS provider interface). */
  readonly sendSmsCode?: (phone: string, code: string) => Promise<void>;
  /** The clock of the lock-out window (tests move it). */
  readonly clock?: () => Date;
  /** Session lifetime; 8 hours (one working day) by default. */
  readonly sessionSeconds?: number;
}

export const DEFAULT_SESSION_SECONDS = 8 * 60 * 60;

export function createIdentityAuth(options: IdentityAuthOptions) {
  const sendSmsCode = options.sendSmsCode ?? (() => Promise.resolve());
  return betterAuth({
    appName: '智慧担保',
    database: options.pool,
    secret: options.secret,
    baseURL: options.baseURL,
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    session: {
      expiresIn: options.sessionSeconds ?? DEFAULT_SESSION_SECONDS,
      updateAge: 15 * 60,
    },
    advanced: { cookiePrefix: 'sg' },
    hooks: signInGuardHooks(options.pool, options.clock),
    plugins: [
      username(),
      twoFactor({ issuer: '智慧担保' }),
      admin(),
      phoneNumber({
        sendOTP: async ({ phoneNumber: phone, code }) => {
          await sendSmsCode(phone, code);
        },
        otpLength: 6,
        expiresIn: 300,
        allowedAttempts: 3,
      }),
    ],
  });
}

export type IdentityAuth = ReturnType<typeof createIdentityAuth>;
