import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { landRecords, openLake } from '@sg/lake';
import type { Lake, LandingRequest } from '@sg/lake';
import {
  ENTERPRISE_SHIZUISHAN_SOFTWARE,
  ENTERPRISE_WUZHONG_COOP,
  ENTERPRISE_YINCHUAN_MILL,
  RAW_ENTERPRISE_COLUMNS,
  TEST_CATALOG_KINDS,
  createTestLake,
  runLandingChild,
  writeNdjson,
} from '@sg/lake/testing';
import type { RawRecord, TestLake } from '@sg/lake/testing';
import { DbtRunError, runDbt } from './run-dbt.ts';
import { createTestDbtProject } from './testing/test-dbt-project.ts';

/** The lake here lands only commerce: build the enterprises mart and what it reads, as the pipelines do. */
const BUILD_ENTERPRISES = ['build', '--select', '+enterprises'];

/** The mart rows the fixtures must produce (one per enterprise, joined to the test seeds). */
const EXPECTED_ENTERPRISES = [
  {
    uscc: '91640104MA76Q1W21E',
    enterprise_name: '宁夏塞上面粉有限公司',
    region_code: '640104',
    county_name: '兴庆区',
    prefecture_code: '640100',
    prefecture_name: '银川市',
    industry_code: '1311',
    industry_section_code: 'C',
    industry_section_name: '制造业',
    registered_capital_fen: '5000000000',
    established_date: '2015-03-18',
    registration_status: '存续',
  },
  {
    uscc: '91640202MA76S3Y45P',
    enterprise_name: '石嘴山星河软件科技有限公司',
    region_code: '640202',
    county_name: '大武口区',
    prefecture_code: '640200',
    prefecture_name: '石嘴山市',
    industry_code: '6513',
    industry_section_code: 'I',
    industry_section_name: '信息传输、软件和信息技术服务业',
    registered_capital_fen: '100000000',
    established_date: '2021-07-01',
    registration_status: '注销',
  },
  {
    uscc: '93640302MA76R2X34K',
    enterprise_name: '吴忠市利通区金穗种植专业合作社',
    region_code: '640302',
    county_name: '利通区',
    prefecture_code: '640300',
    prefecture_name: '吴忠市',
    industry_code: '0111',
    industry_section_code: 'A',
    industry_section_name: '农、林、牧、渔业',
    registered_capital_fen: null,
    established_date: '2019-11-02',
    registration_status: '在业',
  },
];

async function rows(lake: Lake, sql: string): Promise<Record<string, unknown>[]> {
  return (await lake.connection.runAndReadAll(sql)).getRowObjectsJson();
}

