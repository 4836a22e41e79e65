import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cubeRows } from '../api/cube-responses.ts';
import type { CubeRow } from '../api/cube-responses.ts';
import { loadSemanticModel } from '../model/load-model.ts';
import { createQueryRunner } from '../server/query-runner.ts';
import type { QueryRunner } from '../server/query-runner.ts';
import { ENTERPRISES_NINGXIA_SEVEN, openMartDatabase } from '../testing/enterprises-mart.ts';
import type { MartDatabase } from '../testing/enterprises-mart.ts';
import type { CubeQueryInput } from './cube-query.ts';
import { compileQuery, parseCubeQuery } from './compile-query.ts';
import { QueryError } from './query-errors.ts';

const model = loadSemanticModel();
const V = 'enterprise_overview';
const NOW = new Date('2022-01-15T00:00:00Z');
const compile = (query: unknown) => compileQuery(model, parseCubeQuery(query), NOW);

let db: MartDatabase;
let runner: QueryRunner;
beforeAll(async () => {
  db = await openMartDatabase(ENTERPRISES_NINGXIA_SEVEN);
  runner = createQueryRunner(() =>
    Promise.resolve({ connect: () => db.connect(), close: () => undefined }),
  );
});
afterAll(async () => {
  await runner.close();
  db.close();
});

async function load(query: CubeQueryInput): Promise<CubeRow[]> {
  const compiled = compile(query);
  return cubeRows(compiled, await runner.run(compiled.sql, compiled.params));
}

/** Each query runs on real DuckDB over ENTERPRISES_NINGXIA_SEVEN; expected rows worked out by hand. */
const RESULTS: { name: string; query: CubeQueryInput; rows: CubeRow[] }[] = [
  {
    name: 'count by prefecture (default order: first measure desc)',
    query: {
      measures: [`${V}.count`],
      dimensions: [`${V}.prefecture_name`],
      order: { [`${V}.count`]: 'desc', [`${V}.prefecture_name`]: 'asc' },
    },
    rows: [
      { [`${V}.prefecture_name`]: '银川市', [`${V}.count`]: 3 },
      { [`${V}.prefecture_name`]: '石嘴山市', [`${V}.count`]: 2 },
      { [`${V}.prefecture_name`]: '中卫市', [`${V}.count`]: 1 },
      { [`${V}.prefecture_name`]: '吴忠市', [`${V}.count`]: 1 },
    ],
  },
  {
    name: 'totals without dimensions, registered capital exact in yuan',
    query: { measures: [`${V}.count`, `${V}.total_registered_capital_yuan`] },
    rows: [{ [`${V}.count`]: 7, [`${V}.total_registered_capital_yuan`]: 4_770_013.84 }],
  },
  {
    name: 'equals with several values, notEquals keeps nulls',
    query: {
      measures: [`${V}.count`],
      filters: [
        { member: `${V}.prefecture_name`, operator: 'equals', values: ['银川市', '中卫市'] },
        { member: `${V}.county_name`, operator: 'notEquals', values: ['兴庆区'] },
      ],
    },
    rows: [{ [`${V}.count`]: 2 }],
  },
  {
    name: 'contains is case-insensitive substring; notSet finds the missing county',
    query: {
      measures: [`${V}.count`],
      filters: [
        {
          or: [
            { member: `${V}.industry_section_name`, operator: 'contains', values: ['零售'] },
            { member: `${V}.county_name`, operator: 'notSet' },
          ],
        },
      ],
    },
    rows: [{ [`${V}.count`]: 2 }],
  },
  {
    name: 'a measure filter becomes HAVING',
    query: {
      measures: [`${V}.count`],
      dimensions: [`${V}.prefecture_name`],
      filters: [{ member: `${V}.count`, operator: 'gte', values: ['2'] }],
      order: [[`${V}.prefecture_name`, 'asc']],
    },
    rows: [
      { [`${V}.prefecture_name`]: '石嘴山市', [`${V}.count`]: 2 },
      { [`${V}.prefecture_name`]: '银川市', [`${V}.count`]: 3 },
    ],
  },
  {
    name: 'time dimension by quarter within a date range, both keys filled',
    query: {
      measures: [`${V}.count`],
      timeDimensions: [
        {
          dimension: `${V}.established_date`,
          granularity: 'quarter',
          dateRange: ['2019-01-01', '2019-12-31'],
        },
      ],
    },
    rows: [
      {
        [`${V}.established_date.quarter`]: '2019-01-01T00:00:00.000',
        [`${V}.established_date`]: '2019-01-01T00:00:00.000',
        [`${V}.count`]: 2,
      },
      {
        [`${V}.established_date.quarter`]: '2019-07-01T00:00:00.000',
        [`${V}.established_date`]: '2019-07-01T00:00:00.000',
        [`${V}.count`]: 1,
      },
    ],
  },
  {
    name: 'inDateRange includes the whole last day; relative "last year"',
    query: {
      measures: [`${V}.count`],
      filters: [
        {
          member: `${V}.established_date`,
          operator: 'inDateRange',
          values: ['2019-03-15', '2019-03-31'],
        },
      ],
      timeDimensions: [{ dimension: `${V}.established_date`, dateRange: 'last 3 years' }],
    },
    rows: [{ [`${V}.count`]: 2 }],
  },
  {
    name: 'beforeDate / afterOrOnDate',
    query: {
      measures: [`${V}.count`],
      filters: [
        { member: `${V}.established_date`, operator: 'afterOrOnDate', values: ['2020-01-02'] },
        { member: `${V}.established_date`, operator: 'beforeDate', values: ['2021-12-31'] },
      ],
    },
    rows: [{ [`${V}.count`]: 3 }],
  },
  {
    name: 'yearly time series with limit and offset',
    query: {
      measures: [`${V}.count`],
      timeDimensions: [{ dimension: `${V}.established_date`, granularity: 'year' }],
      limit: 2,
      offset: 1,
    },
    rows: [
      {
        [`${V}.established_date.year`]: '2020-01-01T00:00:00.000',
        [`${V}.established_date`]: '2020-01-01T00:00:00.000',
        [`${V}.count`]: 2,
      },
      {
        [`${V}.established_date.year`]: '2021-01-01T00:00:00.000',
        [`${V}.established_date`]: '2021-01-01T00:00:00.000',
        [`${V}.count`]: 2,
      },
    ],
  },
  {
    name: 'dimensions only (grouped, default order by first dimension)',
    query: { dimensions: [`${V}.industry_section_name`] },
    rows: [
      { [`${V}.industry_section_name`]: '农、林、牧、渔业' },
      { [`${V}.industry_section_name`]: '制造业' },
      { [`${V}.industry_section_name`]: '批发和零售业' },
      { [`${V}.industry_section_name`]: '采矿业' },
    ],
  },
  {
    name: 'weekly granularity starts on Monday',
    query: {
      measures: [`${V}.count`],
      timeDimensions: [
        {
          dimension: `${V}.established_date`,
          granularity: 'week',
          dateRange: ['2021-12-31', '2021-12-31'],
        },
      ],
    },
    rows: [
      {
        [`${V}.established_date.week`]: '2021-12-27T00:00:00.000',
        [`${V}.established_date`]: '2021-12-27T00:00:00.000',
        [`${V}.count`]: 1,
      },
    ],
  },
];

