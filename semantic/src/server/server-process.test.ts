// The server as `just up` runs it (a separate process over a real DuckLake lake): parallel
// dashboard requests never crash it, and SIGTERM stops it within the drain time even with a query
// stuck. Before the connection pool, 32 parallel /load requests killed it (SIGSEGV, SIGABRT after
// "pure virtual method called") in 3 runs out of 3, and closing the shared connection under a
// running query left that query's promise unsettled and the process unable to exit.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '@sg/api-token';
import { ENTERPRISES_NINGXIA_SEVEN } from '../testing/enterprises-mart.ts';
import { createMartLake } from '../testing/mart-lake.ts';
import type { MartLake } from '../testing/mart-lake.ts';
import { startServerProcess } from '../testing/server-process.ts';
import type { ServerProcess } from '../testing/server-process.ts';

const SECRET = 'process-test-secret';
const V = 'enterprise_overview';
const token = signToken({ sub: 'test' }, SECRET, { expiresInSeconds: 600 });

/** Four dashboard queries and their answers, worked out by hand from ENTERPRISES_NINGXIA_SEVEN. */
const DASHBOARD = [
  {
    name: 'count per prefecture',
    query: {
      measures: [`${V}.count`],
      dimensions: [`${V}.prefecture_name`],
      order: [
        [`${V}.count`, 'desc'],
        [`${V}.prefecture_name`, 'asc'],
      ],
    },
    data: [
      { [`${V}.prefecture_name`]: '银川市', [`${V}.count`]: 3 },
      { [`${V}.prefecture_name`]: '石嘴山市', [`${V}.count`]: 2 },
      { [`${V}.prefecture_name`]: '中卫市', [`${V}.count`]: 1 },
      { [`${V}.prefecture_name`]: '吴忠市', [`${V}.count`]: 1 },
    ],
  },
  { name: 'total', query: { measures: [`${V}.count`] }, data: [{ [`${V}.count`]: 7 }] },
  {
    name: 'capital per industry section in Yinchuan',
    query: {
      measures: [`${V}.total_registered_capital_yuan`],
      dimensions: [`${V}.industry_section_name`],
      filters: [{ member: `${V}.prefecture_name`, operator: 'equals', values: ['银川市'] }],
      order: { [`${V}.industry_section_name`]: 'asc' },
    },
    data: [
      {
        [`${V}.industry_section_name`]: '制造业',
        [`${V}.total_registered_capital_yuan`]: 1000012.34,
      },
      {
        [`${V}.industry_section_name`]: '批发和零售业',
        [`${V}.total_registered_capital_yuan`]: 500000.5,
      },
    ],
  },
  {
    name: 'count per establishment year',
    query: {
      measures: [`${V}.count`],
      timeDimensions: [{ dimension: `${V}.established_date`, granularity: 'year' }],
      order: { [`${V}.established_date`]: 'asc' },
    },
    data: [
      { [`${V}.established_date.year`]: '2019-01-01T00:00:00.000', [`${V}.count`]: 3 },
      { [`${V}.established_date.year`]: '2020-01-01T00:00:00.000', [`${V}.count`]: 2 },
      { [`${V}.established_date.year`]: '2021-01-01T00:00:00.000', [`${V}.count`]: 2 },
    ],
  },
] as const;

async function load(
  server: ServerProcess,
  query: unknown,
): Promise<{ status: number; body: unknown }> {
  const url = `${server.apiUrl}/load?query=${encodeURIComponent(JSON.stringify(query))}`;
  try {
    const response = await fetch(url, { headers: { Authorization: token } });
    return { status: response.status, body: await response.json() };
  } catch (error) {
    const exit = await Promise.race([server.exited, Promise.resolve(undefined)]);
    const how = exit === undefined ? 'still running' : `exited ${JSON.stringify(exit)}`;
    throw new Error(`${String(error)}; server ${how}; output:\n${server.output()}`, {
      cause: error,
    });
  }
}

describe('semantic server process over a real DuckLake lake', () => {
  let lake: MartLake;
  let server: ServerProcess;

  beforeAll(async () => {
    lake = await createMartLake(ENTERPRISES_NINGXIA_SEVEN);
    server = await startServerProcess({ ...lake.env, SG_SEMANTIC_SECRET: SECRET });
  });

  afterAll(async () => {
    if (server.isRunning()) server.child.kill('SIGKILL');
    await lake.dispose();
  });

  it('answers 4 rounds of 32 parallel dashboard requests correctly and stays up', async () => {
    for (let round = 0; round < 4; round += 1) {
      const requests = Array.from({ length: 8 }, () => DASHBOARD).flat(); // 32 requests
      const answers = await Promise.all(
        requests.map(async (chart) => ({ chart, ...(await load(server, chart.query)) })),
      );
      for (const { chart, status, body } of answers) {
        expect({ chart: chart.name, status }).toEqual({ chart: chart.name, status: 200 });
        expect(body).toMatchObject({ data: chart.data });
      }
    }
    expect(server.isRunning(), server.output()).toBe(true);
  }, 120_000);

  it('exits 0 soon after SIGTERM', async () => {
    const started = Date.now();
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('semantic server process sent SIGTERM with a query stuck', () => {
  const DRAIN_MS = 500;
  let lake: MartLake;
  let server: ServerProcess;

  beforeAll(async () => {
    lake = await createMartLake(ENTERPRISES_NINGXIA_SEVEN);
    server = await startServerProcess({
      ...lake.env,
      SG_SEMANTIC_SECRET: SECRET,
      SG_SEMANTIC_MODEL_DIR: path.join(import.meta.dirname, '../testing/endless-model'),
      SG_SEMANTIC_DRAIN_MS: String(DRAIN_MS),
    });
  });

  afterAll(async () => {
    if (server.isRunning()) server.child.kill('SIGKILL');
    await lake.dispose();
  });

  it('answers the stuck request 503 and exits 0 within the drain time', async () => {
    expect(await load(server, { measures: ['probe.count'] })).toMatchObject({ status: 200 });
    const stuck = load(server, { measures: ['probe.endless'] });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = Date.now();
    server.child.kill('SIGTERM');
    expect(await stuck).toEqual({
      status: 503,
      body: { error: 'The semantic server is shutting down' },
    });
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(DRAIN_MS + 3_000);
    expect(server.output()).toMatch(/interrupted the queries still running/);
  });
});
