// Benchmark: the semantic server (node semantic/src/main.ts, a child process as `just up` runs it)
// over the demo lake, driven by many concurrent Cube clients sending the dashboard's queries
// (dashboard-queries.ts), next to the same queries sent one at a time. Every answer is checked
// against the one-at-a-time answer of the same query; an error, a wrong answer or a server crash
// throws before any figure is reported.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runDbt } from '@sg/dbt-cli';
import { lakeConfigFromEnv, lakeConfigToEnv, openLake } from '@sg/lake';
import { findRepoRoot } from '@sg/runtime-env';
import type { LakeConfig } from '@sg/lake';
import { DEFAULT_RUNNER_LIMITS, signToken } from '@sg/semantic';
import { DEFAULT_WORLD_AS_OF, DEFAULT_WORLD_SEED, generateWorld } from '@sg/sim-world';
import { z } from 'zod';
import { DASHBOARD_QUERIES } from './dashboard-queries.ts';
import type { DashboardQuery } from './dashboard-queries.ts';
import { summariseLatencies } from './latency.ts';
import type { LatencySummary } from './latency.ts';
import { landCommerce } from './source-landing.bench.ts';

const REPO_ROOT = findRepoRoot(import.meta.dirname);
const SEMANTIC_MAIN = join(REPO_ROOT, 'semantic', 'src', 'main.ts');
const SECRET = 'sg-bench-semantic-secret';
const MART_ROWS_SQL = 'select count(*) as n from lake.marts.enterprises';

export interface SemanticLoadOptions {
  clients: number;
  seconds: number;
  sequentialSeconds: number;
  /** Pool sizes to run (one server per size); undefined = the server's default. */
  poolSizes: readonly (number | undefined)[];
}

export interface ConcurrentFigure extends LatencySummary {
  clients: number;
  /** Answers "Continue wait" that the client re-sent (not errors: Cube's long-poll). */
  continueWaits: number;
  errors: number;
  wrongAnswers: number;
}

export interface SemanticLoadRun {
  poolSize: number;
  sequential: LatencySummary;
  concurrent: ConcurrentFigure;
  /** Concurrent requests/s ÷ one-at-a-time requests/s. */
  throughputRatio: number;
  /** Concurrent p50 ÷ one-at-a-time p50 (how much longer a request takes under load). */
  p50Ratio: number;
  /** SIGTERM after the load: time to exit and the exit code (the drain). */
  shutdown: { ms: number; code: number | null };
  /** The machine's 1-minute load average before and after (other work skews the figures). */
  loadAverage: { before: number; after: number };
}

export interface SemanticLoadResult {
  lake: { via: string; enterprises: number };
  queries: string[];
  runs: SemanticLoadRun[];
}

/** Lake settings for a lake under `dir`, whatever the caller's environment points at. */
function lakeUnder(dir: string): LakeConfig {
  const env: NodeJS.ProcessEnv = { ...process.env, SG_DATA_DIR: dir };
  delete env['SG_LAKE_CATALOG_URL'];
  delete env['SG_LAKE_DATA_PATH'];
  return lakeConfigFromEnv(env);
}

/** Rows of lake.marts.enterprises, or undefined when the lake or the mart is not there. */
async function martRows(config: LakeConfig): Promise<number | undefined> {
  if (config.catalog.kind === 'sqlite' && !existsSync(config.catalog.path)) return undefined;
  try {
    const lake = await openLake(config, { readOnly: true });
    try {
      const rows = (await lake.connection.runAndReadAll(MART_ROWS_SQL)).getRowObjects();
      return Number(rows[0]?.['n'] ?? 0);
    } finally {
      lake.close();
    }
  } catch {
    return undefined;
  }
}

/**
 * The demo lake: the bench's own under $SG_DATA_DIR/bench/semantic-lake if it was built (nothing
 * else writes to it while the load runs), else the one `just up` built under $SG_DATA_DIR/lake if
 * it has the mart, else the bench's own, built once the way the platform builds it (demo world →
 * commerce simulator → commerce connector → dbt build of marts.enterprises).
 */
