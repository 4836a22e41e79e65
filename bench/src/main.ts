// `just bench`: runs every benchmark and records its result in bench/results/<name>.json, with
// the date, machine and versions, so a change in speed shows up as a diff.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchLakeLanding } from './lake-landing.bench.ts';

const resultsDir = join(import.meta.dirname, '..', 'results');
const rows = Number(process.env['SG_BENCH_LANDING_ROWS'] ?? 1_000_000);

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