describe('compileQuery on real DuckDB', () => {
  it.each(RESULTS)('$name', async ({ query, rows }) => {
    expect(await load(query)).toEqual(rows);
  });

  it('binds every request value as a parameter, never as SQL text', async () => {
    const hostile = "银川市'); DROP TABLE lake.marts.enterprises; --";
    const compiled = compile({
      measures: [`${V}.count`],
      filters: [{ member: `${V}.prefecture_name`, operator: 'equals', values: [hostile] }],
    });
    expect(compiled.sql).not.toContain('DROP');
    expect(compiled.params).toEqual([hostile]);
    expect(
      await load({
        measures: [`${V}.count`],
        filters: [{ member: `${V}.prefecture_name`, operator: 'equals', values: [hostile] }],
      }),
    ).toEqual([{ [`${V}.count`]: 0 }]);
    expect(await load({ measures: [`${V}.count`] })).toEqual([{ [`${V}.count`]: 7 }]);
  });

  it('escapes LIKE wildcards in contains', async () => {
    expect(
      await load({
        measures: [`${V}.count`],
        filters: [{ member: `${V}.prefecture_name`, operator: 'contains', values: ['%'] }],
      }),
    ).toEqual([{ [`${V}.count`]: 0 }]);
  });

  it('counts the total rows ignoring limit when total: true', async () => {
    const compiled = compile({
      measures: [`${V}.count`],
      dimensions: [`${V}.prefecture_name`],
      limit: 1,
      total: true,
    });
    expect(compiled.totalSql).toBeDefined();
    const rows = await runner.run(compiled.totalSql ?? '', compiled.params);
    expect(rows).toEqual([{ total: 4 }]);
  });

  it('annotates members with Chinese titles and echoes the normalized query', () => {
    const compiled = compile({
      measures: [`${V}.count`],
      timeDimensions: [{ dimension: `${V}.established_date`, granularity: 'month' }],
    });
    expect(compiled.annotation.measures[`${V}.count`]).toMatchObject({
      title: '企业分布概览 企业数',
      shortTitle: '企业数',
      type: 'number',
    });
    expect(compiled.annotation.timeDimensions[`${V}.established_date.month`]).toMatchObject({
      shortTitle: '成立日期',
      type: 'time',
      granularity: { name: 'month', interval: '1 month' },
    });
    expect(compiled.query).toMatchObject({
      order: [{ id: `${V}.established_date`, desc: false }],
      limit: 10_000,
      timezone: 'UTC',
      filters: [],
    });
  });
});

