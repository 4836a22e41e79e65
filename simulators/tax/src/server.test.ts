import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTaxSimulator } from './server.ts';
import type { TaxSimulator } from './server.ts';

const FIXTURE_WORLD = join(import.meta.dirname, 'fixtures', 'tiny-tax-world');
let simulator: TaxSimulator;

beforeAll(async () => {
  simulator = await startTaxSimulator({
    worldDir: FIXTURE_WORLD,
    rateLimit: { capacity: 2, refillPerSecond: 0.01 },
  });
});
afterAll(async () => {
  await simulator.close();
});

async function token(): Promise<string> {
  const response = await fetch(`${simulator.url}/api/v1/oauth/token`, {
    method: 'POST',
    body: JSON.stringify({ clientId: 'sg-dev-guarantee', clientSecret: 'sg-dev-tax-secret' }),
  });
  const body = (await response.json()) as { data: { accessToken: string } };
  return body.data.accessToken;
}

describe('tax simulator server', () => {
  it('reports the served world’s totals', async () => {
    const response = await fetch(`${simulator.url}/api/_sim/totals`);
    expect(await response.json()).toMatchObject({
      code: '000000',
      data: { asOf: '2025-06-30', taxpayers: 4, vatInvoices: 6 },
    });
  });

  it('answers an injected fault, then the rate limit with Retry-After', async () => {
    const bearer = { authorization: `Bearer ${await token()}` };
    simulator.faults.inject({ kind: 'status', status: 502 });
    const faulted = await fetch(`${simulator.url}/api/v1/authorizations`, { headers: bearer });
    expect([faulted.status, ((await faulted.json()) as { code: string }).code]).toEqual([
      502,
      '100502',
    ]);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 3; i += 1) {
      const response = await fetch(`${simulator.url}/api/v1/authorizations`, { headers: bearer });
      statuses.push(response.status);
      retryAfter = response.headers.get('retry-after') ?? retryAfter;
      await response.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it('moves the world clock forward on request', async () => {
    const before = simulator.clock.now();
    const response = await fetch(`${simulator.url}/api/_sim/clock`, {
      method: 'POST',
      body: JSON.stringify({ advanceSeconds: 86_400 }),
    });
    expect(response.status).toBe(200);
    expect(simulator.clock.now() - before).toBeGreaterThanOrEqual(86_400_000);
  });
});
