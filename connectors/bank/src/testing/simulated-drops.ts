// Test support: bank drops written by the bank simulator, run as a child process (connectors never
// import simulators), and helpers to damage a drop the way real deliveries go wrong.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findRepoRoot } from '@sg/runtime-env';
import { generateWorldCli, runSimulatorCli } from '@sg/simulator-processes';
import { fileSha256 } from '../file-digest.ts';
import { dropManifestSchema } from '../schemas.ts';
import type { DropManifest } from '../schemas.ts';

const REPO_ROOT = findRepoRoot(import.meta.dirname);

/** The hand-made world in the contract format (3 banks, one per layout; 51 transactions). */
export const FIXTURE_WORLD_DIR = join(REPO_ROOT, 'simulators', 'bank', 'src', 'fixtures', 'world');
export const FIXTURE_BANK_DIR = join(FIXTURE_WORLD_DIR, 'sources', 'bank');

export interface SimulateOptions {
  readonly from?: string;
  readonly to?: string;
  readonly banks?: readonly string[];
  readonly totalsMismatchAccounts?: readonly string[];
  readonly worldDir?: string;
}

/** Runs the bank simulator into `outboxDir`; returns its manifests. */
export async function simulateDrops(
  outboxDir: string,
  options: SimulateOptions = {},
): Promise<DropManifest[]> {
  const args = ['--world', options.worldDir ?? FIXTURE_WORLD_DIR, '--out', outboxDir];
  if (options.from !== undefined) args.push('--from', options.from);
  if (options.to !== undefined) args.push('--to', options.to);
  for (const bank of options.banks ?? []) args.push('--bank', bank);
  for (const account of options.totalsMismatchAccounts ?? []) {
    args.push('--fault-totals-mismatch', account);
  }
  const stdout = await runSimulatorCli('bank', args);
  return dropManifestSchema.array().parse(JSON.parse(stdout));
}

/** Replaces a file of a drop and updates its manifest entry (as a bank re-export would). */
export async function replaceDropFile(
  dropDir: string,
  file: string,
  content: Buffer | string,
  rows?: number,
): Promise<void> {
  await writeFile(join(dropDir, file), content);
  const manifestPath = join(dropDir, 'manifest.json');
  const manifest = dropManifestSchema.parse(JSON.parse(await readFile(manifestPath, 'utf8')));
  const sha256 = await fileSha256(join(dropDir, file));
  const files = manifest.files.map((entry) =>
    entry.file === file ? { ...entry, sha256, ...(rows === undefined ? {} : { rows }) } : entry,
  );
  await writeFile(manifestPath, JSON.stringify({ ...manifest, files }, null, 2));
}

/** The statement file of a drop (the first file that is not a record file). */
export function statementFile(manifest: DropManifest): string {
  const records = new Set(['accounts.csv', 'loans.csv', 'loan_schedules.csv', 'repayments.csv']);
  const file = manifest.files.find((entry) => !records.has(entry.file));
  if (file === undefined) throw new Error(`drop ${manifest.dropId} has no statement`);
  return file.file;
}

/** Generates the tiny world (seed 640000, as of 2025-06-30) with the world generator's CLI. */
export async function generateTinyWorld(outDir: string): Promise<string> {
  await generateWorldCli({ outDir });
  return outDir;
}