const REJECTED: { name: string; query: unknown; error: RegExp }[] = [
  {
    name: 'an unknown member',
    query: { measures: [`${V}.profit`] },
    error: /view 'enterprise_overview' has no member 'enterprise_overview.profit'/,
  },
  {
    name: 'an unknown view',
    query: { measures: ['nothing.count'] },
    error: /unknown view 'nothing'/,
  },
  {
    name: 'the private cube',
    query: { measures: ['enterprises.count'] },
    error: /'enterprises' is not public: query a view instead \(enterprise_overview\)/,
  },
  {
    name: 'a dimension listed as a measure',
    query: { measures: [`${V}.prefecture_name`] },
    error: /is a dimension/,
  },
  {
    name: 'a measure listed as a dimension',
    query: { dimensions: [`${V}.count`] },
    error: /is a measure/,
  },
  {
    name: 'a string dimension as a time dimension',
    query: {
      measures: [`${V}.count`],
      timeDimensions: [{ dimension: `${V}.county_name`, granularity: 'day' }],
    },
    error: /not a time dimension/,
  },
  {
    name: 'an unknown granularity',
    query: {
      measures: [`${V}.count`],
      timeDimensions: [{ dimension: `${V}.established_date`, granularity: 'decade' }],
    },
    error: /invalid query: timeDimensions\.0\.granularity/,
  },
  {
    name: 'an unknown operator',
    query: {
      measures: [`${V}.count`],
      filters: [{ member: `${V}.county_name`, operator: 'like', values: ['x'] }],
    },
    error: /invalid query/,
  },
  {
    name: 'contains on a number (measure)',
    query: {
      measures: [`${V}.count`],
      filters: [{ member: `${V}.count`, operator: 'contains', values: ['1'] }],
    },
    error: /operator 'contains' does not apply to number member/,
  },
  {
    name: 'a non-numeric value for gt',
    query: {
      measures: [`${V}.count`],
      filters: [{ member: `${V}.count`, operator: 'gt', values: ['lots'] }],
    },
    error: /'lots' is not a number/,
  },
  {
    name: 'a bad date',
    query: {
      measures: [`${V}.count`],
      filters: [
        {
          member: `${V}.established_date`,
          operator: 'inDateRange',
          values: ['2020-13-01', '2021-01-01'],
        },
      ],
    },
    error: /not a valid date/,
  },
  {
    name: 'mixing measures and dimensions in or',
    query: {
      measures: [`${V}.count`],
      filters: [
        {
          or: [
            { member: `${V}.count`, operator: 'gt', values: ['1'] },
            { member: `${V}.county_name`, operator: 'set' },
          ],
        },
      ],
    },
    error: /cannot mix measures and dimensions/,
  },
  {
    name: 'ordering by an unselected member',
    query: { measures: [`${V}.count`], order: { [`${V}.county_name`]: 'asc' } },
    error: /order member/,
  },
  { name: 'an empty query', query: {}, error: /at least one of measures/ },
  {
    name: 'only filters',
    query: { filters: [{ member: `${V}.county_name`, operator: 'set' }] },
    error: /at least one of measures/,
  },
  {
    name: 'unknown top-level keys',
    query: { measures: [`${V}.count`], sql: 'select 1' },
    error: /invalid query/,
  },
  {
    name: 'a member name with SQL in it',
    query: { measures: [`${V}.count; drop table x`] },
    error: /has no member/,
  },
  { name: 'multiple queries', query: [{ measures: [`${V}.count`] }], error: /not supported/ },
  {
    name: 'a non-UTC timezone',
    query: { measures: [`${V}.count`], timezone: 'Asia/Shanghai' },
    error: /timezone/,
  },
  { name: 'ungrouped', query: { measures: [`${V}.count`], ungrouped: true }, error: /ungrouped/ },
  {
    name: 'a segment',
    query: { measures: [`${V}.count`], segments: [`${V}.active`] },
    error: /no segment/,
  },
];

describe('compileQuery rejects bad requests with a clear QueryError', () => {
  it.each(REJECTED)('$name', ({ query, error }) => {
    expect(() => compile(query)).toThrow(QueryError);
    expect(() => compile(query)).toThrow(error);
  });
});
