/**
 * The live client against the tax simulator running as a child process (connectors may not
 * import simulators): access tokens, the enterprise's authorisation (granted, expired, revoked),
 * retries on 429/500, malformed and cut bodies.
 */
import { openLake } from '@sg/lake';
import { createTestLake } from '@sg/lake/testing';
import { startSimulatorProcess } from '@sg/simulator-processes';
import type { RunningSimulator } from '@sg/simulator-processes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { landTaxAuthorizedProfiles } from './land-api.ts';
import { createTaxClient } from './live-client.ts';
import { TaxApiError } from './tax-errors.ts';

const CLIENT_ID = 'integration-guarantor';
const CLIENT_SECRET = 'integration-secret';
/** Fixture world (simulators/tax/src/fixtures/tiny-tax-world), asOf 2025-06-30. */
const WINERY_ACTIVE = '91640100MA76A1B2CR';
const NEW_MATERIALS_EXPIRED = '91640200MA76D3E4F1';
const NOODLE_SHOP_REVOKED = '92640300MA76G5H6J5';
const GOJI_COOP = '93640500MA76K7L8ME';

const bannerSchema = z.object({ service: z.literal('sim-tax'), url: z.url() });
let simulator: RunningSimulator;
let simulatorUrl: string;

beforeAll(async () => {
  simulator = await startSimulatorProcess('tax', {
    env: {
      SG_SIM_TAX_PORT: '0',
      SG_SIM_TAX_CLIENT_ID: CLIENT_ID,
      SG_SIM_TAX_CLIENT_SECRET: CLIENT_SECRET,
      SG_SIM_TAX_RATE_LIMIT: '0',
    },
  });
  simulatorUrl = bannerSchema.parse(simulator.banner).url;
});

afterAll(async () => {
  await simulator.stop();
});

