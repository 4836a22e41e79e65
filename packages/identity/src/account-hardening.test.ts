// Password history and TOTP on the tests' PostgreSQL, through better-auth's API: a recent password
// is refused on change and reset, a TOTP user's sign-in is audited as first factor until the code
// (computed here by RFC 6238 from the enrolled secret, independently of better-auth) completes it,
// and a privileged user cannot switch TOTP off.
import { createHmac } from 'node:crypto';
import { listAuditEventsForSubject, queryAuditEvents } from '@sg/app-db';
import { createMigratedTestPool } from '@sg/app-db/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityAuth, type IdentityAuth } from './auth.ts';
import { passwordReuseMessage } from './password-history.ts';
import { grantRole } from './role-grants.ts';

const HISTORY_DEPTH = 3;
const PASSWORDS = ['Ningxia#2020', 'Ningxia#2021', 'Ningxia#2022', 'Ningxia#2023'] as const;

/** RFC 4648 base32 (the otpauth URI's secret) to bytes. */
function base32Bytes(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    bits += index.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((byte) => Number.parseInt(byte, 2)));
}

/** RFC 6238 TOTP: HMAC-SHA1, 30-second steps, 6 digits. */
function totpCode(secret: Buffer, at: number = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const digest = createHmac('sha1', secret).update(counter).digest();
  const offset = (digest[digest.length - 1] ?? 0) & 0x0f;
  const value = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 1_000_000).padStart(6, '0');
}

function sessionCookie(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .filter((pair) => !pair.endsWith('='))
    .join('; ');
}

describe('account hardening on postgres', () => {
  let pool: pg.Pool;
  let dispose: () => Promise<void>;
  let auth: IdentityAuth;

  beforeAll(async () => {
    ({ pool, dispose } = await createMigratedTestPool('sg_identity_hardening'));
    auth = createIdentityAuth({
      pool,
      secret: 'identity-hardening-secret-0123456789',
      baseURL: 'http://localhost:3000',
      passwordHistoryDepth: HISTORY_DEPTH,
    });
  });

  afterAll(async () => {
    await dispose();
  });

  async function signIn(username: string, password: string): Promise<Response> {
    return auth.api.signInUsername({ body: { username, password }, asResponse: true });
  }

  it(`refuses any of the last ${String(HISTORY_DEPTH)} passwords on change and reset`, async () => {
    const username = 'officer.history';
    const signedUp = await auth.api.signUpEmail({
      body: {
        username,
        email: `${username}@staff.sg.invalid`,
        name: '张历史',
        password: PASSWORDS[0],
      },
    });
    const change = async (currentPassword: string, newPassword: string) => {
      const headers = new Headers({
        cookie: sessionCookie(await signIn(username, currentPassword)),
      });
      return auth.api.changePassword({ body: { currentPassword, newPassword }, headers });
    };
    const reuse = new RegExp(passwordReuseMessage(HISTORY_DEPTH));
    await expect(change(PASSWORDS[0], PASSWORDS[0])).rejects.toThrow(reuse); // the current one
    await change(PASSWORDS[0], PASSWORDS[1]);
    await change(PASSWORDS[1], PASSWORDS[2]);
    await expect(change(PASSWORDS[2], PASSWORDS[0])).rejects.toThrow(reuse); // 3rd most recent
    await change(PASSWORDS[2], PASSWORDS[3]);
    // Last three: 2023, 2022, 2021 — 2020 has left the window; a reset token may set it again,
    // but not 2022.
    const reset = async (newPassword: string, token: string) => {
      await pool.query(
        `insert into verification (id, identifier, value, "expiresAt", "createdAt", "updatedAt")
         values ($1, $2, $3, now() + interval '1 hour', now(), now())`,
        [token, `reset-password:${token}`, signedUp.user.id],
      );
      return auth.api.resetPassword({ body: { newPassword, token } });
    };
    await expect(reset(PASSWORDS[2], 'reset-token-1')).rejects.toThrow(reuse);
    await expect(reset(PASSWORDS[0], 'reset-token-2')).resolves.toEqual({ status: true });
    expect((await signIn(username, PASSWORDS[0])).status).toBe(200);
  });

  it('signs a TOTP user in only with the code, audits each step, and keeps a privileged user on TOTP', async () => {
    const username = 'risk.officer';
    const password = 'Risk#Ningxia1';
    const signedUp = await auth.api.signUpEmail({
      body: { username, email: `${username}@staff.sg.invalid`, name: '赵风险', password },
    });
    let headers = new Headers({ cookie: sessionCookie(await signIn(username, password)) });
    const enrolled = await auth.api.enableTwoFactor({ body: { password }, headers });
    if (!('totpURI' in enrolled)) throw new Error('TOTP enrolment returned no otpauth URI');
    const secret = base32Bytes(new URL(enrolled.totpURI).searchParams.get('secret') ?? '');
    await auth.api.verifyTOTP({ body: { code: totpCode(secret) }, headers });

    const firstStep = await signIn(username, password);
    expect(firstStep.status).toBe(200);
    expect(await firstStep.clone().json()).toMatchObject({ twoFactorRedirect: true });
    expect(firstStep.headers.get('set-cookie')).not.toMatch(/sg\.session_token=[^;]/);
    const pending = new Headers({ cookie: sessionCookie(firstStep) });
    await expect(
      auth.api.verifyTOTP({ body: { code: '000000' }, headers: pending }),
    ).rejects.toThrow();
    const completed = await auth.api.verifyTOTP({
      body: { code: totpCode(secret) },
      headers: pending,
      asResponse: true,
    });
    expect(completed.status).toBe(200);
    expect(completed.headers.get('set-cookie')).toMatch(/sg\.session_token=[^;]/);

    const events = await listAuditEventsForSubject(pool, `user:${username}`);
    expect(events.map((event) => event.action)).toEqual([
      'sign_in_succeeded', // before enrolment
      'two_factor_enabled',
      'sign_in_first_factor_passed',
      'sign_in_second_factor_succeeded',
    ]);
    const failed = await queryAuditEvents(pool, { actions: ['sign_in_second_factor_failed'] });
    expect(failed.map((event) => event.actor)).toEqual([username]); // whose code failed, not "anonymous"

    await pool.query(
      `insert into app.org_units (org_unit_id, parent_org_unit_id, unit_kind, title)
       values ('head_office', null, 'head_office', '总部') on conflict do nothing`,
    );
    await pool.query(
      `insert into app.staff_members (user_id, org_unit_id) values ($1, 'head_office')`,
      [signedUp.user.id],
    );
    expect(
      await grantRole(pool, { actor: 'bootstrap', userId: signedUp.user.id, role: 'risk_officer' }),
    ).toEqual({ ok: true });
    headers = new Headers({ cookie: sessionCookie(completed) });
    await expect(auth.api.disableTwoFactor({ body: { password }, headers })).rejects.toThrow(
      /风险官为特权角色，不得关闭双因素认证/,
    );
    const enabled = await pool.query<{ twoFactorEnabled: boolean }>(
      'select "twoFactorEnabled" from "user" where id = $1',
      [signedUp.user.id],
    );
    expect(enabled.rows[0]?.twoFactorEnabled).toBe(true);
    const refused = await queryAuditEvents(pool, { actions: ['two_factor_disable_refused'] });
    expect(refused[0]?.subject).toBe(`user_id:${signedUp.user.id}`);
  });
});
