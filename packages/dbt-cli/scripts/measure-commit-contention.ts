/**
 * Measures what happens when Node landings and a dbt build commit to one lake at once: two writers
 * land again and again for as long as `dbt build` runs, with and without dbt holding the lake
 * commit lock (docs/decisions/0002-lake-format-ducklake.md records the
 * numbers). Node landings always take the lock; `commitLock: 'none'` leaves dbt outside it.
 *
 * Run: node packages/dbt-cli/scripts/measure-commit-contention.ts [trials=3]
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { landRecords, openLake } from '@sg/lake';
import type { LandingRequest } from '@sg/lake';
import {
  ENTERPRISE_SHIZUISHAN_SOFTWARE,
  ENTERPRISE_WUZHONG_COOP,
  ENTERPRISE_YINCHUAN_MILL,
  RAW_ENTERPRISE_COLUMNS,
  createTestLake,
  writeNdjson,
} from '@sg/lake/testing';
import type { RawRecord, TestCatalogKind } from '@sg/lake/testing';
import { dataDirFromEnv } from '@sg/runtime-env';
import { SERVER_URL_ENV, startPrivateServers } from '@sg/test-databases';
import { DbtRunError, runDbt } from '../src/index.ts';
import type { CommitLockMode } from '../src/index.ts';
import { createTestDbtProject } from '../src/testing/test-dbt-project.ts';

const trials = Number(process.argv[2] ?? '3');
/** MEASURE_DBT_RETRIES=1: also give dbt-duckdb its per-statement `retries` (to compare). */
const withDbtRetries = process.env['MEASURE_DBT_RETRIES'] === '1';

const DBT_RETRIES = `      retries:
        query_attempts: 6
        retryable_exceptions: ['IOException', 'TransactionException', 'InvalidInputException', 'CatalogException', 'InternalException']
`;

/** Adds dbt-duckdb's statement retries to every output of the copied profile. */
async function addDbtRetries(profilesPath: string): Promise<void> {
  const text = await readFile(profilesPath, 'utf8');
  await writeFile(profilesPath, text.replaceAll('      threads:', `${DBT_RETRIES}      threads:`));
}

async function trial(kind: TestCatalogKind, mode: CommitLockMode): Promise<string> {
  const testLake = await createTestLake(kind);
  try {
    const projectDir = await createTestDbtProject(testLake.dir);
    if (withDbtRetries) await addDbtRetries(join(projectDir, 'profiles.yml'));
    const request = async (window: string, records: RawRecord[]): Promise<LandingRequest> => ({
      source: 'commerce',
      entity: 'enterprises',
      window,
      columns: RAW_ENTERPRISE_COLUMNS,
      ndjsonPath: await writeNdjson(join(testLake.dir, `${window}.ndjson`), records),
      quarantined: [],
    });
    const lake = await openLake(testLake.config);
    await landRecords(lake, await request('2024-06-01', [ENTERPRISE_YINCHUAN_MILL]));
    lake.close();
    const started = performance.now();
    let dbtDone = false;
    const build = runDbt(['build'], { lakeConfig: testLake.config, projectDir, commitLock: mode })
      .then(
        (summary) => ({
          ok: true,
          detail: `wall ${summary.wallMs} ms, lock wait ${summary.lockWaitMs} ms`,
        }),
        (error: unknown) => ({
          ok: false,
          detail:
            error instanceof DbtRunError
              ? `FAILED ${error.summary.failedNodes.map((n) => `${n.name}: ${(n.message ?? '').split('\n')[0] ?? ''}`).join('; ')} ${error.outputTail
                  .split('\n')
                  .filter((line) => /error/i.test(line))
                  .slice(0, 2)
                  .join(' / ')}`
              : String(error).slice(0, 300),
        }),
      )
      .finally(() => {
        dbtDone = true;
      });
    // Two writers (own DuckDB instances) land again and again while dbt runs (at least once each).
    const loop = async (
      window: string,
      records: RawRecord[],
    ): Promise<{ ok: number; failed: string[] }> => {
      const writer = await openLake(testLake.config);
      const outcome = { ok: 0, failed: [] as string[] };
      const req = await request(window, records);
      try {
        do {
          try {
            await landRecords(writer, req, { lock: { timeoutMs: 120_000 } });
            outcome.ok += 1;
          } catch (error: unknown) {
            outcome.failed.push(
              (error instanceof Error ? error.message : String(error)).split('\n').slice(-1)[0] ??
                '',
            );
          }
        } while (!dbtDone);
      } finally {
        writer.close();
      }
      return outcome;
    };
    const [dbt, ...loops] = await Promise.all([
      build,
      loop('2024-06-02', [ENTERPRISE_WUZHONG_COOP]),
      loop('2024-06-03', [ENTERPRISE_SHIZUISHAN_SOFTWARE]),
    ]);
    const total = Math.round(performance.now() - started);
    const landed = loops.map(
      (l) =>
        `${l.ok} ok, ${l.failed.length} failed${l.failed.length > 0 ? ` (${l.failed[0] ?? ''})` : ''}`,
    );
    return `${kind} dbt-lock=${mode}: total ${total} ms | dbt ${dbt.ok ? 'ok' : ''} ${dbt.detail} | landing loops: ${landed.join('; ')}`;
  } finally {
    await testLake.dispose();
  }
}

const MODES: [TestCatalogKind, CommitLockMode][] = withDbtRetries
  ? [['sqlite', 'none']]
  : [
      ['sqlite', 'none'],
      ['sqlite', 'auto'],
      ['postgres', 'auto'],
    ];
// The PostgreSQL catalog lives on a server private to this measurement unless SG_TEST_POSTGRES_URL
// names one (as in the tests, see @sg/test-databases).
const servers =
  process.env[SERVER_URL_ENV.postgres] === undefined
    ? await startPrivateServers({
        dataDir: dataDirFromEnv(),
        kinds: ['postgres'],
      })
    : undefined;
if (servers?.urls.postgres !== undefined)
  process.env[SERVER_URL_ENV.postgres] = servers.urls.postgres;
try {
  for (const [kind, mode] of MODES) {
    for (let i = 0; i < trials; i += 1) console.log(await trial(kind, mode));
  }
} finally {
  await servers?.stop();
}
