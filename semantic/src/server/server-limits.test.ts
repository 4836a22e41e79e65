// The server at its limits, over a real DuckLake lake with one connection: a query that never
// finishes (test model endless-model/) holds it, so the next requests meet a busy server.
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import cube from '@cubejs-client/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '@sg/api-token';
import { openLake } from '@sg/lake';
import { loadSemanticModel } from '../model/load-model.ts';
import { ENTERPRISES_NINGXIA_SEVEN } from '../testing/enterprises-mart.ts';
import { createMartLake } from '../testing/mart-lake.ts';
import type { MartLake } from '../testing/mart-lake.ts';
import { createQueryRunner } from './query-runner.ts';
import type { QueryRunner } from './query-runner.ts';
import { createSemanticServer } from './semantic-server.ts';
import type { SemanticServer } from './semantic-server.ts';

const SECRET = 'limits-test-secret';
const token = signToken({ sub: 'test' }, SECRET, { expiresInSeconds: 600 });
const ENDLESS = { measures: ['probe.endless'] };
const COUNT = { measures: ['probe.count'] };
const QUERY_TIMEOUT_MS = 1_500;
const QUEUE_WAIT_MS = 400;

let lake: MartLake;
let runner: QueryRunner;
let semantic: SemanticServer;
let apiUrl: string;

async function load(
  query: unknown,
): Promise<{ status: number; retryAfter: string | null; body: unknown }> {
  const response = await fetch(
    `${apiUrl}/load?query=${encodeURIComponent(JSON.stringify(query))}`,
    {
      headers: { Authorization: token },
    },
  );
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: await response.json(),
  };
}

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 10_000) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves once the only connection runs a query (the endless one) and nobody waits. */
async function connectionBusy(): Promise<void> {
  await until(() => runner.stats().leased === 1 && runner.stats().waiting === 0);
}

beforeAll(async () => {
  lake = await createMartLake(ENTERPRISES_NINGXIA_SEVEN);
  runner = createQueryRunner(() => openLake(lake.config, { readOnly: true }), {
    size: 1,
    maxWaiting: 1,
    maxWaitMs: QUEUE_WAIT_MS,
    queryTimeoutMs: QUERY_TIMEOUT_MS,
  });
  semantic = createSemanticServer({
    model: loadSemanticModel(path.join(import.meta.dirname, '../testing/endless-model')),
    runner,
    secret: SECRET,
    corsOrigins: [],
  });
  await new Promise<void>((resolve) => semantic.http.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${String((semantic.http.address() as AddressInfo).port)}/cubejs-api/v1`;
  // The lake opens on the first query; until then requests may be told to continue waiting.
  for (let tries = 0; tries < 20; tries += 1) {
    const { body } = await load(COUNT);
    if (typeof body === 'object' && body !== null && 'data' in body) break;
  }
});

// An interrupted query gives its connection back once DuckDB has stopped it (after the answer).
afterEach(async () => {
  await until(() => runner.stats().leased === 0);
});

afterAll(async () => {
  semantic.http.closeAllConnections();
  await runner.close();
  await lake.dispose();
});

describe('semantic server at its limits', () => {
  it('a query past the timeout is interrupted and answered 504', async () => {
    const started = Date.now();
    const answer = await load(ENDLESS);
    expect(answer).toMatchObject({
      status: 504,
      body: { error: `Query timed out after ${String(QUERY_TIMEOUT_MS)} ms and was interrupted` },
    });
    expect(Date.now() - started).toBeLessThan(QUERY_TIMEOUT_MS + 2_000);
    expect((await load(COUNT)).status).toBe(200);
  });

  it('busy: a waiting request gets Continue wait, one beyond the queue a 503', async () => {
    const endless = load(ENDLESS);
    await connectionBusy();
    const waiting = load(COUNT);
    await expect.poll(() => runner.stats().waiting).toBe(1);
    const refused = await load(COUNT);
    expect(refused.status).toBe(503);
    expect(refused.retryAfter).toBe('1');
    expect(refused.body).toMatchObject({
      error: expect.stringMatching(/^The semantic server is busy/) as unknown,
    });
    expect(await waiting).toMatchObject({ status: 200, body: { error: 'Continue wait' } });
    expect((await endless).status).toBe(504);
  });

  it('@cubejs-client/core re-sends on Continue wait and gets the answer', async () => {
    const endless = load(ENDLESS);
    await connectionBusy();
    const resultSet = await cube(token, { apiUrl }).load(COUNT);
    expect(resultSet.tablePivot()).toEqual([{ 'probe.count': 7 }]);
    expect((await endless).status).toBe(504);
  });

  it('drain: stops accepting, interrupts a stuck query after the grace period', async () => {
    const endless = load(ENDLESS);
    await connectionBusy();
    const report = await semantic.drain(300);
    expect(report).toMatchObject({ forced: true, abandoned: 0 });
    expect(report.ms).toBeLessThan(3_000);
    expect(await endless).toMatchObject({
      status: 503,
      body: { error: 'The semantic server is shutting down' },
    });
    await expect(load(COUNT)).rejects.toThrow(/fetch failed/);
  });
});
