/**
 * Runs the regulatory dbt models on an external ledger: a throwaway DuckLake lake in a temporary
 * folder (never the platform's lake), `dbt build` with ledger_source = csv, then each report mart
 * written out as CSV and JSON. The temporary lake is removed afterwards.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDbt } from '@sg/dbt-cli';
import type { DbtRunSummary } from '@sg/dbt-cli';
import { resolveExtensionDirectory } from '@sg/duckdb-instance';
import { openLake } from '@sg/lake';
import type { LakeConfig } from '@sg/lake';
import { sqlString } from '@sg/sql-text';
import { LEDGER_FILES, REPORT_TABLES, reportDbtArgs } from './report-request.ts';
import type { ReportRequest } from './report-request.ts';

export interface RegulatoryReportResult {
  readonly dbt: DbtRunSummary;
  /** Every file written, absolute. */
  readonly files: readonly string[];
}

export interface RunRegulatoryReportOptions {
  /** Each line dbt prints. */
  readonly onOutput?: (line: string) => void;
  /** Default: the repository's models/ (tests may pass a copy). */
  readonly projectDir?: string;
}

function throwawayLake(dir: string): LakeConfig {
  return {
    dataDir: dir,
    dataPath: join(dir, 'lake', 'data') + '/',
    catalog: { kind: 'sqlite', path: join(dir, 'lake', 'catalog.sqlite') },
    extensionDirectory: resolveExtensionDirectory(),
  };
}

async function writeTables(config: LakeConfig, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const lake = await openLake(config, { readOnly: true });
  const files: string[] = [];
  try {
    for (const table of REPORT_TABLES) {
      const query = `select * from lake.marts.${table.name} order by ${table.orderBy}`;
      const csv = join(outDir, `${table.name}.csv`);
      const json = join(outDir, `${table.name}.json`);
      await lake.connection.run(`copy (${query}) to ${sqlString(csv)} (format csv, header true)`);
      await lake.connection.run(`copy (${query}) to ${sqlString(json)} (format json, array true)`);
      files.push(csv, json);
    }
  } finally {
    lake.close();
  }
  return files;
}

export async function runRegulatoryReport(
  request: ReportRequest,
  options: RunRegulatoryReportOptions = {},
): Promise<RegulatoryReportResult> {
  const missing = LEDGER_FILES.filter((file) => !existsSync(join(request.ledgerDir, file)));
  if (missing.length > 0) {
    throw new Error(`台账目录 ${request.ledgerDir} 缺少文件: ${missing.join(', ')}`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'sg-regulatory-report-'));
  try {
    const config = throwawayLake(dir);
    await mkdir(config.dataPath, { recursive: true });
    const dbt = await runDbt(reportDbtArgs(request), {
      lakeConfig: config,
      commitLock: 'none',
      ...(options.onOutput === undefined ? {} : { onOutput: options.onOutput }),
      ...(options.projectDir === undefined ? {} : { projectDir: options.projectDir }),
    });
    const files = await writeTables(config, request.outDir);
    return { dbt, files };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
