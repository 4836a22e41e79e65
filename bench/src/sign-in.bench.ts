// Sign-in latency through the platform's better-auth instance on the embedded app database (PGlite
// over the wire protocol, the local default): staff by username and password (argon2id), and
// applicants by SMS code (send + verify), once with the in-process outbox (the identity layer's own
// cost) and once through the Aliyun SendSms client and the SMS gateway simulator over HTTP (signed
// request, the simulator's checks). Every sign-in must set a session cookie.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMBEDDED_POOL_MAX, migrate } from '@sg/app-db';
import { startEmbeddedPostgres } from '@sg/embedded-postgres';
import {
  AliyunSmsSender,
  createIdentityAuth,
  DEV_SMS_ACCOUNT,
  SmsOutbox,
  type IdentityAuth,
} from '@sg/identity';
import { createSmsSimulator } from '@sg/sim-sms';
import { listenOn } from '@sg/simulator-kit';
import pg from 'pg';
import { summariseLatencies, type LatencySummary } from './latency.ts';

export interface SignInResult {
  readonly backend: 'pglite-socket';
  readonly password: LatencySummary;
  /** SMS sign-in with the in-process outbox: identity and database only. */
  readonly smsCode: LatencySummary;
  /** The same through AliyunSmsSender and the SMS gateway simulator over HTTP. */
  readonly smsCodeViaGateway: LatencySummary;
}

const STAFF = { username: 'bench.officer', password: 'Bench#Ningxia1' };

function hasSessionCookie(response: Response): boolean {
  return /sg\.session_token=[^;]/.test(response.headers.get('set-cookie') ?? '');
}

export async function benchSignIn(rounds = 50): Promise<SignInResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sg-bench-sign-in-'));
  const server = await startEmbeddedPostgres({ dataDir: join(dir, 'app-db'), port: 0 });
  const pool = new pg.Pool({ connectionString: server.connectionString, max: EMBEDDED_POOL_MAX });
  const simulator = createSmsSimulator({
    account: {
      ...DEV_SMS_ACCOUNT,
      signNames: [DEV_SMS_ACCOUNT.signName],
      templates: { [DEV_SMS_ACCOUNT.templateCode]: DEV_SMS_ACCOUNT.template },
    },
  });
  const gateway = await listenOn(simulator.server, { port: 0 });
  try {
    const client = await pool.connect();
    await migrate(client).finally(() => {
      client.release();
    });
    const outbox = new SmsOutbox();
    let now = Date.now();
    const authWith = (smsSender: AliyunSmsSender | SmsOutbox): IdentityAuth =>
      createIdentityAuth({
        pool,
        secret: 'bench-sign-in-secret-0123456789abcdef',
        baseURL: 'http://127.0.0.1:3000',
        smsSender,
        // Each SMS round is an hour later, so the per-number and per-IP limits never refuse it.
        clock: () => new Date(now),
      });
    const auth = authWith(outbox);
    const authViaGateway = authWith(
      new AliyunSmsSender({ endpoint: gateway.url, ...DEV_SMS_ACCOUNT }),
    );
    await auth.api.signUpEmail({
      body: { ...STAFF, email: 'bench.officer@staff.sg.invalid', name: '基准' },
    });
    const password: number[] = [];
    const smsCode: number[] = [];
    const smsCodeViaGateway: number[] = [];
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

      now += 61 * 60_000;
      const viaGateway = `1389530${String(round).padStart(4, '0')}`;
      started = performance.now();
      await authViaGateway.api.sendPhoneNumberOTP({ body: { phoneNumber: viaGateway }, headers });
      const received = simulator.sent.findLast((sms) => sms.phoneNumber === viaGateway);
      const signedInViaGateway = await authViaGateway.api.verifyPhoneNumber({
        body: { phoneNumber: viaGateway, code: received?.params['code'] ?? '' },
        headers,
        asResponse: true,
      });
      smsCodeViaGateway.push(performance.now() - started);
      if (!hasSessionCookie(signedInViaGateway))
        throw new Error('gateway SMS sign-in set no session');
    }
    const seconds = (samples: number[]) => samples.reduce((sum, ms) => sum + ms, 0) / 1000;
    return {
      backend: 'pglite-socket',
      password: summariseLatencies(password, seconds(password)),
      smsCode: summariseLatencies(smsCode, seconds(smsCode)),
      smsCodeViaGateway: summariseLatencies(smsCodeViaGateway, seconds(smsCodeViaGateway)),
    };
  } finally {
    await gateway.close();
    await pool.end();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
