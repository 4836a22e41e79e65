// The better-auth handler at the HTTP level (Request in, Response out), origin check on: a session
// cookie planted before sign-in is not the one after it (session fixation), and a cross-origin POST
// to sign-in or sign-out is refused (CSRF) while the app's own origin passes.
import { createMigratedTestPool } from '@sg/app-db/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityAuth, type IdentityAuth } from './auth.ts';
import { SmsOutbox } from './sms.ts';

const BASE_URL = 'http://127.0.0.1:3000';
const APP_ORIGIN = 'http://127.0.0.1:3001';
const OFFICER = { username: 'officer.http', password: 'Http#Ningxia1' };

describe('the auth handler over HTTP on postgres', () => {
  let pool: pg.Pool;
  let dispose: () => Promise<void>;
  let auth: IdentityAuth;
  const outbox = new SmsOutbox();
  let now = new Date();

  beforeAll(async () => {
    ({ pool, dispose } = await createMigratedTestPool('sg_identity_http'));
    auth = createIdentityAuth({
      pool,
      secret: 'identity-http-secret-0123456789abcdef',
      baseURL: BASE_URL,
      trustedOrigins: [APP_ORIGIN],
      enforceOriginCheck: true,
      smsSender: outbox,
      clock: () => now,
    });
    await auth.api.signUpEmail({
      body: { ...OFFICER, email: 'officer.http@staff.sg.invalid', name: '刘安全' },
    });
  });

  afterAll(async () => {
    await dispose();
  });

  function post(path: string, body: unknown, headers: Record<string, string>): Promise<Response> {
    return auth.handler(
      new Request(`${BASE_URL}/api/auth${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    );
  }

  function sessionToken(response: Response): string | undefined {
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('sg.session_token='));
    return cookie?.split(';')[0]?.slice('sg.session_token='.length);
  }

  it('issues a new session token at sign-in, never the one the browser presented', async () => {
    const planted = 'attacker-chosen-token.signature';
    const response = await post('/sign-in/username', OFFICER, {
      origin: APP_ORIGIN,
      cookie: `sg.session_token=${planted}`,
    });
    expect(response.status).toBe(200);
    const issued = sessionToken(response);
    expect(issued).toBeTruthy();
    expect(issued).not.toBe(planted);
    expect(decodeURIComponent(issued ?? '')).not.toContain('attacker-chosen-token');
    const stored = await pool.query('select 1 from session where token = $1', [planted]);
    expect(stored.rows).toHaveLength(0);
  });

  it('refuses a cross-origin sign-in and sign-out, accepts the same from a trusted origin', async () => {
    const crossSite = await post('/sign-in/username', OFFICER, {
      origin: 'https://evil.example',
      cookie: 'sg.session_token=whatever',
    });
    expect(crossSite.status).toBe(403);
    expect(sessionToken(crossSite)).toBeUndefined();

    const signedIn = await post('/sign-in/username', OFFICER, { origin: APP_ORIGIN });
    const cookie = `sg.session_token=${sessionToken(signedIn) ?? ''}`;
    const forgedSignOut = await post('/sign-out', {}, { origin: 'https://evil.example', cookie });
    expect(forgedSignOut.status).toBe(403);
    const stillSignedIn = await auth.api.getSession({ headers: new Headers({ cookie }) });
    expect(stillSignedIn?.user.username).toBe(OFFICER.username);

    const signOut = await post('/sign-out', {}, { origin: APP_ORIGIN, cookie });
    expect(signOut.status).toBe(200);
    expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
  });

  it('SMS codes over HTTP: single use, expiring, limited per number and per IP', async () => {
    const fromIp = (ip: string) => ({ origin: APP_ORIGIN, 'x-forwarded-for': ip });
    const phoneNumber = '13995100001';
    expect((await post('/phone-number/send-otp', { phoneNumber }, fromIp('10.9.0.1'))).status).toBe(
      200,
    );
    const code = outbox.latestCode(phoneNumber) ?? '';
    const verify = () => post('/phone-number/verify', { phoneNumber, code }, fromIp('10.9.0.1'));
    const first = await verify();
    expect(first.status).toBe(200);
    expect(sessionToken(first)).toBeTruthy();
    expect((await verify()).status).toBeGreaterThanOrEqual(400); // used once already

    const again = await post('/phone-number/send-otp', { phoneNumber }, fromIp('10.9.0.2'));
    expect(again.status).toBe(429); // the same number within a minute, from any IP
    expect(await again.text()).toContain('验证码发送过于频繁');

    now = new Date(now.getTime() + 61_000);
    expect((await post('/phone-number/send-otp', { phoneNumber }, fromIp('10.9.0.1'))).status).toBe(
      200,
    );
    const expiredRows = await pool.query(
      `update verification set "expiresAt" = now() - interval '1 second'
        where identifier like '%' || $1 || '%' and "expiresAt" > now()`,
      [phoneNumber],
    );
    expect(expiredRows.rowCount).toBe(1);
    const expired = await post(
      '/phone-number/verify',
      { phoneNumber, code: outbox.latestCode(phoneNumber) ?? '' },
      fromIp('10.9.0.1'),
    );
    expect(expired.status).toBeGreaterThanOrEqual(400);

    // Twenty sends an hour from one IP, whatever the numbers; the 21st is refused.
    const statuses: number[] = [];
    for (let index = 0; index < 21; index += 1) {
      const other = `1399520${String(index).padStart(4, '0')}`;
      statuses.push(
        (await post('/phone-number/send-otp', { phoneNumber: other }, fromIp('10.9.0.3'))).status,
      );
    }
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});