async function control(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${simulatorUrl}/api/_sim/${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

/** The enterprise's side: authorise our client on the platform. */
async function grant(uscc: string, validSeconds: number): Promise<string> {
  const response = await fetch(`${simulatorUrl}/api/v1/authorizations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ uscc, clientId: CLIENT_ID, validSeconds }),
  });
  return z.object({ data: z.object({ authCode: z.string() }) }).parse(await response.json()).data
    .authCode;
}

function client(options: { clientSecret?: string; sleeps?: number[] } = {}) {
  return createTaxClient({
    baseUrl: simulatorUrl,
    clientId: CLIENT_ID,
    clientSecret: options.clientSecret ?? CLIENT_SECRET,
    retry: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 50 },
    sleep: (ms) => {
      options.sleeps?.push(ms);
      return Promise.resolve();
    },
  });
}

async function authCodeOf(uscc: string): Promise<string> {
  const found = (await client().listAuthorizations()).find((entry) => entry.uscc === uscc);
  if (found === undefined) throw new Error(`no authorisation for ${uscc}`);
  return found.authCode;
}

async function failure(promise: Promise<unknown>): Promise<TaxApiError> {
  const caught = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(caught instanceof TaxApiError))
    throw new Error(`expected a TaxApiError, got ${String(caught)}`);
  return caught;
}

describe('authorisations', () => {
  it('lists the world’s authorisations with their status as of the world clock', async () => {
    const items = await client().listAuthorizations();
    expect(items.map((item) => [item.uscc, item.status])).toEqual([
      [WINERY_ACTIVE, 'active'],
      [NEW_MATERIALS_EXPIRED, 'expired'],
      [NOODLE_SHOP_REVOKED, 'revoked'],
      [GOJI_COOP, 'active'],
    ]);
  });

  it('queries credit grades, payments, arrears and invoice summaries with an active authorisation', async () => {
    const tax = client();
    const code = await authCodeOf(WINERY_ACTIVE);
    expect((await tax.getCreditGrades(WINERY_ACTIVE, code)).items).toEqual([
      { year: 2023, grade: 'A' },
      { year: 2024, grade: 'A' },
    ]);
    expect(
      (await tax.getTaxPayments(WINERY_ACTIVE, code, { fromPeriod: '2025-05' })).items,
    ).toEqual([
      { period: '2025-05', taxType: '增值税', paidAmount: '64.00', paidDate: '2025-06-13' },
    ]);
    expect((await tax.getArrears(WINERY_ACTIVE, code)).items).toEqual([]);
    const summaries = await tax.getInvoiceSummaries(WINERY_ACTIVE, code, {
      fromPeriod: '2025-05',
      toPeriod: '2025-05',
    });
    expect(summaries.items).toEqual([
      {
        period: '2025-05',
        issuedCount: 2,
        issuedAmount: '-3200.00',
        issuedTax: '-416.00',
        receivedCount: 1,
        receivedAmount: '36000.00',
        receivedTax: '1080.00',
        voidedCount: 0,
        redLetterCount: 1,
      },
    ]);
  });

  it.each([
    ['expired', NEW_MATERIALS_EXPIRED, 'authorization_expired', '200403', /重新授权/],
    ['revoked', NOODLE_SHOP_REVOKED, 'authorization_revoked', '200404', /撤销授权/],
  ])(
    'an %s authorisation fails at once with its own kind, no retry',
    async (_name, uscc, kind, code, message) => {
      const sleeps: number[] = [];
      const error = await failure(client({ sleeps }).getCreditGrades(uscc, await authCodeOf(uscc)));
      expect(error).toMatchObject({
        kind,
        platformCode: code,
        attempts: 1,
        isAuthorizationProblem: true,
      });
      expect(error.message).toMatch(message);
      expect(sleeps).toEqual([]);
    },
  );

  it('an authorisation of another taxpayer, or none, is refused', async () => {
    const tax = client();
    const wineryCode = await authCodeOf(WINERY_ACTIVE);
    expect(await failure(tax.getCreditGrades(GOJI_COOP, wineryCode))).toMatchObject({
      kind: 'authorization_mismatch',
    });
    expect(await failure(tax.getCreditGrades(GOJI_COOP, ''))).toMatchObject({
      kind: 'authorization_missing',
    });
  });

  it('a fresh authorisation works until it expires on the platform clock, then fails as expired', async () => {
    const tax = client();
    const code = await grant(GOJI_COOP, 3600);
    expect((await tax.getCreditGrades(GOJI_COOP, code)).items).toEqual([
      { year: 2024, grade: 'B' },
    ]);
    await control('clock', { advanceSeconds: 3601 });
    expect(await failure(tax.getCreditGrades(GOJI_COOP, code))).toMatchObject({
      kind: 'authorization_expired',
    });
  });

  it('an authorisation revoked by the enterprise fails as revoked on the next query', async () => {
    const tax = client();
    const code = await grant(GOJI_COOP, 86_400);
    expect((await tax.getArrears(GOJI_COOP, code)).items).toEqual([]);
    const revoked = await fetch(`${simulatorUrl}/api/v1/authorizations/${code}/revoke`, {
      method: 'POST',
    });
    expect(revoked.status).toBe(200);
    expect(await failure(tax.getArrears(GOJI_COOP, code))).toMatchObject({
      kind: 'authorization_revoked',
    });
  });

  it('wrong client credentials fail as client_authentication without retries', async () => {
    const sleeps: number[] = [];
    const error = await failure(client({ clientSecret: 'wrong', sleeps }).listAuthorizations());
    expect(error).toMatchObject({ kind: 'client_authentication', platformCode: '100401' });
    expect(sleeps).toEqual([]);
  });

  it('fetches a new access token when the platform says the old one expired', async () => {
    const tax = client();
    const code = await authCodeOf(WINERY_ACTIVE);
    await tax.getTaxpayer(WINERY_ACTIVE, code);
    await control('clock', { advanceSeconds: 7200 }); // the simulator's tokens live 7200 s
    const taxpayer = await tax.getTaxpayer(WINERY_ACTIVE, code);
    expect(taxpayer).toMatchObject({
      taxpayerName: '宁夏贺兰山葡萄酒业有限公司',
      taxpayerType: '一般纳税人',
    });
  });
});

describe('retries', () => {
  it.each([
    [
      '429 with Retry-After',
      { kind: 'status', status: 429, retryAfterSeconds: 2, count: 2 },
      [2000, 2000],
    ],
    ['500', { kind: 'status', status: 500, count: 2 }, undefined],
    ['malformed JSON', { kind: 'malformed-json', count: 1 }, undefined],
    ['a connection cut mid-body', { kind: 'cut-connection', count: 1 }, undefined],
  ])('recovers from %s', async (_name, fault, retryAfterFloors) => {
    const sleeps: number[] = [];
    const tax = client({ sleeps });
    const code = await authCodeOf(WINERY_ACTIVE);
    await control('faults', fault);
    expect((await tax.getCreditGrades(WINERY_ACTIVE, code)).items).toHaveLength(2);
    expect(sleeps.length).toBe(fault.count);
    if (retryAfterFloors !== undefined) {
      sleeps.forEach((ms, i) => {
        expect(ms).toBeGreaterThanOrEqual(retryAfterFloors[i] ?? 0);
      });
    }
  });

  it('gives up after maxAttempts with the attempts counted', async () => {
    const tax = client();
    const code = await authCodeOf(WINERY_ACTIVE);
    await control('faults', { kind: 'status', status: 503, count: 4 });
    const error = await failure(tax.getCreditGrades(WINERY_ACTIVE, code));
    expect(error).toMatchObject({ kind: 'server', attempts: 4, httpStatus: 503 });
    expect(error.message).toMatch(/已尝试4次/);
  });
});

describe('API landing from the simulator', () => {
  it('lands the grades of the actively authorised enterprises; the rest are reported', async () => {
    const testLake = await createTestLake('sqlite');
    const lake = await openLake(testLake.config);
    try {
      const result = await landTaxAuthorizedProfiles(lake, client(), '2025-06-30');
      // Fixture world: the winery (2 grades) and the goji co-op (1 grade) are authorised; the
      // new-materials company's authorisation expired (its arrears stay out of reach).
      expect(result.enterpriseCount).toBe(2);
      expect(result.skipped.map((s) => [s.uscc, s.kind])).toEqual([
        [NEW_MATERIALS_EXPIRED, 'authorization_expired'],
        [NOODLE_SHOP_REVOKED, 'authorization_revoked'],
      ]);
      expect(result.entities.map((e) => [e.entity, e.landing.rowCount])).toEqual([
        ['credit_grades', 3],
        ['arrears', 0],
      ]);
    } finally {
      lake.close();
      await testLake.dispose();
    }
  });
});
