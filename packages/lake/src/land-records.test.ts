import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { landRecords } from './land-records.ts';
import type { LandingRequest, LandingResult } from './landing-request.ts';
import { openLake } from './open-lake.ts';
import type { Lake } from './open-lake.ts';
import {
  ENTERPRISE_BAD_DATE,
  ENTERPRISE_FRACTIONAL_CAPITAL,
  ENTERPRISE_MISSING_USCC,
  ENTERPRISE_SHIZUISHAN_SOFTWARE,
  ENTERPRISE_WUZHONG_COOP,
  ENTERPRISE_YINCHUAN_MILL,
  RAW_ENTERPRISE_COLUMNS,
  writeNdjson,
} from './testing/enterprise-fixtures.ts';
import type { RawRecord } from './testing/enterprise-fixtures.ts';
import { runLandingChild } from './testing/landing-child.ts';
import { TEST_CATALOG_KINDS, createTestLake } from './testing/test-lakes.ts';
import type { TestLake } from './testing/test-lakes.ts';

type Row = Record<string, unknown>;

async function rows(lake: Lake, sql: string): Promise<Row[]> {
  const reader = await lake.connection.runAndReadAll(sql);
  return reader.getRowObjectsJson();
}

async function count(lake: Lake, sql: string): Promise<number> {
  const [row] = await rows(lake, `select count(*) as n from (${sql})`);
  return Number(row?.['n']);
}

