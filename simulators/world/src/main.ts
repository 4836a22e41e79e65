/**
 * CLI: node simulators/world/src/main.ts --size demo [--seed 640000] [--as-of 2025-06-30] [--out <dir>]
 * Default out: $SG_DATA_DIR/world/<size>-<seed>/ (SG_DATA_DIR defaults to <repo>/.data).
 * Prints one JSON line with the directory, the time taken and the total rows.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dataDirFromEnv } from '@sg/runtime-env';
import { DEFAULT_WORLD_AS_OF, DEFAULT_WORLD_SEED, generateWorld } from './generate-world.ts';
import { isWorldSize } from './world-size.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'demo' },
    seed: { type: 'string', default: String(DEFAULT_WORLD_SEED) },
    'as-of': { type: 'string', default: DEFAULT_WORLD_AS_OF },
    out: { type: 'string' },
  },
});
if (!isWorldSize(values.size)) {
  console.error(`--size must be tiny, demo or large, got "${values.size}"`);
  process.exit(2);
}
const seed = Number(values.seed);
const dataDir = dataDirFromEnv(process.env);
const outDir = resolve(values.out ?? join(dataDir, 'world', `${values.size}-${String(seed)}`));
const started = performance.now();
const manifest = await generateWorld({ size: values.size, seed, asOf: values['as-of'], outDir });
const rows = Object.values(manifest.files).reduce((sum, file) => sum + file.rows, 0);
console.log(
  JSON.stringify({
    service: 'sim-world',
    outDir,
    size: manifest.size,
    seed: manifest.seed,
    asOf: manifest.asOf,
    seconds: Math.round((performance.now() - started) / 10) / 100,
    rows,
  }),
);