async function demoLake(): Promise<{ config: LakeConfig; via: string; enterprises: number }> {
  const upLake = lakeConfigFromEnv(process.env);
  const dir = join(upLake.dataDir, 'bench', 'semantic-lake');
  const config = lakeUnder(dir);
  const via = `demo world → sim-commerce → landCommerceSource → dbt build +enterprises (${dir})`;
  const rows = await martRows(config);
  if (rows !== undefined && rows > 0) return { config, via, enterprises: rows };
  const upRows = await martRows(upLake);
  if (upRows !== undefined && upRows > 0) {
    return { config: upLake, via: `the just-up lake (${upLake.dataDir})`, enterprises: upRows };
  }
  console.log(`semantic-load: building the demo lake in ${dir} …`);
  const worldDir = join(upLake.dataDir, 'world', `demo-${String(DEFAULT_WORLD_SEED)}`);
  const manifest = await generateWorld({
    size: 'demo',
    seed: DEFAULT_WORLD_SEED,
    asOf: DEFAULT_WORLD_AS_OF,
    outDir: worldDir,
  });
  rmSync(dir, { recursive: true, force: true });
  const work = join(dir, 'work');
  mkdirSync(work, { recursive: true });
  await landCommerce(manifest, worldDir, work, dir);
  rmSync(work, { recursive: true, force: true });
  await runDbt(['build', '--select', '+enterprises'], { lakeConfig: config });
  const built = await martRows(config);
  if (built === undefined || built === 0) throw new Error(`no marts.enterprises rows in ${dir}`);
  return { config, via, enterprises: built };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface ServerChild {
  child: ChildProcess;
  apiUrl: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running(): boolean;
}

/** Starts the server like `just up` (its output to a log file) and waits for /readyz. */
async function startServer(
  config: LakeConfig,
  poolSize: number | undefined,
  logPath: string,
): Promise<ServerChild> {
  const port = await freePort();
  const log = openSync(logPath, 'w');
  const child = spawn(process.execPath, [SEMANTIC_MAIN], {
    env: {
      ...process.env,
      ...lakeConfigToEnv(config),
      SG_SEMANTIC_PORT: String(port),
      SG_SEMANTIC_SECRET: SECRET,
      ...(poolSize === undefined ? {} : { SG_SEMANTIC_POOL_SIZE: String(poolSize) }),
    },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const state = { alive: true };
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      state.alive = false;
      resolve({ code, signal });
    });
  });
  const base = `http://127.0.0.1:${String(port)}`;
  for (let waited = 0; ; waited += 100) {
    if (!state.alive)
      throw new Error(`the semantic server exited before it was ready; see ${logPath}`);
    if (waited > 60_000)
      throw new Error(`the semantic server was not ready in 60 s; see ${logPath}`);
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, apiUrl: `${base}/cubejs-api/v1`, exited, running: () => state.alive };
}

const multiLoadSchema = z.object({
  results: z.array(z.object({ data: z.array(z.record(z.string(), z.unknown())) })).min(1),
});
const errorSchema = z.object({ error: z.string() });

interface Answer {
  ms: number;
  continueWaits: number;
  /** The rows as JSON text (compared with the one-at-a-time answer), or the error. */
  data?: string;
  error?: string;
}

/** One load as @cubejs-client/core sends it (GET, queryType=multi), re-sent on Continue wait. */
async function ask(apiUrl: string, token: string, query: DashboardQuery): Promise<Answer> {
  const url = `${apiUrl}/load?query=${encodeURIComponent(JSON.stringify(query.query))}&queryType=multi`;
  const started = performance.now();
  let continueWaits = 0;
  try {
    for (;;) {
      const response = await fetch(url, { headers: { Authorization: token } });
      const body: unknown = await response.json();
      const error = errorSchema.safeParse(body);
      if (response.status === 200 && error.success && error.data.error === 'Continue wait') {
        continueWaits += 1;
        continue;
      }
      const ms = performance.now() - started;
      const loaded = multiLoadSchema.safeParse(body);
      if (response.status !== 200 || !loaded.success) {
        return { ms, continueWaits, error: `${String(response.status)} ${JSON.stringify(body)}` };
      }
      return { ms, continueWaits, data: JSON.stringify(loaded.data.results[0]?.data) };
    }
  } catch (error) {
    return { ms: performance.now() - started, continueWaits, error: String(error) };
  }
}

/** Each query in turn, one at a time, for `seconds`; every answer equal to `expected`. */
async function oneAtATime(
  apiUrl: string,
  token: string,
  expected: ReadonlyMap<string, string>,
  seconds: number,
): Promise<LatencySummary> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  for (let i = 0; performance.now() < deadline; i += 1) {
    const query = DASHBOARD_QUERIES[i % DASHBOARD_QUERIES.length];
    if (query === undefined) break;
    const answer = await ask(apiUrl, token, query);
    if (answer.data !== expected.get(query.name)) {
      throw new Error(
        `one at a time, '${query.name}' answered ${answer.error ?? answer.data ?? ''}`,
      );
    }
    latencies.push(answer.ms);
  }
  return summariseLatencies(latencies, (performance.now() - started) / 1000);
}

