// A hermetic DuckLake under a temporary SG_DATA_DIR with a known lake.marts.enterprises.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lakeConfigFromEnv, openLake, runLakeTransaction } from '@sg/lake';
import type { LakeConfig } from '@sg/lake';

export interface MartRow {
  readonly uscc: string;
  readonly prefecture_name: string;
  readonly county_name: string;
  readonly industry_section_name: string;
  readonly registered_capital_fen: number;
  readonly established_date: string;
}

const row = (n: number, prefecture_name: string, county_name: string): MartRow => ({
  uscc: `9164000000000${String(n).padStart(4, '0')}X`,
  prefecture_name,
  county_name,
  industry_section_name: n % 2 === 0 ? '制造业' : '批发和零售业',
  registered_capital_fen: 1_000_000 * n,
  established_date: `20${String(10 + (n % 12)).padStart(2, '0')}-0${1 + (n % 9)}-15`,
});

/** Twelve enterprises over all five Ningxia prefectures: 银川市 4, 吴忠市 3, 石嘴山市 2, 中卫市 2, 固原市 1. */
export const MART_NINGXIA_TWELVE: readonly MartRow[] = [
  row(1, '银川市', '兴庆区'),
  row(2, '银川市', '金凤区'),
  row(3, '银川市', '西夏区'),
  row(4, '银川市', '永宁县'),
  row(5, '吴忠市', '利通区'),
  row(6, '吴忠市', '青铜峡市'),
  row(7, '吴忠市', '盐池县'),
  row(8, '石嘴山市', '大武口区'),
  row(9, '石嘴山市', '平罗县'),
  row(10, '中卫市', '沙坡头区'),
  row(11, '中卫市', '中宁县'),
  row(12, '固原市', '原州区'),
];

export interface TemporaryLake {
  readonly config: LakeConfig;
  readonly dataDir: string;
}

/** Creates the lake and commits marts.enterprises (the mart's columns as dbt builds them). */
export async function createEnterpriseLake(rows: readonly MartRow[]): Promise<TemporaryLake> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sg-bi-e2e-'));
  const config = lakeConfigFromEnv({ SG_DATA_DIR: dataDir });
  const lake = await openLake(config);
  try {
    await runLakeTransaction(lake, async (c) => {
      await c.run('create schema if not exists lake.marts');
      await c.run(`create or replace table lake.marts.enterprises (
        uscc varchar, enterprise_name varchar, region_code varchar, county_name varchar,
        prefecture_code varchar, prefecture_name varchar, industry_code varchar,
        industry_section_code varchar, industry_section_name varchar,
        registered_capital_fen bigint, established_date date, registration_status varchar)`);
      for (const r of rows) {
        await c.run(
          `insert into lake.marts.enterprises (uscc, enterprise_name, county_name, prefecture_name,
             industry_section_name, registered_capital_fen, established_date, registration_status)
           values ($1, $2, $3, $4, $5, $6, cast($7 as date), '存续')`,
          [
            r.uscc,
            `测试企业${r.uscc.slice(-5)}`,
            r.county_name,
            r.prefecture_name,
            r.industry_section_name,
            BigInt(r.registered_capital_fen),
            r.established_date,
          ],
        );
      }
    });
  } finally {
    lake.close();
  }
  return { config, dataDir };
}

export interface PrefectureCount {
  readonly prefecture: string;
  readonly count: number;
}

/** The truth the page must show: a direct DuckDB query of the mart (read-only). */
export async function queryMartDirectly(
  config: LakeConfig,
): Promise<{ byPrefecture: PrefectureCount[]; total: number }> {
  const lake = await openLake(config, { readOnly: true });
  try {
    const reader = await lake.connection.runAndReadAll(
      `select prefecture_name, count(*)::integer as n from lake.marts.enterprises
       group by prefecture_name order by n desc, prefecture_name asc`,
    );
    const byPrefecture = reader.getRowObjects().map((r) => ({
      prefecture: String(r['prefecture_name']),
      count: Number(r['n']),
    }));
    const total = await lake.connection.runAndReadAll(
      'select count(*)::integer as n from lake.marts.enterprises',
    );
    return { byPrefecture, total: Number(total.getRowObjects()[0]?.['n']) };
  } finally {
    lake.close();
  }
}
