import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import cube, { ResultSet } from '@cubejs-client/core';
import type { CubeApi } from '@cubejs-client/core';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '@sg/api-token';
import { loadSemanticModel } from '../model/load-model.ts';
import { ENTERPRISES_NINGXIA_SEVEN, openMartDatabase } from '../testing/enterprises-mart.ts';
import type { MartDatabase } from '../testing/enterprises-mart.ts';
import { ARROW_STREAM_MEDIA_TYPE } from './arrow-ipc.ts';
import { createQueryRunner } from './query-runner.ts';
import type { QueryRunner } from './query-runner.ts';
import { createSemanticServer } from './semantic-server.ts';

const SECRET = 'server-test-secret';
const BI_ORIGIN = 'http://127.0.0.1:3999';
const V = 'enterprise_overview';
const BY_PREFECTURE = {
  measures: [`${V}.count`],
  dimensions: [`${V}.prefecture_name`],
  order: { [`${V}.count`]: 'desc', [`${V}.prefecture_name`]: 'asc' },
} as const;

let db: MartDatabase;
let runner: QueryRunner;
let server: Server;
let baseUrl: string;
let api: CubeApi;
const token = signToken({ sub: 'test' }, SECRET, { expiresInSeconds: 600 });

beforeAll(async () => {
  db = await openMartDatabase(ENTERPRISES_NINGXIA_SEVEN);
  runner = createQueryRunner(() =>
    Promise.resolve({ connect: () => db.connect(), close: () => undefined }),
  );
  server = createSemanticServer({
    model: loadSemanticModel(),
    runner,
    secret: SECRET,
    corsOrigins: [BI_ORIGIN],
  }).http;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cubejs-api/v1`;
  api = cube(token, { apiUrl: baseUrl });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await runner.close();
  db.close();
});

describe('@cubejs-client/core against the semantic server', () => {
  it('load() → ResultSet.chartPivot() gives the count per prefecture', async () => {
    const resultSet = await api.load(BY_PREFECTURE);
    expect(resultSet.chartPivot()).toEqual([
      { x: '银川市', xValues: ['银川市'], [`${V}.count`]: 3 },
      { x: '石嘴山市', xValues: ['石嘴山市'], [`${V}.count`]: 2 },
      { x: '中卫市', xValues: ['中卫市'], [`${V}.count`]: 1 },
      { x: '吴忠市', xValues: ['吴忠市'], [`${V}.count`]: 1 },
    ]);
    expect(resultSet.seriesNames()).toEqual([
      {
        key: `${V}.count`,
        title: '企业分布概览 企业数',
        shortTitle: '企业数',
        yValues: [`${V}.count`],
      },
    ]);
    expect(resultSet.tablePivot()[0]).toEqual({
      [`${V}.prefecture_name`]: '银川市',
      [`${V}.count`]: 3,
    });
  });

  it('time series: the client fills missing quarters between our rows', async () => {
    const resultSet = await api.load({
      measures: [`${V}.count`],
      timeDimensions: [
        {
          dimension: `${V}.established_date`,
          granularity: 'quarter',
          dateRange: ['2019-01-01', '2019-12-31'],
        },
      ],
    });
    expect(resultSet.chartPivot().map((row) => [row.x, row[`${V}.count`] as number])).toEqual([
      ['2019-01-01T00:00:00.000', 2],
      ['2019-04-01T00:00:00.000', 0],
      ['2019-07-01T00:00:00.000', 1],
      ['2019-10-01T00:00:00.000', 0],
    ]);
  });

  it('compact response format is unpacked by the client', async () => {
    const resultSet = await api.load(BY_PREFECTURE, {}, undefined, 'compact');
    expect(resultSet.rawData()).toHaveLength(4);
    expect(resultSet.rawData()[0]).toEqual({
      [`${V}.prefecture_name`]: '银川市',
      [`${V}.count`]: 3,
    });
  });

  it('meta() lists only the public view, with Chinese titles', async () => {
    const meta = await api.meta();
    expect(meta.cubes.map((c) => [c.name, c.type, c.title])).toEqual([[V, 'view', '企业分布概览']]);
    expect(meta.resolveMember(`${V}.prefecture_name`, 'dimensions')).toMatchObject({
      shortTitle: '地市',
      type: 'string',
    });
    expect(meta.resolveMember('enterprises.count', 'measures')).toMatchObject({
      error: expect.stringContaining('not found') as unknown,
    });
  });

  it('sql() returns the parameterised SQL', async () => {
    const sql = await api.sql({
      ...BY_PREFECTURE,
      filters: [{ member: `${V}.prefecture_name`, operator: 'equals', values: ['银川市'] }],
    });
    expect(sql.sql()).toContain('FROM lake.marts.enterprises AS "enterprises"');
    expect(sql.sql()).not.toContain('银川市');
    expect(sql.rawQuery().sql[1]).toEqual(['银川市']);
  });

  it('a bad query surfaces as a RequestError with status 400 and the reason', async () => {
    await expect(api.load({ measures: [`${V}.nope`] })).rejects.toMatchObject({
      response: {
        error: expect.stringContaining("has no member 'enterprise_overview.nope'") as unknown,
      },
      status: 400,
    });
  });

  it('a serialized response restores into an equal ResultSet', async () => {
    const resultSet = await api.load(BY_PREFECTURE);
    expect(ResultSet.deserialize(resultSet.serialize()).chartPivot()).toEqual(
      resultSet.chartPivot(),
    );
  });
});

describe('HTTP contract', () => {
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, { headers: { Authorization: token, ...headers } });
  const query = encodeURIComponent(JSON.stringify(BY_PREFECTURE));

  it.each([
    { name: 'no Authorization header', headers: { Authorization: '' }, status: 401 },
    {
      name: 'a token signed with another secret',
      headers: { Authorization: signToken({}, 'wrong') },
      status: 403,
    },
    { name: 'a valid Bearer token', headers: { Authorization: `Bearer ${token}` }, status: 200 },
  ])('$name → $status', async ({ headers, status }) => {
    const response = await get(`/load?query=${query}`, headers);
    expect(response.status).toBe(status);
  });

  it('GET /load without queryType=multi returns the single-result shape', async () => {
    const body = (await (await get(`/load?query=${query}`)).json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      [
        'annotation',
        'data',
        'dataSource',
        'dbType',
        'external',
        'extDbType',
        'lastRefreshTime',
        'query',
        'slowQuery',
      ].sort(),
    );
    expect(body['data']).toHaveLength(4);
    expect(typeof body['lastRefreshTime']).toBe('string');
  });

  it('POST /load with {query, queryType: multi} returns the multi envelope', async () => {
    const response = await fetch(`${baseUrl}/load`, {
      method: 'POST',
      headers: { Authorization: token, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        query: { measures: [`${V}.count`], total: true },
        queryType: 'multi',
      }),
    });
    expect(await response.json()).toMatchObject({
      queryType: 'regularQuery',
      results: [{ data: [{ [`${V}.count`]: 7 }], total: 1 }],
      pivotQuery: { measures: [`${V}.count`], queryType: 'regularQuery' },
    });
  });

  it('unknown paths are 404 and malformed query JSON is 400', async () => {
    expect((await get('/nothing')).status).toBe(404);
    const bad = await get('/load?query=%7Bnot-json');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'Query param "query" is not valid JSON' });
  });

  it('answers CORS preflight for the BI origin only', async () => {
    const preflight = (origin: string) =>
      fetch(`${baseUrl}/load`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization',
        },
      });
    const allowed = await preflight(BI_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(BI_ORIGIN);
    expect(allowed.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect(
      (await preflight('http://evil.example')).headers.get('access-control-allow-origin'),
    ).toBeNull();
  });

  it('returns Arrow IPC when asked for application/vnd.apache.arrow.stream', async () => {
    const response = await get(`/load?query=${query}`, { Accept: ARROW_STREAM_MEDIA_TYPE });
    expect(response.headers.get('content-type')).toBe(ARROW_STREAM_MEDIA_TYPE);
    const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
    expect(table.schema.fields.map((f) => f.name)).toEqual([`${V}.prefecture_name`, `${V}.count`]);
    const rows = Array.from({ length: table.numRows }, (_, i) =>
      Object.fromEntries(
        table.schema.fields.map((f) => [f.name, table.getChild(f.name)?.get(i) as unknown]),
      ),
    );
    expect(rows).toEqual([
      { [`${V}.prefecture_name`]: '银川市', [`${V}.count`]: 3 },
      { [`${V}.prefecture_name`]: '石嘴山市', [`${V}.count`]: 2 },
      { [`${V}.prefecture_name`]: '中卫市', [`${V}.count`]: 1 },
      { [`${V}.prefecture_name`]: '吴忠市', [`${V}.count`]: 1 },
    ]);
  });
});