/** `clients` loops sending the queries (each from its own offset) until `seconds` have passed. */
async function concurrently(
  apiUrl: string,
  token: string,
  expected: ReadonlyMap<string, string>,
  clients: number,
  seconds: number,
): Promise<ConcurrentFigure & { sampleErrors: string[] }> {
  const latencies: number[] = [];
  const sampleErrors: string[] = [];
  let continueWaits = 0;
  let errors = 0;
  let wrongAnswers = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async (offset: number): Promise<void> => {
    for (let i = offset; performance.now() < deadline; i += 1) {
      const query = DASHBOARD_QUERIES[i % DASHBOARD_QUERIES.length];
      if (query === undefined) return;
      const answer = await ask(apiUrl, token, query);
      continueWaits += answer.continueWaits;
      if (answer.error !== undefined) {
        errors += 1;
        if (sampleErrors.length < 5) sampleErrors.push(answer.error.slice(0, 300));
      } else if (answer.data !== expected.get(query.name)) {
        wrongAnswers += 1;
      } else {
        latencies.push(answer.ms);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
  const summary = summariseLatencies(latencies, (performance.now() - started) / 1000);
  return { ...summary, clients, continueWaits, errors, wrongAnswers, sampleErrors };
}

async function stopServer(server: ServerChild): Promise<{ ms: number; code: number | null }> {
  const started = performance.now();
  server.child.kill('SIGTERM');
  const exit = await server.exited;
  return { ms: Math.round(performance.now() - started), code: exit.code };
}

async function runAtPoolSize(
  config: LakeConfig,
  poolSize: number | undefined,
  options: SemanticLoadOptions,
  logDir: string,
): Promise<SemanticLoadRun> {
  const size = poolSize ?? DEFAULT_RUNNER_LIMITS.size;
  const loadBefore = loadavg()[0] ?? 0;
  const logPath = join(logDir, `semantic-pool-${String(size)}.log`);
  const server = await startServer(config, poolSize, logPath);
  try {
    const token = signToken({ sub: 'bench' }, SECRET, { expiresInSeconds: 3600 });
    // Warm-up and the expected answers: each query once, one at a time.
    const expected = new Map<string, string>();
    for (const query of DASHBOARD_QUERIES) {
      const answer = await ask(server.apiUrl, token, query);
      if (answer.data === undefined) throw new Error(`'${query.name}': ${answer.error ?? ''}`);
      expected.set(query.name, answer.data);
    }
    const sequential = await oneAtATime(server.apiUrl, token, expected, options.sequentialSeconds);
    const { sampleErrors, ...concurrent } = await concurrently(
      server.apiUrl,
      token,
      expected,
      options.clients,
      options.seconds,
    );
    if (!server.running()) {
      const exit = await server.exited;
      throw new Error(
        `the semantic server died under load (pool ${String(size)}, exit ${JSON.stringify(exit)}); see ${logPath}`,
      );
    }
    if (concurrent.errors > 0 || concurrent.wrongAnswers > 0) {
      throw new Error(
        `pool ${String(size)}: ${String(concurrent.errors)} errors, ${String(concurrent.wrongAnswers)} wrong answers under load, e.g. ${sampleErrors.join(' | ')}`,
      );
    }
    const shutdown = await stopServer(server);
    const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;
    return {
      poolSize: size,
      sequential,
      concurrent,
      throughputRatio: ratio(concurrent.requestsPerSecond, sequential.requestsPerSecond),
      p50Ratio: ratio(concurrent.p50Ms, sequential.p50Ms),
      shutdown,
      loadAverage: { before: ratio(loadBefore, 1), after: ratio(loadavg()[0] ?? 0, 1) },
    };
  } finally {
    if (server.running()) server.child.kill('SIGKILL');
  }
}

export async function benchSemanticLoad(options: SemanticLoadOptions): Promise<SemanticLoadResult> {
  const lake = await demoLake();
  const logDir = join(lakeConfigFromEnv(process.env).dataDir, 'logs', 'bench');
  mkdirSync(logDir, { recursive: true });
  const runs: SemanticLoadRun[] = [];
  for (const poolSize of options.poolSizes) {
    const run = await runAtPoolSize(lake.config, poolSize, options, logDir);
    console.log(`semantic-load pool ${String(run.poolSize)}: ${JSON.stringify(run)}`);
    runs.push(run);
  }
  return {
    lake: { via: lake.via, enterprises: lake.enterprises },
    queries: DASHBOARD_QUERIES.map((q) => q.name),
    runs,
  };
}
