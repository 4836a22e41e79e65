import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCommerceEnterprises } from './enterprise-generator.ts';
import { canonicalRequest, computeSignature } from '@sg/request-signature';
import { startCommerceSimulator } from './server.ts';
import type { CommerceSimulator } from './server.ts';

const KEY = 'server-test-key';
const SECRET = 'server-test-secret';
const SEED = 77;
const COUNT = 40;

let sim: CommerceSimulator;

beforeAll(async () => {
  sim = await startCommerceSimulator({
    port: 0,
    seed: SEED,
    enterpriseCount: COUNT,
    apiKey: KEY,
    apiSecret: SECRET,
    rateLimit: null,
  });
});

afterAll(async () => {
  await sim.close();
});

function signedGet(pathAndQuery: string): Promise<Response> {
  const url = new URL(pathAndQuery, sim.url);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = computeSignature(
    SECRET,
    canonicalRequest('GET', url.pathname, url.searchParams, timestamp),
  );
  return fetch(url, {
    headers: { 'X-Api-Key': KEY, 'X-Timestamp': timestamp, 'X-Signature': signature },
  });
}

describe('startCommerceSimulator over HTTP', () => {
  it('serves the generated enterprises through the signed listing', async () => {
    const response = await signedGet('/v1/enterprises?pageSize=200');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as {
      code: number;
      data: { items: { creditCode: string }[] };
    };
    expect(body.code).toBe(200);
    expect(body.data.items.map((i) => i.creditCode).sort()).toEqual(
      generateCommerceEnterprises(SEED, COUNT)
        .map((e) => e.uscc)
        .sort(),
    );
  });

  it('reports its totals on the simulator-only endpoint', async () => {
    const body = (await (await fetch(`${sim.url}/v1/_sim/totals`)).json()) as {
      data: { enterpriseCount: number; seed: number };
    };
    expect(body.data).toMatchObject({ enterpriseCount: COUNT, seed: SEED });
    expect(sim.totals().enterpriseCount).toBe(COUNT);
  });

  it('rejects an unsigned request with 401', async () => {
    const response = await fetch(`${sim.url}/v1/enterprises`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { code: number }).code).toBe(401);
  });

  it.each([
    [500, null],
    [503, null],
    [429, '7'],
  ] as const)(
    'injects a %i status (Retry-After %s) for the next request only',
    async (status, retryAfter) => {
      sim.faults.inject({
        kind: 'status',
        status,
        ...(retryAfter === null ? {} : { retryAfterSeconds: 7 }),
      });
      const failed = await signedGet('/v1/enterprises?pageSize=1');
      expect(failed.status).toBe(status);
      expect(failed.headers.get('retry-after')).toBe(retryAfter);
      expect(((await failed.json()) as { code: number }).code).toBe(status);
      expect((await signedGet('/v1/enterprises?pageSize=1')).status).toBe(200);
    },
  );

  it('injects a malformed JSON body', async () => {
    sim.faults.inject({ kind: 'malformed-json' });
    const response = await signedGet('/v1/enterprises?pageSize=3');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.startsWith('{"code":200')).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
  });

  it('injects a connection cut in the middle of the body', async () => {
    sim.faults.inject({ kind: 'cut-connection' });
    const response = await signedGet('/v1/enterprises?pageSize=20');
    await expect(response.text()).rejects.toThrow();
    expect((await signedGet('/v1/enterprises?pageSize=1')).status).toBe(200);
  });

  it('takes faults over HTTP and rejects invalid ones', async () => {
    const accepted = await fetch(`${sim.url}/v1/_sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'status', status: 500, count: 2 }),
    });
    expect(accepted.status).toBe(200);
    const pending = (await (await fetch(`${sim.url}/v1/_sim/faults`)).json()) as {
      data: { pending: number };
    };
    expect(pending.data.pending).toBe(2);
    expect([
      (await signedGet('/v1/enterprises')).status,
      (await signedGet('/v1/enterprises')).status,
    ]).toEqual([500, 500]);
    const rejected = await fetch(`${sim.url}/v1/_sim/faults`, {
      method: 'POST',
      body: '{"kind":"explode"}',
    });
    expect(rejected.status).toBe(400);
    expect((await signedGet('/v1/enterprises')).status).toBe(200);
  });

  it('rate-limits per key with 429 and Retry-After', async () => {
    const limited = await startCommerceSimulator({
      enterpriseCount: 3,
      apiKey: KEY,
      apiSecret: SECRET,
      rateLimit: { capacity: 2, refillPerSecond: 0.5 },
    });
    try {
      const url = new URL('/v1/enterprises', limited.url);
      const get = () => {
        const timestamp = String(Math.floor(Date.now() / 1000));
        const signature = computeSignature(
          SECRET,
          canonicalRequest('GET', url.pathname, [], timestamp),
        );
        return fetch(url, {
          headers: { 'X-Api-Key': KEY, 'X-Timestamp': timestamp, 'X-Signature': signature },
        });
      };
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push(await get());
      expect(statuses.map((r) => r.status)).toEqual([200, 200, 429]);
      expect(Number(statuses[2]?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      await limited.close();
    }
  });
});
