import { join } from 'node:path';
import type { RateLimiter } from '@sg/simulator-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccessTokenIssuer } from './access-tokens.ts';
import { handleTaxRequest, summariseInvoices } from './api-handler.ts';
import type { TaxApiContext, TaxRequest } from './api-handler.ts';
import { createAuthorizationRegistry } from './authorization-registry.ts';
import { loadTaxWorld } from './tax-world.ts';
import type { TaxWorld } from './tax-world.ts';
import type { VatInvoice } from './tax-records.ts';
import { worldStartMs } from './world-clock.ts';

const FIXTURE_WORLD = join(import.meta.dirname, 'fixtures', 'tiny-tax-world');
const CLIENT = 'guarantor';
const SECRET = 'secret';
const WINERY = '91640100MA76A1B2CR';
let world: TaxWorld;

beforeAll(async () => {
  world = await loadTaxWorld(FIXTURE_WORLD);
});

function context(overrides: Partial<TaxApiContext> = {}): TaxApiContext {
  return {
    world,
    registry: createAuthorizationRegistry({
      seed: world.seed,
      defaultClientId: CLIENT,
      records: world.authorizations,
    }),
    tokens: createAccessTokenIssuer({ clients: new Map([[CLIENT, SECRET]]) }),
    rateLimiter: undefined,
    now: worldStartMs(world.asOf),
    requestId: 'req-1',
    ...overrides,
  };
}

function request(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
): TaxRequest {
  return { method, path, query: new URLSearchParams(), headers, body };
}

function tokenFor(ctx: TaxApiContext): string {
  const response = handleTaxRequest(
    request('POST', '/api/v1/oauth/token', {}, { clientId: CLIENT, clientSecret: SECRET }),
    ctx,
  );
  const data = response.envelope.data as { accessToken: string };
  return data.accessToken;
}

describe('handleTaxRequest', () => {
  it.each([
    ['a query without a bearer token', 'GET', '/api/v1/authorizations', {}, '100402', 401],
    ['a POST to a query endpoint', 'POST', '/api/v1/taxpayers/x/arrears', {}, '100405', 405],
    [
      'wrong client secret',
      'POST',
      '/api/v1/oauth/token',
      { clientId: CLIENT, clientSecret: 'nope' },
      '100401',
      401,
    ],
    [
      'a grant for an unknown taxpayer',
      'POST',
      '/api/v1/authorizations',
      { uscc: '91640000000000000X', clientId: CLIENT },
      '100404',
      404,
    ],
  ])('%s → %s', (_name, method, path, body, code, status) => {
    const response = handleTaxRequest(request(method, path, {}, body), context());
    expect([response.envelope.code, response.status]).toEqual([code, status]);
    expect(response.envelope.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('answers a rate-limited client with 429 and Retry-After', () => {
    const limiter: RateLimiter = { take: () => ({ allowed: false, retryAfterSeconds: 3 }) };
    const ctx = context({ rateLimiter: limiter });
    const response = handleTaxRequest(
      request('GET', '/api/v1/authorizations', { authorization: `Bearer ${tokenFor(ctx)}` }),
      ctx,
    );
    expect(response).toMatchObject({
      status: 429,
      headers: { 'retry-after': '3' },
      envelope: { code: '100429' },
    });
  });

  it('serves a taxpayer with its authorisation code, in yuan text', () => {
    const ctx = context();
    const bearer = `Bearer ${tokenFor(ctx)}`;
    const list = handleTaxRequest(
      request('GET', '/api/v1/authorizations', { authorization: bearer }),
      ctx,
    );
    const items = (list.envelope.data as { items: { uscc: string; authCode: string }[] }).items;
    const code = items.find((item) => item.uscc === WINERY)?.authCode ?? '';
    const payments = handleTaxRequest(
      request('GET', `/api/v1/taxpayers/${WINERY}/tax-payments`, {
        authorization: bearer,
        'x-auth-code': code,
      }),
      ctx,
    );
    expect(payments.envelope.data).toMatchObject({
      uscc: WINERY,
      items: [
        { period: '2025-04', taxType: '增值税', paidAmount: '8815.93' },
        { period: '2025-04', taxType: '附加税', paidAmount: '1057.91' },
        { period: '2025-05', taxType: '增值税', paidAmount: '64.00' },
      ],
    });
  });
});

describe('summariseInvoices', () => {
  const invoice = (overrides: Partial<VatInvoice>): VatInvoice => ({
    invoice_no: '1',
    period: '2025-05',
    issue_date: '2025-05-01',
    seller_uscc: WINERY,
    seller_name: 'S',
    buyer_uscc: null,
    buyer_name: 'B',
    amount_fen: 1000,
    tax_fen: 130,
    invoice_status: '正常',
    ...overrides,
  });
  it('counts voided invoices apart and nets red-letter ones', () => {
    const issued = [
      invoice({}),
      invoice({ invoice_status: '作废', amount_fen: 5000 }),
      invoice({ invoice_status: '红冲', amount_fen: -400, tax_fen: -52 }),
      invoice({ period: '2025-06' }),
    ];
    expect(summariseInvoices(issued, [], { from: '2025-05', to: '2025-05' })).toEqual([
      {
        period: '2025-05',
        issuedCount: 2,
        issuedAmountFen: 600,
        issuedTaxFen: 78,
        receivedCount: 0,
        receivedAmountFen: 0,
        receivedTaxFen: 0,
        voidedCount: 1,
        redLetterCount: 1,
      },
    ]);
  });
});
