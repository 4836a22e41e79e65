// `just bench`: runs the benchmarks and records each result in bench/results/<name>.json, with
// the date, machine and versions, so a change in speed shows up as a diff.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchLakeLanding } from './lake-landing.bench.ts';
import { mergeSourceLandingResults } from './recorded-results.ts';
import { benchRpcGuard } from './rpc-guard.bench.ts';
import { benchSemanticLoad } from './semantic-load.bench.ts';
import { benchSignIn } from './sign-in.bench.ts';
import { SOURCE_NAMES, benchSourceLanding, isSourceName } from './source-landing.bench.ts';
import { benchWorldGeneration } from './world-generation.bench.ts';

const resultsDir = join(import.meta.dirname, '..', 'results');
const BENCHMARKS = [
  'lake-landing',
  'world-generation',
  'source-landing',
  'semantic-load',
  'rpc-guard',
  'sign-in',
] as const;
type BenchmarkName = (typeof BENCHMARKS)[number];

function listSetting<T extends string>(
  name: string,
  all: readonly T[],
  defaults: readonly T[] = all,
): T[] {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') return [...defaults];
  const picked = value.split(',').map((item) => item.trim());
  const unknown = picked.filter((item) => !all.some((known) => known === item));
  if (unknown.length > 0) {
    throw new Error(`${name}: unknown ${unknown.join(', ')} (known: ${all.join(', ')})`);
  }
  return all.filter((known) => picked.includes(known));
}

/** Which benchmarks run (default all); the others keep their recorded results. */
const only = listSetting<BenchmarkName>('SG_BENCH_ONLY', BENCHMARKS);
const rows = Number(process.env['SG_BENCH_LANDING_ROWS'] ?? 1_000_000);
/** World sizes to generate; `large` (≈14 GB, ~4 min here) only when asked for. */
const sizes = listSetting('SG_BENCH_WORLD_SIZES', ['tiny', 'demo', 'large'] as const, [
  'tiny',
  'demo',
]);
/** Sources landed by the source-landing benchmark (default all four). */
const sources = listSetting('SG_BENCH_SOURCES', SOURCE_NAMES).filter(isSourceName);
/** Worlds the connectors land: the named ones of demo and large; demo when neither is named. */
const namedLandingSizes = (['demo', 'large'] as const).filter((size) => sizes.includes(size));
const landingSizes = namedLandingSizes.length > 0 ? namedLandingSizes : (['demo'] as const);

/** The semantic load test: concurrent clients, seconds of load, seconds one at a time. */
const semanticLoad = {
  clients: Number(process.env['SG_BENCH_SEMANTIC_CLIENTS'] ?? 200),
  seconds: Number(process.env['SG_BENCH_SEMANTIC_SECONDS'] ?? 60),
  sequentialSeconds: Number(process.env['SG_BENCH_SEMANTIC_SEQUENTIAL_SECONDS'] ?? 20),
  /** Connection pool sizes to compare, one server each (default: the server's default). */
  poolSizes: (process.env['SG_BENCH_SEMANTIC_POOL_SIZES'] ?? '')
    .split(',')
    .filter((size) => size.trim() !== '')
    .map(Number),
};

const recordedAt = new Date().toISOString();

function record(name: BenchmarkName, result: unknown): void {
  mkdirSync(resultsDir, { recursive: true });
  const entry = {
    benchmark: name,
    recordedAt,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    result,
  };
  writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(entry, null, 2)}\n`);
  console.log(`${name}: ${JSON.stringify(result)}`);
}

function recordedResult(name: BenchmarkName): unknown {
  const path = join(resultsDir, `${name}.json`);
  if (!existsSync(path)) return undefined;
  const entry: unknown = JSON.parse(readFileSync(path, 'utf8'));
  return typeof entry === 'object' && entry !== null && 'result' in entry
    ? entry.result
    : undefined;
}

if (only.includes('lake-landing')) record('lake-landing', await benchLakeLanding(rows));
if (only.includes('world-generation')) {
  const worlds: Record<string, unknown> = {};
  for (const size of sizes) worlds[size] = await benchWorldGeneration(size);
  record('world-generation', worlds);
}
if (only.includes('source-landing')) {
  const landings: Record<string, { sources: Record<string, unknown> }> = {};
  for (const size of landingSizes) landings[size] = await benchSourceLanding(size, sources);
  record(
    'source-landing',
    mergeSourceLandingResults(recordedResult('source-landing'), landings, recordedAt),
  );
}
if (only.includes('semantic-load')) {
  const poolSizes = semanticLoad.poolSizes.length > 0 ? semanticLoad.poolSizes : [undefined];
  record('semantic-load', await benchSemanticLoad({ ...semanticLoad, poolSizes }));
}
if (only.includes('rpc-guard')) record('rpc-guard', await benchRpcGuard());
if (only.includes('sign-in')) record('sign-in', await benchSignIn());
