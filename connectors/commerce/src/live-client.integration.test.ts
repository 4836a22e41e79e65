/**
 * End to end across a process boundary: the commerce simulator runs as a child process (the
 * connector may not import it), the live client pulls the whole source (change feed, listing,
 * related lists) through injected faults and a real rate limit, and the landing goes into a real
 * DuckLake. The landed enterprises reconcile with the simulator's own totals.
 */
import { openLake } from '@sg/lake';
import { TEST_CATALOG_KINDS, createTestLake } from '@sg/lake/testing';
import { startSimulatorProcess } from '@sg/simulator-processes';
import type { RunningSimulator } from '@sg/simulator-processes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CommerceApiError } from './commerce-errors.ts';
import { landCommerceSource } from './land-source.ts';
import { createCommerceClient } from './live-client.ts';

const API_KEY = 'integration-key';
const API_SECRET = 'integration-secret';
const ENTERPRISE_COUNT = 40;
const WINDOW = '2025-06-30';

const bannerSchema = z.object({ service: z.literal('sim-commerce'), url: z.url() });
const totalsSchema = z.object({
  data: z.object({
    enterpriseCount: z.int(),
    byRegistrationStatus: z.record(z.string(), z.int()),
  }),
});

let simulator: RunningSimulator;
let simulatorUrl: string;

beforeAll(async () => {
  simulator = await startSimulatorProcess('commerce', {
    env: {
      SG_SIM_COMMERCE_PORT: '0',
      SG_SIM_COMMERCE_ENTERPRISES: String(ENTERPRISE_COUNT),
      SG_SIM_COMMERCE_API_KEY: API_KEY,
      SG_SIM_COMMERCE_API_SECRET: API_SECRET,
      SG_SIM_COMMERCE_RATE_LIMIT: '20',
    },
  });
  simulatorUrl = bannerSchema.parse(simulator.banner).url;
});

afterAll(async () => {
  await simulator.stop();
});

async function injectFault(fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${simulatorUrl}/v1/_sim/faults`, {
    method: 'POST',
    body: JSON.stringify(fault),
  });
  expect(response.status).toBe(200);
}

function liveClient(apiSecret = API_SECRET) {
  return createCommerceClient({
    baseUrl: simulatorUrl,
    apiKey: API_KEY,
    apiSecret,
    retry: { maxAttempts: 12, baseDelayMs: 50, maxDelayMs: 2_000 },
  });
}

describe.each(TEST_CATALOG_KINDS)(
  'simulator (child process) → live client → lake (%s catalog)',
  (kind) => {
    it('lands every enterprise through 500, 429, a cut connection and malformed JSON', async () => {
      await injectFault({ kind: 'status', status: 500 });
      await injectFault({ kind: 'cut-connection' });
      await injectFault({ kind: 'status', status: 429, retryAfterSeconds: 1 });
      await injectFault({ kind: 'malformed-json' });

      const testLake = await createTestLake(kind);
      const lake = await openLake(testLake.config);
      try {
        const source = await landCommerceSource(lake, liveClient(), WINDOW, {
          mode: 'full',
          pageSize: 25,
        });
        const result = source.landings['enterprises'];
        const totals = totalsSchema.parse(
          await (await fetch(`${simulatorUrl}/v1/_sim/totals`)).json(),
        );

        const faults = z
          .object({ data: z.object({ pending: z.int() }) })
          .parse(await (await fetch(`${simulatorUrl}/v1/_sim/faults`)).json());
        expect(faults.data.pending).toBe(0); // every injected fault was actually hit

        expect(totals.data.enterpriseCount).toBe(ENTERPRISE_COUNT);
        expect(result).toMatchObject({ rowCount: ENTERPRISE_COUNT, quarantinedCount: 0 });

        const reader = await lake.connection.runAndReadAll(
          `select registration_status, count(*)::integer as n, count(distinct uscc)::integer as distinct_usccs
           from lake.raw_commerce.enterprises where _window = '${WINDOW}' group by all`,
        );
        const byStatus = z
          .array(z.object({ registration_status: z.string(), n: z.int(), distinct_usccs: z.int() }))
          .parse(reader.getRowObjectsJson());
        expect(Object.fromEntries(byStatus.map((r) => [r.registration_status, r.n]))).toEqual(
          Object.fromEntries(
            Object.entries(totals.data.byRegistrationStatus).filter(([, n]) => n > 0),
          ),
        );
        for (const row of byStatus) expect(row.distinct_usccs).toBe(row.n);
      } finally {
        lake.close();
        await testLake.dispose();
      }
    });
  },
);

describe('simulator (child process) → live client: authentication', () => {
  it('a wrong secret fails fast as an authentication error, without retries', async () => {
    const error: unknown = await liveClient('wrong-secret')
      .listEnterprises({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommerceApiError);
    expect(error).toMatchObject({ kind: 'authentication', httpStatus: 401, attempts: 1 });
    expect((error as CommerceApiError).message).toContain('签名验证失败');
  });

  it('finds an enterprise by search and reads its detail', async () => {
    const client = liveClient();
    const page = await client.searchEnterprises({ keyword: '有限', pageSize: 3 });
    expect(page.total).toBe(ENTERPRISE_COUNT);
    const first = page.items[0];
    expect(first).toBeDefined();
    const detail = await client.getEnterprise(first?.creditCode ?? '');
    expect(detail?.name).toBe(first?.name);
  });
});
