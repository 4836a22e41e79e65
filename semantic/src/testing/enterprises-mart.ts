// Test fixture: a small lake.marts.enterprises with known rows, in a plain in-memory DuckDB whose
// attached database is named `lake` (the same three-part name as the DuckLake mart).
import { createOfflineInstance } from '@sg/duckdb-instance';
import type { DuckDBConnection } from '@duckdb/node-api';

export interface MartEnterprise {
  readonly uscc: string;
  readonly prefecture_name: string;
  readonly county_name: string | null;
  readonly industry_section_name: string;
  readonly registered_capital_fen: number;
  readonly established_date: string;
}

/** Seven Ningxia enterprises: 银川市 3, 石嘴山市 2, 吴忠市 1, 中卫市 1 (one without a county). */
export const ENTERPRISES_NINGXIA_SEVEN: readonly MartEnterprise[] = [
  {
    uscc: '91640100000000001A',
    prefecture_name: '银川市',
    county_name: '兴庆区',
    industry_section_name: '制造业',
    registered_capital_fen: 100_000_000,
    established_date: '2019-03-15',
  },
  {
    uscc: '91640100000000002B',
    prefecture_name: '银川市',
    county_name: '金凤区',
    industry_section_name: '批发和零售业',
    registered_capital_fen: 50_000_050,
    established_date: '2019-03-31',
  },
  {
    uscc: '91640100000000003C',
    prefecture_name: '银川市',
    county_name: '兴庆区',
    industry_section_name: '制造业',
    registered_capital_fen: 1_234,
    established_date: '2020-01-02',
  },
  {
    uscc: '91640200000000004D',
    prefecture_name: '石嘴山市',
    county_name: '大武口区',
    industry_section_name: '采矿业',
    registered_capital_fen: 300_000_000,
    established_date: '2019-07-01',
  },
  {
    uscc: '91640200000000005E',
    prefecture_name: '石嘴山市',
    county_name: '惠农区',
    industry_section_name: '制造业',
    registered_capital_fen: 99,
    established_date: '2021-12-31',
  },
  {
    uscc: '91640300000000006F',
    prefecture_name: '吴忠市',
    county_name: '利通区',
    industry_section_name: '农、林、牧、渔业',
    registered_capital_fen: 20_000_000,
    established_date: '2020-06-15',
  },
  {
    uscc: '91640500000000007G',
    prefecture_name: '中卫市',
    county_name: null,
    industry_section_name: '批发和零售业',
    registered_capital_fen: 7_000_001,
    established_date: '2021-02-28',
  },
];

const COLUMNS_SQL = `uscc VARCHAR, enterprise_name VARCHAR, region_code VARCHAR, county_name VARCHAR,
  prefecture_code VARCHAR, prefecture_name VARCHAR, industry_code VARCHAR, industry_section_code VARCHAR,
  industry_section_name VARCHAR, registered_capital_fen BIGINT, established_date DATE,
  registration_status VARCHAR`;

/** Creates marts.enterprises in the attached database `catalog` and inserts the rows. */
export async function createEnterprisesMart(
  connection: DuckDBConnection,
  rows: readonly MartEnterprise[],
  catalog = 'lake',
): Promise<void> {
  await connection.run(`CREATE SCHEMA IF NOT EXISTS ${catalog}.marts`);
  await connection.run(`CREATE OR REPLACE TABLE ${catalog}.marts.enterprises (${COLUMNS_SQL})`);
  for (const row of rows) {
    await connection.run(
      `INSERT INTO ${catalog}.marts.enterprises (uscc, enterprise_name, county_name, prefecture_name,
        industry_section_name, registered_capital_fen, established_date, registration_status)
       VALUES ($1, $2, $3, $4, $5, $6, CAST($7 AS DATE), '存续')`,
      [
        row.uscc,
        `企业${row.uscc.slice(-3)}`,
        row.county_name,
        row.prefecture_name,
        row.industry_section_name,
        BigInt(row.registered_capital_fen),
        row.established_date,
      ],
    );
  }
}

export interface MartDatabase {
  readonly connection: DuckDBConnection;
  /** Another connection to the same in-memory database (for a query runner's pool). */
  connect(): Promise<DuckDBConnection>;
  close(): void;
}

/** An in-memory DuckDB with `lake.marts.enterprises` holding `rows`. */
export async function openMartDatabase(rows: readonly MartEnterprise[]): Promise<MartDatabase> {
  const instance = await createOfflineInstance();
  const connection = await instance.connect();
  await connection.run(`ATTACH ':memory:' AS lake`);
  await createEnterprisesMart(connection, rows);
  return {
    connection,
    connect: () => instance.connect(),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