describe.each(TEST_CATALOG_KINDS)('runDbt on a %s catalog', (kind) => {
  let testLake: TestLake;
  let lake: Lake;
  let projectDir: string;
  let fileCounter = 0;

  async function requestFor(
    window: string,
    records: readonly RawRecord[],
  ): Promise<LandingRequest> {
    fileCounter += 1;
    return {
      source: 'commerce',
      entity: 'enterprises',
      window,
      columns: RAW_ENTERPRISE_COLUMNS,
      ndjsonPath: await writeNdjson(join(testLake.dir, `landing-${fileCounter}.ndjson`), records),
      quarantined: [],
    };
  }

  beforeEach(async () => {
    testLake = await createTestLake(kind);
    lake = await openLake(testLake.config);
    projectDir = await createTestDbtProject(testLake.dir);
  });

  afterEach(async () => {
    lake.close();
    await testLake.dispose();
  });

  it('builds lake.marts.enterprises from the latest window of each enterprise', async () => {
    await landRecords(
      lake,
      await requestFor('2024-06-01', [
        { ...ENTERPRISE_YINCHUAN_MILL, enterprise_name: '宁夏塞上面粉厂（旧名）' },
        ENTERPRISE_WUZHONG_COOP,
      ]),
    );
    await landRecords(
      lake,
      await requestFor('2024-06-02', [ENTERPRISE_YINCHUAN_MILL, ENTERPRISE_SHIZUISHAN_SOFTWARE]),
    );

    const summary = await runDbt(BUILD_ENTERPRISES, { lakeConfig: testLake.config, projectDir });

    expect(summary.success).toBe(true);
    expect(summary.failedNodes).toEqual([]);
    expect(summary.dbtVersion).toBe('1.11.16');
    expect(summary.nodes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          uniqueId: 'model.smart_guarantee.enterprises',
          status: 'success',
          relationName: '"lake"."marts"."enterprises"',
        }),
        expect.objectContaining({ resourceType: 'unit_test', status: 'pass' }),
        expect.objectContaining({
          uniqueId: 'seed.smart_guarantee.ref_regions',
          status: 'success',
        }),
      ]),
    );
    expect(summary.lockWaitMs).toBeGreaterThanOrEqual(0);
    expect(await rows(lake, 'select * from lake.marts.enterprises order by uscc')).toEqual(
      EXPECTED_ENTERPRISES,
    );
    expect(
      await rows(
        lake,
        `select schema_name from duckdb_schemas() where database_name = 'lake' order by 1`,
      ),
    ).toEqual(
      ['main', 'marts', 'meta', 'raw_commerce', 'reference', 'staging'].map((schema_name) => ({
        schema_name,
      })),
    );
  }, 120_000);

  it('fails with the failing tests named when a record breaks a data test', async () => {
    await landRecords(
      lake,
      await requestFor('2024-06-01', [
        ENTERPRISE_YINCHUAN_MILL,
        { ...ENTERPRISE_WUZHONG_COOP, registration_status: '歇业' },
      ]),
    );
    const failure = await runDbt(BUILD_ENTERPRISES, {
      lakeConfig: testLake.config,
      projectDir,
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(DbtRunError);
    const error = failure as DbtRunError;
    expect(error.summary.failedNodes.map((node) => node.uniqueId)).toEqual([
      expect.stringMatching(
        /^test\.smart_guarantee\.accepted_values_enterprises_registration_status/,
      ),
    ]);
    expect(error.message).toMatch(
      /dbt build --select \+enterprises failed \(exit 1\); 1 failing node\(s\):\n {2}- test\.smart_guarantee\.accepted_values_enterprises_registration_status\S* \[fail\]/,
    );
  }, 120_000);

  it('two dbt runs at once each report their own nodes (own target folder per run)', async () => {
    // `compile` writes run_results.json but commits nothing to the lake, so the two runs overlap
    // fully on either catalog; with one shared target folder they would read each other's results.
    await landRecords(lake, await requestFor('2024-06-01', [ENTERPRISE_YINCHUAN_MILL]));
    const [staging, mart] = await Promise.all([
      runDbt(['compile', '--select', 'stg_commerce__enterprises'], {
        lakeConfig: testLake.config,
        projectDir,
      }),
      runDbt(['compile', '--select', 'enterprises'], { lakeConfig: testLake.config, projectDir }),
    ]);
    const stagingIds = staging.nodes.map((node) => node.uniqueId);
    const martIds = mart.nodes.map((node) => node.uniqueId);
    expect(stagingIds).toContain('model.smart_guarantee.stg_commerce__enterprises');
    expect(stagingIds).not.toContain('model.smart_guarantee.enterprises');
    expect(martIds).toContain('model.smart_guarantee.enterprises');
    expect(martIds).not.toContain('model.smart_guarantee.stg_commerce__enterprises');
  }, 180_000);

  it('two landings and a dbt build started at once all commit', async () => {
    await landRecords(lake, await requestFor('2024-06-01', [ENTERPRISE_YINCHUAN_MILL]));
    const landings = [
      await requestFor('2024-06-02', [ENTERPRISE_WUZHONG_COOP]),
      await requestFor('2024-06-03', [ENTERPRISE_SHIZUISHAN_SOFTWARE]),
    ];
    const [build, ...landed] = await Promise.all([
      runDbt(BUILD_ENTERPRISES, { lakeConfig: testLake.config, projectDir }),
      ...landings.map((request) => runLandingChild({ config: testLake.config, request })),
    ]);
    for (const outcome of landed) expect(outcome.code, outcome.stderr).toBe(0);
    expect(build.success).toBe(true);
    expect(build.failedNodes).toEqual([]);
    expect(await rows(lake, `select "window" from lake.meta.landings order by "window"`)).toEqual([
      { window: '2024-06-01' },
      { window: '2024-06-02' },
      { window: '2024-06-03' },
    ]);
    // The build saw the lake as of its start, or after one or both landings: never a failure.
    const built = await rows(lake, 'select count(*) as n from lake.marts.enterprises');
    expect(Number(built[0]?.['n'])).toBeGreaterThanOrEqual(1);

    const rebuilt = await runDbt(['build', '--select', '+enterprises'], {
      lakeConfig: testLake.config,
      projectDir,
    });
    expect(rebuilt.success).toBe(true);
    expect(await rows(lake, 'select * from lake.marts.enterprises order by uscc')).toEqual(
      EXPECTED_ENTERPRISES,
    );
  }, 180_000);
});
