// Loads the overview through Cube's official client. Numbers are taken as the semantic layer
// returns them; the app only reshapes rows for display.
import cube from '@cubejs-client/core';
import type { ResultSet } from '@cubejs-client/core';
import { COUNT, COUNT_BY_PREFECTURE, PREFECTURE, TOTAL_COUNT } from './overview-queries.ts';

export interface PrefectureBar {
  readonly prefecture: string;
  readonly count: number;
}

export interface EnterpriseOverview {
  readonly bars: readonly PrefectureBar[];
  readonly total: number;
  /** Member titles from the model (e.g. 地市, 企业数). */
  readonly dimensionTitle: string;
  readonly measureTitle: string;
  readonly lastRefreshTime: string | undefined;
}

export interface SemanticAccess {
  readonly apiUrl: string;
  readonly token: string;
}

function numberOf(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) throw new Error(`语义层返回了非数值：${String(value)}`);
  return n;
}

function lastRefreshTime(resultSet: ResultSet): string | undefined {
  return resultSet.serialize().loadResponse.results[0]?.lastRefreshTime;
}

export async function loadEnterpriseOverview(access: SemanticAccess): Promise<EnterpriseOverview> {
  const api = cube(access.token, { apiUrl: access.apiUrl });
  const [byPrefecture, totals] = await Promise.all([
    api.load(COUNT_BY_PREFECTURE),
    api.load(TOTAL_COUNT),
  ]);
  const annotation = byPrefecture.annotation();
  const bars = byPrefecture.tablePivot().map((row) => ({
    prefecture: String(row[PREFECTURE] ?? '（未知）'),
    count: numberOf(row[COUNT]),
  }));
  return {
    bars,
    total: numberOf(totals.tablePivot()[0]?.[COUNT] ?? 0),
    dimensionTitle: annotation.dimensions[PREFECTURE]?.shortTitle ?? '地市',
    measureTitle: annotation.measures[COUNT]?.shortTitle ?? '企业数',
    lastRefreshTime: lastRefreshTime(byPrefecture),
  };
}
