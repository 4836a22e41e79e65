// `just bench`: runs every benchmark and records its result in bench/results/<name>.json, with
// the date, machine and versions, so a change in speed shows up as a diff.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchLakeLanding } from './lake-landing.bench.ts';
import { SOURCE_NAMES, benchSourceLanding, isSourceName } from './source-landing.bench.ts';
import { benchWorldGeneration } from './world-generation.bench.ts';

const resultsDir = join(import.meta.dirname, '..', 'results');
const rows = Number(process.env['SG_BENCH_LANDING_ROWS'] ?? 1_000_000);
/** World sizes to generate; `large` (≈14 GB, ~15 min here) only when asked for. */
const worldSizes = (process.env['SG_BENCH_WORLD_SIZES'] ?? 'tiny,demo')
  .split(',')
  .map((size) => size.trim())
  .filter((size): size is 'tiny' | 'demo' | 'large' => ['tiny', 'demo', 'large'].includes(size));
/** Sources landed by the source-landing benchmark (default all four). */
const sources = (process.env['SG_BENCH_SOURCES'] ?? SOURCE_NAMES.join(','))
  .split(',')
  .map((source) => source.trim())
  .filter(isSourceName);
/** Worlds the connectors land: always demo; large only when SG_BENCH_WORLD_SIZES names it. */
const landingSizes = worldSizes.includes('large')
  ? (['demo', 'large'] as const)
  : (['demo'] as const);

function record(name: string, result: unknown): void {
  mkdirSync(resultsDir, { recursive: true });
  const entry = {
    benchmark: name,
    recordedAt: new Date().toISOString(),
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

record('lake-landing', await benchLakeLanding(rows));
const worlds: Record<string, unknown> = {};
for (const size of worldSizes) worlds[size] = await benchWorldGeneration(size);
record('world-generation', worlds);
const landings: Record<string, unknown> = {};
for (const size of landingSizes) landings[size] = await benchSourceLanding(size, sources);
record('source-landing', landings);
