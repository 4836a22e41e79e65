// The one better-auth instance of the platform: staff by username and password (argon2id), TOTP,
// the admin plugin (ban, revoke sessions) and applicants by phone + SMS code. Its tables come from
// the app database's migration history (0002_identity.sql), never from run-time auto-migration.
import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import { admin, phoneNumber, twoFactor, username } from 'better-auth/plugins';
import { SmsGatewayError } from './aliyun-sms-sender.ts';
import type { Pool } from 'pg';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { signInAuditPlugin, signInGuardHooks } from './sign-in-guard.ts';
import { SmsOutbox, smsCodeText, type SmsSender } from './sms.ts';

export interface IdentityAuthOptions {
  readonly pool: Pool;
  /** ≥ 32 random bytes in production (SG_AUTH_SECRET). */
  readonly secret: string;
  readonly baseURL: string;
  /** Delivers applicants' SMS codes (the SMS provider interface); the outbox when absent. */
  readonly smsSender?: SmsSender;
  /** The clock of the lock-out window (tests move it). */
  readonly clock?: () => Date;
  /** How many recent passwords a new one may not repeat; 5 by default (等保 2.0). */
  readonly passwordHistoryDepth?: number;
  /** Origins besides baseURL's whose browser POSTs are accepted (the apps, SG_AUTH_TRUSTED_ORIGINS). */
  readonly trustedOrigins?: readonly string[];
  /**
   * Refuse cross-origin POSTs (origin and Fetch-Metadata CSRF checks). better-auth's default: on,
   * except under NODE_ENV=test; the security test turns it on explicitly.
   */
  readonly enforceOriginCheck?: boolean;
  /** Session lifetime; 8 hours (one working day) by default. */
  readonly sessionSeconds?: number;
}

export const DEFAULT_SESSION_SECONDS = 8 * 60 * 60;

export function createIdentityAuth(options: IdentityAuthOptions) {
  const smsSender = options.smsSender ?? new SmsOutbox();
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
    trustedOrigins: [...(options.trustedOrigins ?? [])],
    advanced: {
      cookiePrefix: 'sg',
      ...(options.enforceOriginCheck === undefined
        ? {}
        : {
            disableOriginCheck: !options.enforceOriginCheck,
            disableCSRFCheck: !options.enforceOriginCheck,
          }),
    },
    hooks: signInGuardHooks(options.pool, options.clock, {
      ...(options.passwordHistoryDepth === undefined
        ? {}
        : { passwordHistoryDepth: options.passwordHistoryDepth }),
    }),
    plugins: [
      username(),
      twoFactor({ issuer: '智慧担保' }),
      admin(),
      phoneNumber({
        sendOTP: async ({ phoneNumber: phone, code }) => {
          try {
            await smsSender.send({ phoneNumber: phone, code, text: smsCodeText(code) });
          } catch (error) {
            // The gateway's refusal reaches the applicant in Chinese (throttled, bad number, …).
            if (!(error instanceof SmsGatewayError)) throw error;
            const throttled = error.code === 'isv.BUSINESS_LIMIT_CONTROL';
            throw new APIError(throttled ? 'TOO_MANY_REQUESTS' : 'BAD_GATEWAY', {
              code: throttled ? 'SMS_RATE_LIMITED' : 'SMS_NOT_SENT',
              message: error.userMessage,
            });
          }
        },
        otpLength: 6,
        expiresIn: 300,
        allowedAttempts: 3,
        // An applicant's first verified code creates the account (no e-mail; a placeholder one).
        signUpOnVerification: {
          getTempEmail: (phone) => `${phone}@applicant.sg.invalid`,
          getTempName: (phone) => `申请人${phone.slice(-4)}`,
        },
      }),
      // Last: its after hook sees what the two-factor plugin made of a sign-in.
      signInAuditPlugin(options.pool, options.clock),
    ],
  });
}

export type IdentityAuth = ReturnType<typeof createIdentityAuth>;
