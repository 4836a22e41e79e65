// Test support: finance drops written by the finance simulator run as a child process (connectors
// never import simulators) from a generated world, and the world's books read back to reconcile.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generateWorldCli, runSimulatorCli } from '@sg/simulator-processes';
import { z } from 'zod';

/** Generates the tiny world into `worldDir` and writes its finance drops into `inboxDir`. */
export async function simulateFinanceDrops(
  worldDir: string,
  inboxDir: string,
): Promise<{ period: string; sequence: number }[]> {
  await generateWorldCli({ outDir: worldDir });
  const stdout = await runSimulatorCli('finance', ['--world', worldDir, '--out', inboxDir]);
  return z
    .array(z.object({ period: z.string(), sequence: z.number().int() }))
    .parse(JSON.parse(stdout));
}

const worldBalanceRow = z.object({
  period: z.string(),
  item_code: z.string(),
  closing_fen: z.number().int(),
  year_opening_fen: z.number().int(),
});

/** The world's balance sheet lines (`sources/finance/balance_sheet_items.ndjson`). */
export async function worldBalanceSheet(
  worldDir: string,
): Promise<z.infer<typeof worldBalanceRow>[]> {
  const text = await readFile(
    path.join(worldDir, 'sources', 'finance', 'balance_sheet_items.ndjson'),
    'utf8',
  );
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => worldBalanceRow.parse(JSON.parse(line)));
}
