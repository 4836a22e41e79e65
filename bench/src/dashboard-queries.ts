// The Cube queries the load test mixes: the BI overview page's two (apps/bi
// src/lib/features/enterprise-overview/overview-queries.ts, copied because an app's internals are
// not a package) and realistic variations a dashboard over enterprise_overview sends: drill-down
// to counties, capital by industry, time series by year and quarter, filters and limits.

const V = 'enterprise_overview';
const COUNT = `${V}.count`;
const CAPITAL = `${V}.total_registered_capital_yuan`;
const PREFECTURE = `${V}.prefecture_name`;
const COUNTY = `${V}.county_name`;
const INDUSTRY = `${V}.industry_section_name`;
const ESTABLISHED = `${V}.established_date`;

export interface DashboardQuery {
  readonly name: string;
  readonly query: Readonly<Record<string, unknown>>;
}

export const DASHBOARD_QUERIES: readonly DashboardQuery[] = [
  {
    name: 'bi: count per prefecture',
    query: {
      measures: [COUNT],
      dimensions: [PREFECTURE],
      order: [
        [COUNT, 'desc'],
        [PREFECTURE, 'asc'],
      ],
    },
  },
  { name: 'bi: total count', query: { measures: [COUNT] } },
  {
    name: 'count per county of Yinchuan',
    query: {
      measures: [COUNT],
      dimensions: [COUNTY],
      filters: [{ member: PREFECTURE, operator: 'equals', values: ['银川市'] }],
      order: [
        [COUNT, 'desc'],
        [COUNTY, 'asc'],
      ],
    },
  },
  {
    name: 'top 10 industry sections by registered capital',
    query: {
      measures: [CAPITAL, COUNT],
      dimensions: [INDUSTRY],
      order: [
        [CAPITAL, 'desc'],
        [INDUSTRY, 'asc'],
      ],
      limit: 10,
    },
  },
  {
    name: 'enterprises established per year',
    query: {
      measures: [COUNT],
      timeDimensions: [
        { dimension: ESTABLISHED, granularity: 'year', dateRange: ['2000-01-01', '2024-12-31'] },
      ],
    },
  },
  {
    name: 'established per quarter and prefecture, 2020–2023',
    query: {
      measures: [COUNT],
      dimensions: [PREFECTURE],
      timeDimensions: [
        { dimension: ESTABLISHED, granularity: 'quarter', dateRange: ['2020-01-01', '2023-12-31'] },
      ],
      order: [
        [ESTABLISHED, 'asc'],
        [PREFECTURE, 'asc'],
      ],
    },
  },
  {
    name: 'manufacturing per prefecture (contains filter)',
    query: {
      measures: [COUNT, CAPITAL],
      dimensions: [PREFECTURE],
      filters: [{ member: INDUSTRY, operator: 'contains', values: ['制造'] }],
      order: [[PREFECTURE, 'asc']],
    },
  },
  {
    name: 'Wuzhong and Zhongwei totals',
    query: {
      measures: [COUNT, CAPITAL],
      filters: [{ member: PREFECTURE, operator: 'equals', values: ['吴忠市', '中卫市'] }],
    },
  },
];
