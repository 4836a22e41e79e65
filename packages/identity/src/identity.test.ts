// better-auth on the app database's migrations, on both backends: the tests' PostgreSQL and the
// embedded PGlite server (the local default), each migrated before the tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EMBEDDED_POOL_MAX,
  listAuditEventsForSubject,
  migrate,
  queryAuditEvents,
} from '@sg/app-db';
import { createMigratedTestPool } from '@sg/app-db/testing';
import { startEmbeddedPostgres } from '@sg/embedded-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeConsent, grantConsent, listConsents, withdrawConsent } from './consents.ts';
import { createIdentityAuth, DEFAULT_SESSION_SECONDS, type IdentityAuth } from './auth.ts';
import { grantRole, revokeRole, rolesOf } from './role-grants.ts';
import { SmsGatewayError } from './aliyun-sms-sender.ts';
import { SmsOutbox, type SmsSender } from './sms.ts';
import { revealField } from './unmasking.ts';
import { CLASSIFICATIONS } from '@sg/access-control';

interface Backend {
  readonly pool: pg.Pool;
  dispose(): Promise<void>;
}

const BACKENDS: Record<string, () => Promise<Backend>> = {
  postgres: () => createMigratedTestPool('sg_identity_test'),
  'pglite-socket': async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-identity-test-'));
    const server = await startEmbeddedPostgres({ dataDir: join(dir, 'app-db'), port: 0 });
    const pool = new pg.Pool({ connectionString: server.connectionString, max: EMBEDDED_POOL_MAX });
    const client = await pool.connect();
    try {
      await migrate(client);
    } finally {
      client.release();
    }
    return {
      pool,
      dispose: async () => {
        await pool.end();
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const ANALYST = {
  username: 'analyst.yinchuan',
  email: 'analyst.yinchuan@staff.sg.invalid',
  name: '马小花',
  password: 'Ningxia#2026',
};

describe.each(Object.keys(BACKENDS))('identity on %s', (backendName) => {
  let backend: Backend;
  let auth: IdentityAuth;
  const outbox = new SmsOutbox();
  let now = new Date();

  beforeAll(async () => {
    const create = BACKENDS[backendName];
    if (!create) throw new Error(backendName);
    backend = await create();
    auth = createIdentityAuth({
      pool: backend.pool,
      secret: 'identity-test-secret-0123456789abcdef',
      baseURL: 'http://localhost:3000',
      smsSender: outbox,
      clock: () => now,
    });
  });

  afterAll(async () => {
    await backend.dispose();
  });

  it('signs a staff user up and in by username; the password is stored as argon2id', async () => {
    const signUpStarted = performance.now();
    const signedUp = await auth.api.signUpEmail({ body: ANALYST });
    const signUpMs = performance.now() - signUpStarted;
    expect(signedUp.user.id).toBeTruthy();

    const stored = await backend.pool.query<{ password: string }>(
      `select password from account where "userId" = $1 and "providerId" = 'credential'`,
      [signedUp.user.id],
    );
    expect(stored.rows[0]?.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const signInStarted = performance.now();
    const response = await auth.api.signInUsername({
      body: { username: ANALYST.username, password: ANALYST.password },
      asResponse: true,
    });
    const signInMs = performance.now() - signInStarted;
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/sg\.session_token=/);
    console.info(
      `identity on ${backendName}: sign-up ${signUpMs.toFixed(0)} ms, sign-in ${signInMs.toFixed(0)} ms`,
    );

    const sessions = await backend.pool.query<{ expiresAt: Date; createdAt: Date }>(
      `select "expiresAt", "createdAt" from session where "userId" = $1`,
      [signedUp.user.id],
    );
    // One session from sign-up (better-auth signs a new user in) and one from the sign-in.
    expect(sessions.rows).toHaveLength(2);
    for (const session of sessions.rows) {
      const lifetimeSeconds = (session.expiresAt.getTime() - session.createdAt.getTime()) / 1000;
      expect(Math.abs(lifetimeSeconds - DEFAULT_SESSION_SECONDS)).toBeLessThan(60);
    }
  });

  it('refuses a wrong password without a session', async () => {
    const response = await auth.api.signInUsername({
      body: { username: ANALYST.username, password: 'Wrong#Password1' },
      asResponse: true,
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie') ?? '').not.toMatch(/session_token=[^;]/);
  });

  it('revokes a session: its token no longer resolves', async () => {
    const response = await auth.api.signInUsername({
      body: { username: ANALYST.username, password: ANALYST.password },
      asResponse: true,
    });
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const headers = new Headers({ cookie });
    const before = await auth.api.getSession({ headers });
    expect(before?.user.username).toBe(ANALYST.username);
    await auth.api.revokeSession({ headers, body: { token: before?.session.token ?? '' } });
    expect(await auth.api.getSession({ headers })).toBeNull();
  });

  it('refuses a password that breaks the 等保 2.0 rules, in Chinese', async () => {
    // A before-hook's refusal is thrown by auth.api (auth.handler turns it into a 400 response).
    await expect(
      auth.api.signUpEmail({
        body: {
          ...ANALYST,
          username: 'weak.user',
          email: 'weak.user@staff.sg.invalid',
          password: 'weakuser1',
        },
      }),
    ).rejects.toThrow(/口令须包含大写字母、小写字母、数字、特殊字符中的至少三类/);
  });

  it('locks the account at the 6th wrong password in 15 minutes, and audits it', async () => {
    const reviewer = {
      username: 'reviewer.locked',
      email: 'reviewer.locked@staff.sg.invalid',
      name: '李审查',
      password: 'Review#2026',
    };
    await auth.api.signUpEmail({ body: reviewer });
    const attempt = (password: string) =>
      auth.api.signInUsername({
        body: { username: reviewer.username, password },
        headers: new Headers({ 'x-forwarded-for': '10.1.2.3' }),
        asResponse: true,
      });
    for (let failure = 1; failure <= 5; failure += 1) {
      expect((await attempt('Wrong#Guess1')).status).toBe(401);
    }
    expect((await attempt(reviewer.password)).status).toBe(200); // 5 failures: not locked yet
    expect((await attempt('Wrong#Guess1')).status).toBe(401); // the 6th failure locks
    const refusal: unknown = await attempt(reviewer.password).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toMatchObject({ statusCode: 403 });
    expect(refusal).toBeInstanceOf(Error);
    expect((refusal as Error).message).toMatch(/^账户已锁定/);

    const events = await listAuditEventsForSubject(backend.pool, `user:${reviewer.username}`);
    expect(events.map((event) => event.action)).toEqual([
      ...Array<string>(5).fill('sign_in_failed'),
      'sign_in_succeeded',
      'sign_in_failed',
      'account_locked',
      'sign_in_refused_locked',
    ]);
    expect(events[0]?.detail).toEqual({ ip: '10.1.2.3' });
  });

  it('grants roles with separation of duties, audits every change, and the auditor finds them', async () => {
    const admin = await auth.api.signUpEmail({
      body: {
        username: 'it.admin',
        email: 'it.admin@staff.sg.invalid',
        name: '王管理',
        password: 'Admin#Ningxia1',
      },
    });
    const userId = admin.user.id;
    await backend.pool.query(
      `insert into app.org_units (org_unit_id, parent_org_unit_id, unit_kind, title)
       values ('head_office', null, 'head_office', '总部') on conflict do nothing`,
    );
    await backend.pool.query(
      `insert into app.staff_members (user_id, org_unit_id) values ($1, 'head_office')`,
      [userId],
    );
    const change = (role: 'system_admin' | 'security_auditor' | 'analyst') => ({
      actor: 'bootstrap',
      userId,
      role,
    });
    expect(await grantRole(backend.pool, change('system_admin'))).toEqual({
      ok: false,
      secondFactorRequired: true,
      message: '系统管理员为特权角色，须先启用双因素认证（TOTP）',
    });
    // Enrolment (better-auth's enable + verify TOTP) sets the flag; set directly here.
    await backend.pool.query('update "user" set "twoFactorEnabled" = true where id = $1', [userId]);
    expect(await grantRole(backend.pool, change('system_admin'))).toEqual({ ok: true });
    const refused = await grantRole(backend.pool, change('security_auditor'));
    expect(refused).toMatchObject({ ok: false, conflictsWith: 'system_admin' });
    expect(await rolesOf(backend.pool, userId)).toEqual(['system_admin']);
    await revokeRole(backend.pool, change('system_admin'));
    expect(await grantRole(backend.pool, change('analyst'))).toEqual({ ok: true });
    expect(await rolesOf(backend.pool, userId)).toEqual(['analyst']);

    const changes = await queryAuditEvents(backend.pool, {
      actor: 'bootstrap',
      subjectPrefix: 'user_id:',
    });
    expect(changes.map((event) => [event.action, event.detail['role']])).toEqual([
      ['role_granted', 'analyst'],
      ['role_revoked', 'system_admin'],
      ['role_grant_refused', 'security_auditor'],
      ['role_granted', 'system_admin'],
      ['role_grant_refused', 'system_admin'],
    ]);
    const lockouts = await queryAuditEvents(backend.pool, { actions: ['account_locked'] });
    expect(lockouts.map((event) => event.subject)).toEqual(['user:reviewer.locked']);
  });

  it('records PIPL consents per purpose and recipient, versioned and withdrawable', async () => {
    const applicantId = 'applicant-13912345678';
    await backend.pool.query(
      `insert into "user" (id, name, email, "emailVerified", "phoneNumber", "phoneNumberVerified")
       values ($1, '申请人', '13912345678@applicant.sg.invalid', false, '13912345678', true)`,
      [applicantId],
    );
    const bank = {
      userId: applicantId,
      purpose: 'share_with_banks',
      recipient: '宁夏银行',
    } as const;
    const credit = { userId: applicantId, purpose: 'credit_query' } as const;
    await grantConsent(backend.pool, { ...credit, documentVersion: '2026-01' });
    await grantConsent(backend.pool, { ...bank, documentVersion: '2026-01' });
    await grantConsent(backend.pool, { ...bank, documentVersion: '2026-06' });
    expect((await activeConsent(backend.pool, bank))?.documentVersion).toBe('2026-06');
    expect(
      await activeConsent(backend.pool, { ...bank, recipient: '黄河农村商业银行' }),
    ).toBeUndefined();

    expect(await withdrawConsent(backend.pool, bank)).toBe(true);
    expect(await withdrawConsent(backend.pool, bank)).toBe(false);
    expect(await activeConsent(backend.pool, bank)).toBeUndefined();
    expect((await activeConsent(backend.pool, credit))?.documentVersion).toBe('2026-01');

    const history = await listConsents(backend.pool, applicantId);
    expect(history.map((c) => [c.purpose, c.documentVersion, c.withdrawnAt !== null])).toEqual([
      ['credit_query', '2026-01', false],
      ['share_with_banks', '2026-01', true],
      ['share_with_banks', '2026-06', true],
    ]);
    const audited = await queryAuditEvents(backend.pool, {
      subjectPrefix: `user_id:${applicantId}`,
    });
    expect(audited.map((event) => event.action).reverse()).toEqual([
      'consent_granted',
      'consent_granted',
      'consent_granted',
      'consent_withdrawn',
    ]);
  });

  it('signs an applicant in by SMS code: single use, rate-limited per number and per IP', async () => {
    const phoneNumber = '13995001234';
    const fromIp = (ip: string) => new Headers({ 'x-forwarded-for': ip });
    await auth.api.sendPhoneNumberOTP({ body: { phoneNumber }, headers: fromIp('10.9.0.1') });
    const code = outbox.latestCode(phoneNumber);
    expect(code).toMatch(/^\d{6}$/);
    const verified = await auth.api.verifyPhoneNumber({
      body: { phoneNumber, code: code ?? '' },
      asResponse: true,
    });
    expect(verified.status).toBe(200);
    expect(verified.headers.get('set-cookie')).toMatch(/sg\.session_token=/);
    const reused = await auth.api.verifyPhoneNumber({
      body: { phoneNumber, code: code ?? '' },
      asResponse: true,
    });
    expect(reused.status).toBe(400);

    // A second code within the minute is refused; after it, allowed.
    await expect(
      auth.api.sendPhoneNumberOTP({ body: { phoneNumber }, headers: fromIp('10.9.0.1') }),
    ).rejects.toThrow('验证码发送过于频繁');
    now = new Date(now.getTime() + 61_000);
    await auth.api.sendPhoneNumberOTP({ body: { phoneNumber }, headers: fromIp('10.9.0.1') });

    // A code past its 5 minutes is refused (its expiry moved into the past instead of waiting; the
    // only live verification row here is that code, whose identifier better-auth derives itself).
    const expired = await backend.pool.query(
      `update verification set "expiresAt" = now() - interval '1 second' where "expiresAt" > now()`,
    );
    expect(expired.rowCount).toBe(1);
    const late = await auth.api.verifyPhoneNumber({
      body: { phoneNumber, code: outbox.latestCode(phoneNumber) ?? '' },
      asResponse: true,
    });
    expect(late.status).toBe(400);

    // Twenty numbers an hour from one IP, then refused.
    for (let index = 0; index < 18; index += 1) {
      await auth.api.sendPhoneNumberOTP({
        body: { phoneNumber: `1370000${String(index).padStart(4, '0')}` },
        headers: fromIp('10.9.0.1'),
      });
    }
    await expect(
      auth.api.sendPhoneNumberOTP({
        body: { phoneNumber: '13899990000' },
        headers: fromIp('10.9.0.1'),
      }),
    ).rejects.toThrow('当前网络请求过于频繁');
    await auth.api.sendPhoneNumberOTP({
      body: { phoneNumber: '13899990000' },
      headers: fromIp('10.9.0.2'),
    });
  });

  it('tells the applicant in Chinese when the SMS gateway refuses the code', async () => {
    const refusing = (code: string): SmsSender => ({
      send: () => Promise.reject(new SmsGatewayError(code, 'gateway refused', false)),
    });
    const authWith = (code: string) =>
      createIdentityAuth({
        pool: backend.pool,
        secret: 'identity-test-secret-0123456789abcdef',
        baseURL: 'http://localhost:3000',
        smsSender: refusing(code),
      });
    const send = (code: string, phoneNumber: string) =>
      authWith(code).api.sendPhoneNumberOTP({
        body: { phoneNumber },
        headers: new Headers({ 'x-forwarded-for': '10.7.0.1' }),
      });
    await expect(send('isv.BUSINESS_LIMIT_CONTROL', '13995007001')).rejects.toThrow(
      '验证码发送过于频繁，请稍后再试',
    );
    await expect(send('isp.SYSTEM_ERROR', '13995007002')).rejects.toThrow(
      '短信发送失败，请稍后再试',
    );
  });

  it('unmasks a C2 field only for an entitled role, auditing each unmasking', async () => {
    const request = {
      subject: 'applicant:A-2026-0001',
      field: 'id_number',
      classification: CLASSIFICATIONS.idNumber,
      value: '640104199001011234',
    };
    expect(
      await revealField(backend.pool, {
        ...request,
        actor: 'analyst.yinchuan',
        roles: ['analyst'],
      }),
    ).toBe('640***********1234');
    expect(
      await revealField(backend.pool, {
        ...request,
        actor: 'reviewer.yinchuan',
        roles: ['risk_reviewer'],
      }),
    ).toBe('640104199001011234');
    const events = await listAuditEventsForSubject(backend.pool, request.subject);
    expect(events.map((event) => [event.actor, event.action, event.detail])).toEqual([
      ['reviewer.yinchuan', 'field_unmasked', { field: 'id_number', sensitivity: 'C2' }],
    ]);
  });
});
