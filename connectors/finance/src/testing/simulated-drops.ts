// Test support: finance drops written by the finance simulator run as a child process (connectors
// never import simulators) from a generated world, and helpers to read the world's books back and
// to damage a drop the way real deliveries go wrong.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { generateWorldCli, runSimulatorCli } from '@sg/simulator-processes';
import { z } from 'zod';

/** Generates the tiny world into `worldDir` and writes its finance drops into `inboxDir`. */
export async function simulateFinanceDrops(
  worldDir: string,
  inboxDir: string,
  options: { readonly defects?: boolean; readonly generateWorld?: boolean } = {},
): Promise<{ period: string; sequence: number }[]> {
  if (options.generateWorld !== false) await generateWorldCli({ outDir: worldDir });
  const stdout = await runSimulatorCli('finance', [
    '--world',
    worldDir,
    '--out',
    inboxDir,
    ...(options.defects === false ? ['--no-defects'] : []),
  ]);
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

/** Rewrites one cell of a drop's workbook and its manifest's sha256 (a re-issued, wrong file). */
export async function editWorkbookCell(
  dropDir: string,
  edit: { readonly sheet: string; readonly address: string; readonly value: ExcelJS.CellValue },
): Promise<void> {
  const manifestPath = path.join(dropDir, 'manifest.json');
  const manifest = z
    .object({ file: z.string() })
    .loose()
    .parse(JSON.parse(await readFile(manifestPath, 'utf8')));
  const file = path.join(dropDir, manifest.file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet(edit.sheet);
  if (sheet === undefined) throw new Error(`no sheet ${edit.sheet}`);
  sheet.getCell(edit.address).value = edit.value;
  await workbook.xlsx.writeFile(file);
  const sha256 = createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
  await writeFile(manifestPath, `${JSON.stringify({ ...manifest, sha256 }, null, 2)}\n`);
}
