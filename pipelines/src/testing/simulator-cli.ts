// The simulators' CLIs as child processes (pipelines may not import simulator packages; they may
// run them), for tests that land real source data: the world generator, the business seeder, the
// tax bureau's monthly drops and the banks' drops.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { runSimulatorCli } from '@sg/simulator-processes';

/** `manifest.json` of a generated world: rows per file (`sources/<source>/<entity>.ndjson`). */
export interface WorldManifest {
  readonly asOf: string;
  readonly files: Readonly<Record<string, { readonly rows: number }>>;
}

/** Generates the tiny world (seed 640000) into `outDir` and returns its manifest. */
export async function generateTinyWorld(outDir: string): Promise<WorldManifest> {
  await runSimulatorCli('world', ['--size', 'tiny', '--seed', '640000', '--out', outDir]);
  return JSON.parse(await readFile(path.join(outDir, 'manifest.json'), 'utf8')) as WorldManifest;
}

/** The distinct tax periods (yyyy-MM) of the world's invoices and payments, in order. */
export async function worldTaxPeriods(worldDir: string): Promise<string[]> {
  const periods = new Set<string>();
  for (const file of ['vat_invoices.ndjson', 'tax_payments.ndjson']) {
    const lines = createInterface({
      input: createReadStream(path.join(worldDir, 'sources', 'tax', file)),
    });
    for await (const line of lines) {
      if (line === '') continue;
      const { period } = JSON.parse(line) as { period: string };
      periods.add(period);
    }
  }
  return [...periods].sort();
}

/** Writes the tax bureau's monthly drop of `period` (sequence 1, or a correction) into `inboxDir`. */
export async function writeTaxDrop(
  worldDir: string,
  inboxDir: string,
  period: string,
  sequence = 1,
): Promise<void> {
  await runSimulatorCli('tax', ['drop', '--period', period, '--sequence', String(sequence)], {
    SG_SIM_TAX_WORLD_DIR: worldDir,
    SG_SIM_TAX_OUTBOX_DIR: inboxDir,
  });
}

/** Writes the drops of every period, two simulator processes at a time. */
export async function writeTaxDrops(
  worldDir: string,
  inboxDir: string,
  periods: readonly string[],
): Promise<void> {
  const queue = [...periods];
  const worker = async (): Promise<void> => {
    for (let period = queue.shift(); period !== undefined; period = queue.shift()) {
      await writeTaxDrop(worldDir, inboxDir, period);
    }
  };
  await Promise.all([worker(), worker()]);
}

/** Writes the banks' statement and loan-record drops of the world into `inboxDir`. */
export async function writeBankDrops(worldDir: string, inboxDir: string): Promise<void> {
  await runSimulatorCli('bank', ['--world', worldDir, '--out', inboxDir]);
}

/** Writes the finance system's month-end exports of the world into `inboxDir`. */
export async function writeFinanceDrops(worldDir: string, inboxDir: string): Promise<void> {
  await runSimulatorCli('finance', ['--world', worldDir, '--out', inboxDir]);
}

/** Creates the legacy tables in the (empty) database at `url` and seeds the world's rows. */
export async function seedBusinessDatabase(worldDir: string, url: string): Promise<void> {
  await runSimulatorCli('business', ['seed', '--world', worldDir, '--url', url]);
}