/** Checksum recomputed in Node from what the lake holds, per the documented canonical form. */
async function recomputeChecksum(lake: Lake, window: string): Promise<string> {
  const values = RAW_ENTERPRISE_COLUMNS.map((c) => `cast("${c.name}" as varchar) as "${c.name}"`);
  const landed = await rows(
    lake,
    `select ${values.join(', ')} from lake.raw_commerce.enterprises where _window = '${window}'`,
  );
  const lines = landed
    .map((row) => JSON.stringify(RAW_ENTERPRISE_COLUMNS.map((c) => row[c.name] ?? null)))
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

describe.each(TEST_CATALOG_KINDS)('landRecords on a %s catalog', (kind) => {
  let testLake: TestLake;
  let lake: Lake;
  let fileCounter = 0;

  async function requestFor(
    window: string,
    records: readonly RawRecord[],
    overrides: Partial<LandingRequest> = {},
  ): Promise<LandingRequest> {
    fileCounter += 1;
    const ndjsonPath = await writeNdjson(
      join(testLake.dir, `landing-${fileCounter}.ndjson`),
      records,
    );
    return {
      source: 'commerce',
      entity: 'enterprises',
      window,
      columns: RAW_ENTERPRISE_COLUMNS,
      ndjsonPath,
      quarantined: [],
      ...overrides,
    };
  }

  beforeEach(async () => {
    testLake = await createTestLake(kind);
    lake = await openLake(testLake.config);
  });

  afterEach(async () => {
    lake.close();
    await testLake.dispose();
  });

  it('lands typed rows with lineage columns, timestamps in UTC', async () => {
    const result = await landRecords(
      lake,
      await requestFor('2024-06-01', [ENTERPRISE_YINCHUAN_MILL, ENTERPRISE_WUZHONG_COOP]),
    );
    expect(result).toMatchObject({ rowCount: 2, quarantinedCount: 0 });
    const landed = await rows(
      lake,
      `select uscc, registered_capital_fen, established_date, updated_at, _window, _landing_id,
              typeof(registered_capital_fen) as capital_type, typeof(updated_at) as updated_type
         from lake.raw_commerce.enterprises order by uscc`,
    );
    expect(landed).toEqual([
      {
        uscc: ENTERPRISE_YINCHUAN_MILL['uscc'],
        registered_capital_fen: '5000000000',
        established_date: '2015-03-18',
        updated_at: '2024-05-31 10:30:00',
        _window: '2024-06-01',
        _landing_id: result.landingId,
        capital_type: 'BIGINT',
        updated_type: 'TIMESTAMP',
      },
      {
        uscc: ENTERPRISE_WUZHONG_COOP['uscc'],
        registered_capital_fen: null,
        established_date: '2019-11-02',
        updated_at: '2024-05-30 02:00:00',
        _window: '2024-06-01',
        _landing_id: result.landingId,
        capital_type: 'BIGINT',
        updated_type: 'TIMESTAMP',
      },
    ]);
  });

  it('lands a Parquet file exactly as the same records in NDJSON (rows, quarantine, checksum)', async () => {
    const records = [ENTERPRISE_YINCHUAN_MILL, ENTERPRISE_WUZHONG_COOP, ENTERPRISE_BAD_DATE];
    const fromNdjson = await landRecords(lake, await requestFor('2024-06-01', records));
    const ndjson = await requestFor('2024-06-02', records);
    const parquetPath = join(testLake.dir, 'landing-parquet.parquet');
    await lake.connection.run(
      `copy (select * from read_json('${ndjson.ndjsonPath ?? ''}', format = 'newline_delimited', ` +
        `columns = {${RAW_ENTERPRISE_COLUMNS.map((c) => `'${c.name}': 'VARCHAR'`).join(', ')}})) ` +
        `to '${parquetPath}' (format parquet)`,
    );
    const fromParquet = await landRecords(lake, {
      source: ndjson.source,
      entity: ndjson.entity,
      window: ndjson.window,
      columns: ndjson.columns,
      quarantined: ndjson.quarantined,
      parquetPath,
    });
    expect(fromParquet).toMatchObject({
      rowCount: fromNdjson.rowCount,
      quarantinedCount: fromNdjson.quarantinedCount,
      checksum: fromNdjson.checksum,
      schemaHash: fromNdjson.schemaHash,
    });
    expect(fromParquet).toMatchObject({ rowCount: 2, quarantinedCount: 1 });
    expect(await recomputeChecksum(lake, '2024-06-02')).toBe(fromParquet.checksum);
  });

  it('quarantines failing records with a Chinese reason and a code, plus the caller’s rejects', async () => {
    const result = await landRecords(
      lake,
      await requestFor(
        '2024-06-01',
        [
          ENTERPRISE_YINCHUAN_MILL,
          ENTERPRISE_MISSING_USCC,
          ENTERPRISE_FRACTIONAL_CAPITAL,
          ENTERPRISE_BAD_DATE,
        ],
        {
          quarantined: [
            {
              record: '{"creditCode":"123"}',
              reason: '统一社会信用代码校验位错误 [uscc_invalid]',
              reasonCode: 'uscc_invalid',
            },
            { record: '{"name":"x"}', reason: '供应商记录缺少名称' },
          ],
        },
      ),
    );
    expect(result).toMatchObject({ rowCount: 1, quarantinedCount: 5 });
    const quarantine = await rows(
      lake,
      `select reason_code, reason from lake.raw_commerce.enterprises__quarantine order by reason_code`,
    );
    expect(quarantine).toEqual([
      {
        reason_code: 'cast_failed:established_date',
        reason:
          '字段「established_date」的值「2021-02-30」无法转换为 DATE [cast_failed:established_date]',
      },
      {
        reason_code: 'cast_failed:registered_capital_fen',
        reason:
          '字段「registered_capital_fen」的值「12.5」无法转换为 BIGINT [cast_failed:registered_capital_fen]',
      },
      {
        reason_code: 'required_missing:uscc',
        reason: '必填字段「uscc」为空或缺失 [required_missing:uscc]',
      },
      { reason_code: 'source_rejected', reason: '供应商记录缺少名称' },
      { reason_code: 'uscc_invalid', reason: '统一社会信用代码校验位错误 [uscc_invalid]' },
    ]);
    const [missing] = await rows(
      lake,
      `select record from lake.raw_commerce.enterprises__quarantine where reason_code = 'required_missing:uscc'`,
    );
    expect(JSON.parse(String(missing?.['record']))).toMatchObject({
      enterprise_name: '无代码企业',
    });
  });

  it('writes a manifest whose checksum is the sha256 of the landed rows’ canonical form', async () => {
    const result = await landRecords(
      lake,
      await requestFor('2024-06-01', [
        ENTERPRISE_SHIZUISHAN_SOFTWARE,
        ENTERPRISE_YINCHUAN_MILL,
        ENTERPRISE_MISSING_USCC,
      ]),
    );
    const [manifest] = await rows(
      lake,
      `select landing_id, source, entity, "window", row_count, quarantined_count, checksum, schema_hash, landed_at
         from lake.meta.landings`,
    );
    expect(manifest).toMatchObject({
      landing_id: result.landingId,
      source: 'commerce',
      entity: 'enterprises',
      window: '2024-06-01',
      row_count: '2',
      quarantined_count: '1',
      checksum: result.checksum,
      schema_hash: result.schemaHash,
    });
    expect(result.checksum).toBe(await recomputeChecksum(lake, '2024-06-01'));
    // Same rows in another order and window → same checksum; a changed value → another one.
    const reordered = await landRecords(
      lake,
      await requestFor('2024-06-02', [ENTERPRISE_YINCHUAN_MILL, ENTERPRISE_SHIZUISHAN_SOFTWARE]),
    );
    expect(reordered.checksum).toBe(result.checksum);
    const changed = await landRecords(
      lake,
      await requestFor('2024-06-03', [
        ENTERPRISE_YINCHUAN_MILL,
        { ...ENTERPRISE_SHIZUISHAN_SOFTWARE, registration_status: '吊销' },
      ]),
    );
    expect(changed.checksum).not.toBe(result.checksum);
    expect(changed.schemaHash).toBe(result.schemaHash);
  });

  it('re-landing a window replaces it and leaves other windows alone', async () => {
    await landRecords(
      lake,
      await requestFor('2024-06-01', [ENTERPRISE_YINCHUAN_MILL, ENTERPRISE_MISSING_USCC]),
    );
    await landRecords(lake, await requestFor('2024-06-02', [ENTERPRISE_WUZHONG_COOP]));
    const again = await landRecords(
      lake,
      await requestFor('2024-06-01', [ENTERPRISE_YINCHUAN_MILL, ENTERPRISE_SHIZUISHAN_SOFTWARE]),
    );
    const byWindow = await rows(
      lake,
      `select _window, count(*) as n, count(distinct _landing_id) as landings
         from lake.raw_commerce.enterprises group by _window order by _window`,
    );
    expect(byWindow).toEqual([
      { _window: '2024-06-01', n: '2', landings: '1' },
      { _window: '2024-06-02', n: '1', landings: '1' },
    ]);
    expect(await count(lake, `from lake.raw_commerce.enterprises__quarantine`)).toBe(0);
    expect(
      await count(
        lake,
        `from lake.raw_commerce.enterprises where _window = '2024-06-01' and _landing_id = '${again.landingId}'`,
      ),
    ).toBe(2);
    expect(await count(lake, `from lake.meta.landings`)).toBe(3);
  });

  it('an error before COMMIT leaves the earlier landing untouched (rollback)', async () => {
    const first = await landRecords(
      lake,
      await requestFor('2024-06-01', [ENTERPRISE_YINCHUAN_MILL]),
    );
    const request = await requestFor('2024-06-01', [
      ENTERPRISE_WUZHONG_COOP,
      ENTERPRISE_SHIZUISHAN_SOFTWARE,
    ]);
    await expect(
      landRecords(lake, request, {
        beforeCommit: () => Promise.reject(new Error('aborted by test')),
      }),
    ).rejects.toThrow('aborted by test');
    expect(await rows(lake, `select uscc, _landing_id from lake.raw_commerce.enterprises`)).toEqual(
      [{ uscc: ENTERPRISE_YINCHUAN_MILL['uscc'], _landing_id: first.landingId }],
    );
    expect(await count(lake, `from lake.meta.landings`)).toBe(1);
  });

  it('a process killed mid-landing leaves no partial rows; the rerun lands exactly once', async () => {
    await landRecords(lake, await requestFor('2024-06-01', [ENTERPRISE_YINCHUAN_MILL]));
    const request = await requestFor('2024-06-01', [
      ENTERPRISE_WUZHONG_COOP,
      ENTERPRISE_SHIZUISHAN_SOFTWARE,
      ENTERPRISE_BAD_DATE,
    ]);
    const crashed = await runLandingChild({
      config: testLake.config,
      request,
      crashBeforeCommit: true,
    });
    expect(crashed.signal).toBe('SIGKILL');
    expect(await rows(lake, `select uscc from lake.raw_commerce.enterprises`)).toEqual([
      { uscc: ENTERPRISE_YINCHUAN_MILL['uscc'] },
    ]);
    expect(await count(lake, `from lake.raw_commerce.enterprises__quarantine`)).toBe(0);
    expect(await count(lake, `from lake.meta.landings`)).toBe(1);

    // The rerun waits out the dead process's commit lock (SQLite: stale after 10 s) and lands.
    const rerun = await runLandingChild({ config: testLake.config, request });
    expect(rerun.code, rerun.stderr).toBe(0);
    const result = JSON.parse(rerun.stdout) as LandingResult;
    expect(result).toMatchObject({ rowCount: 2, quarantinedCount: 1 });
    expect(
      await rows(
        lake,
        `select uscc, count(*) as n from lake.raw_commerce.enterprises group by uscc order by uscc`,
      ),
    ).toEqual([
      { uscc: ENTERPRISE_SHIZUISHAN_SOFTWARE['uscc'], n: '1' },
      { uscc: ENTERPRISE_WUZHONG_COOP['uscc'], n: '1' },
    ]);
    expect(await count(lake, `from lake.raw_commerce.enterprises__quarantine`)).toBe(1);
  }, 60_000);

  it('landings from several processes at once all commit', async () => {
    const requests = [
      await requestFor('2024-06-01', [ENTERPRISE_YINCHUAN_MILL]),
      await requestFor('2024-06-02', [ENTERPRISE_WUZHONG_COOP]),
      await requestFor('2024-06-03', [ENTERPRISE_SHIZUISHAN_SOFTWARE]),
      await requestFor('2024-06-01', [ENTERPRISE_WUZHONG_COOP], { entity: 'enterprise_changes' }),
    ];
    const results = await Promise.all(
      requests.map((request) => runLandingChild({ config: testLake.config, request })),
    );
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    expect(
      await rows(
        lake,
        `select _window, count(*) as n from lake.raw_commerce.enterprises group by _window order by _window`,
      ),
    ).toEqual([
      { _window: '2024-06-01', n: '1' },
      { _window: '2024-06-02', n: '1' },
      { _window: '2024-06-03', n: '1' },
    ]);
    expect(await count(lake, `from lake.raw_commerce.enterprise_changes`)).toBe(1);
    expect(await count(lake, `from lake.meta.landings`)).toBe(4);
  }, 60_000);

  it('landings from several callers at once on one Lake each use their own connection', async () => {
    // The worker runs activities concurrently in one process: parallel landings (and a reader)
    // sharing one Lake must not share a DuckDB connection (docs/decisions/0006).
    const windows = ['2024-07-01', '2024-07-02', '2024-07-03', '2024-07-04', '2024-07-05'];
    const requests = await Promise.all(
      windows.map((window, i) =>
        requestFor(
          window,
          [ENTERPRISE_YINCHUAN_MILL, ENTERPRISE_WUZHONG_COOP].slice(0, 1 + (i % 2)),
        ),
      ),
    );
    const reader = await lake.connect();
    try {
      const [results] = await Promise.all([
        Promise.all(requests.map((request) => landRecords(lake, request))),
        reader.runAndReadAll('select count(*) from lake.snapshots()'),
      ]);
      for (const [i, window] of windows.entries()) {
        expect(results[i]?.rowCount).toBe(1 + (i % 2));
        expect(results[i]?.checksum).toBe(await recomputeChecksum(lake, window));
      }
    } finally {
      reader.closeSync();
    }
    expect(await count(lake, `from lake.meta.landings`)).toBe(windows.length);
  }, 60_000);

  it('keeps history: snapshots(), AT (VERSION => n) and table changes', async () => {
    await landRecords(lake, await requestFor('2024-06-01', [ENTERPRISE_YINCHUAN_MILL]));
    const [afterFirst] = await rows(lake, `select max(snapshot_id) as id from lake.snapshots()`);
    const firstVersion = Number(afterFirst?.['id']);
    await landRecords(lake, await requestFor('2024-06-01', [ENTERPRISE_WUZHONG_COOP]));
    const [afterSecond] = await rows(lake, `select max(snapshot_id) as id from lake.snapshots()`);
    const secondVersion = Number(afterSecond?.['id']);
    expect(secondVersion).toBe(firstVersion + 1);

    const messages = await rows(
      lake,
      `select commit_message from lake.snapshots() where snapshot_id in (${firstVersion}, ${secondVersion}) order by snapshot_id`,
    );
    expect(messages).toEqual([
      { commit_message: 'land raw_commerce.enterprises window=2024-06-01' },
      { commit_message: 'land raw_commerce.enterprises window=2024-06-01' },
    ]);
    expect(
      await rows(
        lake,
        `select uscc from lake.raw_commerce.enterprises at (version => ${firstVersion})`,
      ),
    ).toEqual([{ uscc: ENTERPRISE_YINCHUAN_MILL['uscc'] }]);
    expect(await rows(lake, `select uscc from lake.raw_commerce.enterprises`)).toEqual([
      { uscc: ENTERPRISE_WUZHONG_COOP['uscc'] },
    ]);
    const changes = await rows(
      lake,
      `select change_type, uscc from ducklake_table_changes('lake', 'raw_commerce', 'enterprises', ${secondVersion}, ${secondVersion})
        order by change_type`,
    );
    expect(changes).toEqual([
      { change_type: 'delete', uscc: ENTERPRISE_YINCHUAN_MILL['uscc'] },
      { change_type: 'insert', uscc: ENTERPRISE_WUZHONG_COOP['uscc'] },
    ]);
  });

  it('adds new columns to an existing raw table and refuses a changed column type', async () => {
    await landRecords(lake, await requestFor('2024-06-01', [ENTERPRISE_YINCHUAN_MILL]));
    const widened = [
      ...RAW_ENTERPRISE_COLUMNS,
      { name: 'website', type: 'VARCHAR' as const, required: false },
    ];
    await landRecords(
      lake,
      await requestFor(
        '2024-06-02',
        [{ ...ENTERPRISE_WUZHONG_COOP, website: 'https://example.cn' }],
        { columns: widened },
      ),
    );
    expect(
      await rows(
        lake,
        `select _window, website from lake.raw_commerce.enterprises order by _window`,
      ),
    ).toEqual([
      { _window: '2024-06-01', website: null },
      { _window: '2024-06-02', website: 'https://example.cn' },
    ]);
    const retyped = RAW_ENTERPRISE_COLUMNS.map((c) =>
      c.name === 'registered_capital_fen' ? { ...c, type: 'DOUBLE' as const } : c,
    );
    await expect(
      landRecords(
        lake,
        await requestFor('2024-06-03', [ENTERPRISE_YINCHUAN_MILL], { columns: retyped }),
      ),
    ).rejects.toThrow(/registered_capital_fen is BIGINT in the lake but DOUBLE/);
    expect(await count(lake, `from lake.meta.landings`)).toBe(2);
  });

  it('a read-only lake reads what writers committed and cannot write', async () => {
    await landRecords(lake, await requestFor('2024-06-01', [ENTERPRISE_YINCHUAN_MILL]));
    const reader = await openLake(testLake.config, { readOnly: true });
    try {
      expect(await count(reader, `from lake.raw_commerce.enterprises`)).toBe(1);
      await expect(
        landRecords(reader, await requestFor('2024-06-02', [ENTERPRISE_WUZHONG_COOP])),
      ).rejects.toThrow(/read-only/);
    } finally {
      reader.close();
    }
  });
});

describe.each(TEST_CATALOG_KINDS)('a brand-new %s catalog', (kind) => {
  it('is created once when several processes open it and land at the same moment', async () => {
    const testLake = await createTestLake(kind);
    try {
      const outcomes = await Promise.all(
        ['2024-06-01', '2024-06-02', '2024-06-03', '2024-06-04'].map(async (window, index) =>
          runLandingChild({
            config: testLake.config,
            request: {
              source: 'commerce',
              entity: 'enterprises',
              window,
              columns: RAW_ENTERPRISE_COLUMNS,
              ndjsonPath: await writeNdjson(join(testLake.dir, `fresh-${index}.ndjson`), [
                ENTERPRISE_YINCHUAN_MILL,
              ]),
              quarantined: [],
            },
          }),
        ),
      );
      for (const outcome of outcomes) expect(outcome.code, outcome.stderr).toBe(0);
      const lake = await openLake(testLake.config, { readOnly: true });
      try {
        expect(await count(lake, 'from lake.meta.landings')).toBe(4);
        expect(await count(lake, 'from lake.raw_commerce.enterprises')).toBe(4);
      } finally {
        lake.close();
      }
    } finally {
      await testLake.dispose();
    }
  }, 60_000);
});

describe('landRecords request validation', () => {
  const BASE: LandingRequest = {
    source: 'commerce',
    entity: 'enterprises',
    window: '2024-06-01',
    columns: RAW_ENTERPRISE_COLUMNS,
    ndjsonPath: '/nonexistent.ndjson',
    quarantined: [],
  };
  const INVALID: [string, Partial<LandingRequest>][] = [
    ['an upper-case source', { source: 'Commerce' }],
    ['an entity with SQL in it', { entity: 'x"; drop table y; --' }],
    ['the reserved quarantine suffix', { entity: 'enterprises__quarantine' }],
    ['a window with a quote', { window: "2024'06" }],
    [
      'duplicate columns',
      { columns: [...RAW_ENTERPRISE_COLUMNS, { name: 'uscc', type: 'VARCHAR', required: true }] },
    ],
    [
      'a column starting with an underscore',
      { columns: [{ name: '_window', type: 'VARCHAR', required: false }] },
    ],
    ['no columns', { columns: [] }],
    ['both an NDJSON and a Parquet file', { parquetPath: '/nonexistent.parquet' }],
  ];
  it.each(INVALID)('rejects %s before touching the lake', async (_name, override) => {
    const fakeLake = {} as Lake;
    await expect(landRecords(fakeLake, { ...BASE, ...override })).rejects.toThrow();
  });

  it('rejects a request that names no records file', async () => {
    const withoutFile: LandingRequest = {
      source: BASE.source,
      entity: BASE.entity,
      window: BASE.window,
      columns: BASE.columns,
      quarantined: [],
    };
    await expect(landRecords({} as Lake, withoutFile)).rejects.toThrow(
      /exactly one of ndjsonPath and parquetPath/,
    );
  });
});
