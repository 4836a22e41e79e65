// Benchmark: generating the simulated world (@sg/sim-world) for one size into a fresh directory:
// wall time, total rows, rows per second, bytes written and the biggest tables. The directory is
// removed afterwards unless `keepDir` is set.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWorld } from '@sg/sim-world';
import type { WorldSize } from '@sg/sim-world';

export interface WorldGenerationBenchResult {
  size: WorldSize;
  seed: number;
  seconds: number;
  rows: number;
  rowsPerSecond: number;
  bytes: number;
  /** Row counts of the largest files. */
  largestFiles: Record<string, number>;
  peakRssMiB: number;
}

export async function benchWorldGeneration(
  size: WorldSize,
  options: { seed?: number; workDir?: string; keepDir?: boolean } = {},
): Promise<WorldGenerationBenchResult> {
  const seed = options.seed ?? 640000;
  const outDir = mkdtempSync(join(options.workDir ?? tmpdir(), `sg-bench-world-${size}-`));
  try {
    const started = performance.now();
    const manifest = await generateWorld({ size, seed, outDir });
    const seconds = (performance.now() - started) / 1000;
    const entries = Object.entries(manifest.files);
    const rows = entries.reduce((sum, [, file]) => sum + file.rows, 0);
    const bytes = entries.reduce((sum, [path]) => sum + statSync(join(outDir, path)).size, 0);
    const largestFiles = Object.fromEntries(
      entries
        .sort(([, a], [, b]) => b.rows - a.rows)
        .slice(0, 5)
        .map(([path, file]) => [path, file.rows]),
    );
    return {
      size,
      seed,
      seconds: Math.round(seconds * 100) / 100,
      rows,
      rowsPerSecond: Math.round(rows / seconds),
      bytes,
      largestFiles,
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    if (options.keepDir !== true) rmSync(outDir, { recursive: true, force: true });
  }
}
