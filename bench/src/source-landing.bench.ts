// Benchmark: each source's real connector landing a generated world (@sg/sim-world) into a fresh
// DuckLake (SQLite catalog), the source served by its simulator started as a child process the way
// its README says, against a plain DuckDB COPY of the same world rows (the source's NDJSON files
// read by read_json, written to Parquet). The ratio is the cost of the source protocol plus the
// connector's checks and landing guarantees. Before a speed is reported, every landed entity is
// reconciled with the world's manifest (landed + quarantined = the file's rows, or the documented
// difference); a mismatch throws.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { BANK_ENTITIES, landBankDrops } from '@sg/connector-bank';
import { createBusinessClient, landBusinessWindow } from '@sg/connector-business';
import {
  COMMERCE_ENTITIES,
  createCommerceClient,
  landCommerceSource,
} from '@sg/connector-commerce';
import { landTaxDrop } from '@sg/connector-tax';
import { lakeConfigFromEnv, openLake } from '@sg/lake';
import type { Lake } from '@sg/lake';
import { dataDirFromEnv, findRepoRoot } from '@sg/runtime-env';
import { sqlString } from '@sg/sql-text';
import { createPostgresTestDatabase, startPrivateServers } from '@sg/test-databases';
import { DEFAULT_WORLD_AS_OF, DEFAULT_WORLD_SEED, generateWorld } from '@sg/sim-world';
import type { WorldManifest, WorldSize } from '@sg/sim-world';
import { z } from 'zod';

export type SourceName = 'commerce' | 'business' | 'tax' | 'bank';

export interface EntityReconciliation {
  entity: string;
  /** Rows of the world file (manifest). */
  worldRows: number;
  /** What the connector can receive: worldRows minus the documented difference. */
  expectedRows: number;
  landed: number;
  quarantined: number;
  /**
   * The lake's landing checksum of the landed rows (sha256 of their sorted canonical lines); for an
   * entity landed in several windows (tax periods), sha256 of the windows' checksums in order.
   * Equal before and after a refactor = the same rows landed.
   */
  checksum: string;
  /** Why expectedRows differs from worldRows, when it does. */
  difference?: string;
}

export interface SourceLandingFigure {
  /** How the source was served and landed. */
  via: string;
  /** landed + quarantined over all entities. */
  rows: number;
  quarantined: number;
  connectorSeconds: number;
  connectorRowsPerSecond: number;
  /** Rows of the world files for this source (what the plain COPY reads). */
  plainCopyRows: number;
  plainCopySeconds: number;
  plainCopyRowsPerSecond: number;
  /** Plain COPY rows/s ÷ connector rows/s (how many times slower the connector is). */
  slowdown: number;
  entities: EntityReconciliation[];
}

export interface SourceLandingBenchResult {
  size: WorldSize;
  seed: number;
  asOf: string;
  /** Where the world was generated (or found complete). */
  world: string;
  sources: Partial<Record<SourceName, SourceLandingFigure>>;
}

export interface ConnectorRun {
  via: string;
  seconds: number;
  entities: EntityReconciliation[];
}

const run = promisify(execFile);
const REPO_ROOT = findRepoRoot(import.meta.dirname);
const SIMULATOR_MAIN = {
  commerce: join(REPO_ROOT, 'simulators', 'commerce', 'src', 'main.ts'),
  business: join(REPO_ROOT, 'simulators', 'business', 'src', 'main.ts'),
  tax: join(REPO_ROOT, 'simulators', 'tax', 'src', 'main.ts'),
  bank: join(REPO_ROOT, 'simulators', 'bank', 'src', 'main.ts'),
} as const;
const COMMERCE_KEY = 'sg-bench-commerce-key';
const COMMERCE_SECRET = 'sg-bench-commerce-secret';

