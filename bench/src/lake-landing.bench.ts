// Benchmark: landing rows into the lake through @sg/lake's landRecords (validation, quarantine,
// manifest, checksum, one atomic transaction on the DuckLake catalog) against a plain DuckDB COPY
// of the same NDJSON rows to one Parquet file. The ratio is the cost of landing's guarantees.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { DuckDBInstance } from '@duckdb/node-api';
import { landRecords, lakeConfigFromEnv, openLake, type ColumnSpec } from '@sg/lake';

export interface LandingBenchResult {
  rows: number;
  landRecordsSeconds: number;
  landRecordsRowsPerSecond: number;
  plainCopySeconds: number;
  plainCopyRowsPerSecond: number;
  /** landRecords time ÷ plain COPY time (lower is better). */
  slowdown: number;
}

const COLUMNS: ColumnSpec[] = [
  { name: 'uscc', type: 'VARCHAR', required: true },
  { name: 'enterprise_name', type: 'VARCHAR', required: true },
  { name: 'region_code', type: 'VARCHAR', required: true },
  { name: 'industry_code', type: 'VARCHAR', required: false },
  { name: 'registered_capital_fen', type: 'BIGINT', required: false },
  { name: 'established_date', type: 'DATE', required: false },
  { name: 'registration_status', type: 'VARCHAR', required: false },
  { name: 'updated_at', type: 'TIMESTAMP', required: false },
];

/** Writes `rows` deterministic NDJSON records shaped like the commerce raw table. */
async function writeRows(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < rows; i += 1) {
    const record = {
      uscc: `91640100${String(i).padStart(9, '0')}X`,
      enterprise_name: `宁夏基准测试企业${String(i)}有限公司`,
      region_code: ['640104', '640105', '640106', '640302', '640502'][i % 5],
      industry_code: ['1511', '3985', '0151', '6513'][i % 4],
      registered_capital_fen: 1_000_000 * (1 + (i % 500)),
      established_date: `20${String(10 + (i % 15))}-0${String(1 + (i % 9))}-1${String(i % 9)}`,
      registration_status: i % 17 === 0 ? '注销' : '存续',
      updated_at: '2025-06-30T08:00:00Z',
    };
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

export async function benchLakeLanding(rows: number): Promise<LandingBenchResult> {
  const work = mkdtempSync(join(tmpdir(), 'sg-bench-landing-'));
  try {
    const ndjsonPath = join(work, 'rows.ndjson');
    await writeRows(ndjsonPath, rows);
    const config = lakeConfigFromEnv({ ...process.env, SG_DATA_DIR: work });

    const lake = await openLake(config);
    const landStart = performance.now();
    const landed = await landRecords(lake, {
      source: 'bench',
      entity: 'enterprises',
      window: 'bench',
      columns: COLUMNS,
      ndjsonPath,
      quarantined: [],
    });
    const landRecordsSeconds = (performance.now() - landStart) / 1000;
    lake.close();
    if (landed.rowCount !== rows) {
      throw new Error(`landRecords landed ${String(landed.rowCount)} of ${String(rows)} rows`);
    }

    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const columnTypes = COLUMNS.map((c) => `'${c.name}': '${c.type}'`).join(', ');
    const copyStart = performance.now();
    await connection.run(
      `copy (select * from read_json('${ndjsonPath}', format = 'newline_delimited', ` +
        `columns = {${columnTypes}})) to '${join(work, 'plain.parquet')}' (format parquet)`,
    );
    const plainCopySeconds = (performance.now() - copyStart) / 1000;
    connection.closeSync();
    instance.closeSync();

    return {
      rows,
      landRecordsSeconds,
      landRecordsRowsPerSecond: Math.round(rows / landRecordsSeconds),
      plainCopySeconds,
      plainCopyRowsPerSecond: Math.round(rows / plainCopySeconds),
      slowdown: Number((landRecordsSeconds / plainCopySeconds).toFixed(2)),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
