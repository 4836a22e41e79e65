// Sign-in latency through the platform's better-auth instance on the embedded app database (PGlite
// over the wire protocol, the local default): staff by username and password (argon2id), and
// applicants by SMS code (send + verify). Every sign-in must set a session cookie.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMBEDDED_POOL_MAX, migrate } from '@sg/app-db';
import { startEmbeddedPostgres } from '@sg/embedded-postgres';
import { createIdentityAuth, SmsOutbox } from '@sg/identity';
import pg from 'pg';
import { summariseLatencies, type LatencySummary } from './latency.ts';

export interface SignInResult {
  readonly backend: 'pglite-socket';
  readonly password: LatencySummary;
  readonly smsCode: LatencySummary;
}

const STAFF = { username: 'bench.officer', password: 'Bench#Ningxia1' };

function hasSessionCookie(response: Response): boolean {
  return /sg\.session_token=[^;]/.test(response.headers.get('set-cookie') ?? '');
}

export async function benchSignIn(rounds = 50): Promise<SignInResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sg-bench-sign-in-'));
  const server = await startEmbeddedPostgres({ dataDir: join(dir, 'app-db'), port: 0 });
  const pool = new pg.Pool({ connectionString: server.connectionString, max: EMBEDDED_POOL_MAX });
  try {
    const client = await pool.connect();
    await migrate(client).finally(() => {
      client.release();
    });
    const outbox = new SmsOutbox();
    let now = Date.now();
    const auth = createIdentityAuth({
      pool,
      secret: 'bench-sign-in-secret-0123456789abcdef',
      baseURL: 'http://127.0.0.1:3000',
      smsSender: outbox,
      // Each SMS round is a minute later, so the per-number and per-IP limits never refuse it.
      clock: () => new Date(now),
    });
    await auth.api.signUpEmail({
      body: { ...STAFF, email: 'bench.officer@staff.sg.invalid', name: '基准' },
    });
    const password: number[] = [];
    const smsCode: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      let started = performance.now();
      const signedIn = await auth.api.signInUsername({ body: STAFF, asResponse: true });
      password.push(performance.now() - started);
      if (!hasSessionCookie(signedIn)) throw new Error('password sign-in set no session');

      now += 61 * 60_000;
      const phoneNumber = `1399530${String(round).padStart(4, '0')}`;
      const headers = new Headers({ 'x-forwarded-for': `10.8.${String(round)}.1` });
      started = performance.now();
      await auth.api.sendPhoneNumberOTP({ body: { phoneNumber }, headers });
      const code = outbox.latestCode(phoneNumber) ?? '';
      const verified = await auth.api.verifyPhoneNumber({
        body: { phoneNumber, code },
        headers,
        asResponse: true,
      });
      smsCode.push(performance.now() - started);
      if (!hasSessionCookie(verified)) throw new Error('SMS sign-in set no session');
    }
    const seconds = (samples: number[]) => samples.reduce((sum, ms) => sum + ms, 0) / 1000;
    return {
      backend: 'pglite-socket',
      password: summariseLatencies(password, seconds(password)),
      smsCode: summariseLatencies(smsCode, seconds(smsCode)),
    };
  } finally {
    await pool.end();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