const commerceTotalsSchema = z.object({
  data: z.object({
    enterpriseCount: z.number(),
    orphanRelatedRows: z.record(z.string(), z.number()),
  }),
});
const periodRowSchema = z.object({ period: z.string().regex(/^\d{4}-\d{2}$/) });
const dropLineSchema = z.object({ dropDir: z.string() });

function fileRows(manifest: WorldManifest, source: SourceName, entity: string): number {
  const file = manifest.files[`sources/${source}/${entity}.ndjson`];
  if (file === undefined) throw new Error(`world manifest has no sources/${source}/${entity}`);
  return file.rows;
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

/** A fresh lake with a SQLite catalog under `dir`, whatever the caller's environment points at. */
async function openFreshLake(dir: string): Promise<Lake> {
  const env: NodeJS.ProcessEnv = { ...process.env, SG_DATA_DIR: dir };
  delete env['SG_LAKE_CATALOG_URL'];
  delete env['SG_LAKE_DATA_PATH'];
  const config = lakeConfigFromEnv(env);
  if (config.catalog.kind !== 'sqlite') throw new Error('expected a SQLite catalog');
  return openLake(config);
}

/** Spawns a Node child and waits for the first line it prints (simulators print their URL). */
async function startChild(
  main: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; firstLine: string }> {
  const child = spawn(process.execPath, [main, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const firstLine = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => {
      reject(new Error(`${main} exited with ${String(code)} before printing a line`));
    });
  });
  return { child, firstLine };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/** Runs a Node child to completion and returns what it printed. */
async function runChild(main: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { stdout } = await run(process.execPath, [main, ...args], {
    env,
    maxBuffer: 64 * 2 ** 20,
  });
  return stdout;
}

/**
 * Commerce: the vendor API simulator over the world (rate limit off), a full landing into a fresh
 * lake under `lakeDir` (the semantic load test lands its demo lake this way too).
 */
export async function landCommerce(
  manifest: WorldManifest,
  worldDir: string,
  work: string,
  lakeDir = join(work, 'lake-commerce'),
): Promise<ConnectorRun> {
  const { child, firstLine } = await startChild(SIMULATOR_MAIN.commerce, [], {
    ...process.env,
    SG_WORLD_DIR: worldDir,
    SG_SIM_COMMERCE_PORT: '0',
    SG_SIM_COMMERCE_RATE_LIMIT: '0',
    SG_SIM_COMMERCE_API_KEY: COMMERCE_KEY,
    SG_SIM_COMMERCE_API_SECRET: COMMERCE_SECRET,
  });
  const lake = await openFreshLake(lakeDir);
  try {
    const baseUrl = z.object({ url: z.url() }).parse(JSON.parse(firstLine)).url;
    const totalsResponse = await fetch(new URL('/v1/_sim/totals', baseUrl));
    const totals = commerceTotalsSchema.parse(await totalsResponse.json()).data;
    const client = createCommerceClient({
      baseUrl,
      apiKey: COMMERCE_KEY,
      apiSecret: COMMERCE_SECRET,
    });
    const started = performance.now();
    const result = await landCommerceSource(lake, client, manifest.asOf, {
      mode: 'full',
      concurrency: 8,
      workDir: work,
    });
    const elapsed = seconds(started);
    const entities = COMMERCE_ENTITIES.map((entity): EntityReconciliation => {
      const landing = result.landings[entity];
      if (landing === undefined) throw new Error(`commerce landed no ${entity}`);
      const worldRows = fileRows(manifest, 'commerce', entity);
      const unreachable =
        entity === 'enterprises'
          ? worldRows - totals.enterpriseCount
          : (totals.orphanRelatedRows[entity.replaceAll('_', '-')] ?? 0);
      return {
        entity,
        worldRows,
        expectedRows: worldRows - unreachable,
        landed: landing.rowCount,
        quarantined: landing.quarantinedCount,
        checksum: landing.checksum,
        ...(unreachable === 0
          ? {}
          : {
              difference:
                entity === 'enterprises'
                  ? `${String(unreachable)} lines repeat a code (the vendor serves the later one)`
                  : `${String(unreachable)} rows belong to codes not in enterprises.ndjson (unreachable by the API)`,
            }),
      };
    });
    return {
      via: 'sim-commerce HTTP API (child process, rate limit off) → landCommerceSource full, concurrency 8',
      seconds: elapsed,
      entities,
    };
  } finally {
    lake.close();
    await stopChild(child);
  }
}

/**
 * The PostgreSQL the business landing reads from: `SG_TEST_POSTGRES_URL` when set, else a private
 * server of Debian's PostgreSQL (as the tests start it, `npx just setup-test` installs it), stopped
 * afterwards — never the machine's 5432.
 */
async function withBusinessPostgres<T>(use: (url: string) => Promise<T>): Promise<T> {
  const servers =
    process.env['SG_TEST_POSTGRES_URL'] === undefined
      ? await startPrivateServers({ dataDir: dataDirFromEnv(), kinds: ['postgres'] })
      : undefined;
  const adminUrl = servers?.urls.postgres;
  if (adminUrl !== undefined) process.env['SG_TEST_POSTGRES_URL'] = adminUrl;
  try {
    const database = await createPostgresTestDatabase('sg_bench_business');
    try {
      return await use(database.url);
    } finally {
      await database.dispose();
    }
  } finally {
    if (servers !== undefined) {
      delete process.env['SG_TEST_POSTGRES_URL'];
      await servers.stop();
    }
  }
}

/** Business: the world seeded by the simulator's CLI into a fresh PostgreSQL database. */
async function landBusiness(
  manifest: WorldManifest,
  worldDir: string,
  work: string,
): Promise<ConnectorRun> {
  return withBusinessPostgres(async (url) => {
    await runChild(
      SIMULATOR_MAIN.business,
      ['seed', '--world', worldDir, '--url', url],
      process.env,
    );
    const lake = await openFreshLake(join(work, 'lake-business'));
    const client = await createBusinessClient({ url });
    try {
      const started = performance.now();
      const result = await landBusinessWindow(lake, client, {
        window: manifest.asOf,
        mode: 'full',
        workDir: work,
      });
      const elapsed = seconds(started);
      if (result.deletedKeys.length > 0 || result.driftFindings.length > 0) {
        throw new Error('a first full business landing found deletes or drift');
      }
      const entities = result.tables.map((table): EntityReconciliation => {
        const worldRows = fileRows(manifest, 'business', table.table);
        return {
          entity: table.table,
          worldRows,
          expectedRows: worldRows,
          landed: table.landing.rowCount,
          quarantined: table.landing.quarantinedCount,
          checksum: table.landing.checksum,
        };
      });
      return {
        via: 'sim-business seed (child process) into a private PostgreSQL → landBusinessWindow full',
        seconds: elapsed,
        entities,
      };
    } finally {
      await client.close();
      lake.close();
    }
  });
}

/** Distinct periods of the world's monthly tax files. */
async function taxPeriods(worldDir: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const files = ['vat_invoices', 'tax_payments'].map((entity) =>
      sqlString(join(worldDir, 'sources', 'tax', `${entity}.ndjson`)),
    );
    const reader = await connection.runAndReadAll(
      `select distinct period from read_json([${files.join(', ')}], format = 'newline_delimited', ` +
        `columns = {period: 'VARCHAR'}) order by period`,
    );
    return reader.getRowObjectsJson().map((row) => periodRowSchema.parse(row).period);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Tax: the simulator's monthly file drop (CSV) for every period of the world, each landed with
 * window = period; the world's files are reconciled with the sum over the periods.
 */
async function landTax(
  manifest: WorldManifest,
  worldDir: string,
  work: string,
): Promise<ConnectorRun> {
  const periods = await taxPeriods(worldDir);
  const outbox = join(work, 'tax-outbox');
  const dropDirs: string[] = [];
  for (const period of periods) {
    const line = await runChild(SIMULATOR_MAIN.tax, ['drop', '--period', period], {
      ...process.env,
      SG_SIM_TAX_WORLD_DIR: worldDir,
      SG_SIM_TAX_OUTBOX_DIR: outbox,
    });
    dropDirs.push(dropLineSchema.parse(JSON.parse(line)).dropDir);
  }
  const lake = await openFreshLake(join(work, 'lake-tax'));
  try {
    const totals = new Map<string, { landed: number; quarantined: number; checksums: string[] }>();
    const started = performance.now();
    for (const dropDir of dropDirs) {
      const result = await landTaxDrop(lake, dropDir, { workDir: work });
      for (const entity of result.entities) {
        const sum = totals.get(entity.entity) ?? { landed: 0, quarantined: 0, checksums: [] };
        sum.landed += entity.landing.rowCount;
        sum.quarantined += entity.landing.quarantinedCount;
        sum.checksums.push(entity.landing.checksum);
        totals.set(entity.entity, sum);
      }
    }
    const elapsed = seconds(started);
    const entities = [...totals].map(([entity, sum]): EntityReconciliation => {
      const worldRows = fileRows(manifest, 'tax', entity);
      const checksum = createHash('sha256').update(sum.checksums.join('\n')).digest('hex');
      return {
        entity,
        worldRows,
        expectedRows: worldRows,
        landed: sum.landed,
        quarantined: sum.quarantined,
        checksum,
      };
    });
    return {
      via: `sim-tax monthly CSV drops (child process, ${String(periods.length)} periods ${periods[0] ?? ''}…${periods.at(-1) ?? ''}) → landTaxDrop per period`,
      seconds: elapsed,
      entities,
    };
  } finally {
    lake.close();
  }
}

/** Bank: the simulator's statement and loan-record drops for the world, landed as one window. */
async function landBank(
  manifest: WorldManifest,
  worldDir: string,
  work: string,
): Promise<ConnectorRun> {
  const inboxDir = join(work, 'bank-inbox');
  await runChild(SIMULATOR_MAIN.bank, ['--world', worldDir, '--out', inboxDir], process.env);
  const lake = await openFreshLake(join(work, 'lake-bank'));
  try {
    const started = performance.now();
    const result = await landBankDrops(lake, { inboxDir, window: manifest.asOf, workDir: work });
    const elapsed = seconds(started);
    const entities = BANK_ENTITIES.map((entity): EntityReconciliation => {
      const landing = result.entities[entity];
      const worldRows = fileRows(manifest, 'bank', entity);
      return {
        entity,
        worldRows,
        expectedRows: worldRows - landing.collapsedDuplicates,
        landed: landing.rowCount,
        quarantined: landing.quarantinedCount,
        checksum: landing.checksum,
        ...(landing.collapsedDuplicates === 0
          ? {}
          : {
              difference: `${String(landing.collapsedDuplicates)} identical copies in overlapping drops collapsed`,
            }),
      };
    });
    return {
      via: `sim-bank drops (child process, ${String(result.dropIds.length)} drops, ${String(result.files.length)} files) → landBankDrops`,
      seconds: elapsed,
      entities,
    };
  } finally {
    lake.close();
  }
}

/** Throws unless every entity's landed + quarantined equals what the world lets it receive. */
function reconcile(source: SourceName, entities: EntityReconciliation[]): void {
  const wrong = entities.filter((e) => e.landed + e.quarantined !== e.expectedRows);
  if (wrong.length > 0 || entities.length === 0) {
    throw new Error(
      `${source} does not reconcile with the world: ${JSON.stringify(wrong.length > 0 ? wrong : 'no entities')}`,
    );
  }
}

/** The plain baseline: read_json of each of the source's world files, COPY to Parquet. */
async function plainCopy(
  worldDir: string,
  source: SourceName,
  entities: string[],
  outDir: string,
): Promise<{ seconds: number; rows: number }> {
  mkdirSync(outDir, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    let elapsed = 0;
    let rows = 0;
    for (const entity of entities) {
      const input = sqlString(join(worldDir, 'sources', source, `${entity}.ndjson`));
      const output = sqlString(join(outDir, `${entity}.parquet`));
      const started = performance.now();
      await connection.run(
        `copy (select * from read_json(${input}, format = 'newline_delimited')) ` +
          `to ${output} (format parquet)`,
      );
      elapsed += seconds(started);
      const reader = await connection.runAndReadAll(`select count(*)::bigint from ${output}`);
      rows += Number(reader.getRows()[0]?.[0] ?? Number.NaN);
    }
    return { seconds: elapsed, rows };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const CONNECTORS: Record<
  SourceName,
  (manifest: WorldManifest, worldDir: string, work: string) => Promise<ConnectorRun>
> = { commerce: landCommerce, business: landBusiness, tax: landTax, bank: landBank };

export const SOURCE_NAMES: readonly SourceName[] = ['commerce', 'business', 'tax', 'bank'];

export function isSourceName(name: string): name is SourceName {
  return SOURCE_NAMES.some((source) => source === name);
}

/**
 * Lands the `size` world through each connector in `sources`. The world lives in
 * `$SG_DATA_DIR/world/<size>-<seed>` and is generated only when that directory is not a complete
 * world already; everything else (lakes, drops, Parquet) goes to a temporary directory.
 */
export async function benchSourceLanding(
  size: WorldSize,
  sources: readonly SourceName[] = SOURCE_NAMES,
): Promise<SourceLandingBenchResult> {
  const seed = DEFAULT_WORLD_SEED;
  const worldName = join('world', `${size}-${String(seed)}`);
  const worldDir = join(lakeConfigFromEnv(process.env).dataDir, worldName);
  const manifest = await generateWorld({ size, seed, asOf: DEFAULT_WORLD_AS_OF, outDir: worldDir });
  const work = mkdtempSync(join(tmpdir(), `sg-bench-sources-${size}-`));
  try {
    const figures: Partial<Record<SourceName, SourceLandingFigure>> = {};
    for (const source of sources) {
      const landed = await CONNECTORS[source](manifest, worldDir, join(work, source));
      reconcile(source, landed.entities);
      const copy = await plainCopy(
        worldDir,
        source,
        landed.entities.map((e) => e.entity),
        join(work, source, 'plain'),
      );
      const worldRows = landed.entities.reduce((sum, e) => sum + e.worldRows, 0);
      if (copy.rows !== worldRows) {
        throw new Error(
          `plain COPY of ${source} wrote ${String(copy.rows)} of ${String(worldRows)} rows`,
        );
      }
      const rows = landed.entities.reduce((sum, e) => sum + e.landed + e.quarantined, 0);
      const connectorRowsPerSecond = Math.round(rows / landed.seconds);
      const plainCopyRowsPerSecond = Math.round(copy.rows / copy.seconds);
      figures[source] = {
        via: landed.via,
        rows,
        quarantined: landed.entities.reduce((sum, e) => sum + e.quarantined, 0),
        connectorSeconds: Number(landed.seconds.toFixed(2)),
        connectorRowsPerSecond,
        plainCopyRows: copy.rows,
        plainCopySeconds: Number(copy.seconds.toFixed(3)),
        plainCopyRowsPerSecond,
        slowdown: Number((plainCopyRowsPerSecond / connectorRowsPerSecond).toFixed(1)),
        entities: landed.entities,
      };
      console.log(`source-landing ${size} ${source}: ${JSON.stringify(figures[source])}`);
    }
    return {
      size,
      seed,
      asOf: manifest.asOf,
      world: `$SG_DATA_DIR/${worldName}`,
      sources: figures,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
