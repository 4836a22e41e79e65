// The generated tiny world (simulators/world CLI) through the finance simulator.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { generateWorldCli } from '@sg/simulator-processes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planExportDefects } from './export-defects.ts';
import { readWorldBooks } from './world-books.ts';
import type { MonthBooks } from './world-books.ts';
import { dropNameOf, writeFinanceDrops } from './write-finance-drops.ts';
import type { FinanceDropManifest } from './write-finance-drops.ts';

let dir: string;
let outbox: string;
let manifests: FinanceDropManifest[];
let months: MonthBooks[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sg-sim-finance-'));
  const world = join(dir, 'world');
  await generateWorldCli({ outDir: world });
  outbox = join(dir, 'outbox');
  manifests = await writeFinanceDrops({ worldDir: world, outboxDir: outbox });
  months = await readWorldBooks(world);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function workbookOf(period: string, sequence: number): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(
    join(outbox, dropNameOf(period, sequence), `财务月报_${period}.xlsx`),
  );
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

/** Column D (期末余额 / 本期数) of the row whose column A holds `code`. */
function amountOf(worksheet: ExcelJS.Worksheet, code: string): ExcelJS.CellValue {
  let value: ExcelJS.CellValue = null;
  worksheet.eachRow((row) => {
    if (row.getCell(1).value === code) value = row.getCell(4).value;
  });
  return value;
}

describe('writeFinanceDrops on the tiny world', () => {
  it('writes one drop per month, plus the restated month’s correction, each with a true sha256', async () => {
    const periods = months.map((m) => m.period);
    const restated = planExportDefects(periods).restatedPeriod;
    expect(manifests).toHaveLength(periods.length + 1);
    expect(manifests.filter((m) => m.sequence === 2).map((m) => m.period)).toEqual([restated]);
    const folders = (await readdir(outbox)).sort();
    expect(folders).toEqual(manifests.map((m) => dropNameOf(m.period, m.sequence)).sort());
    for (const manifest of manifests.slice(0, 3)) {
      const bytes = await readFile(
        join(outbox, dropNameOf(manifest.period, manifest.sequence), manifest.file),
      );
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(manifest.sha256);
    }
  });

  it('writes the three Chinese sheets with a merged title, 单位：元 and the world’s figures in yuan', async () => {
    const month = months.at(-1);
    if (month === undefined) throw new Error('no months');
    const workbook = await workbookOf(month.period, 1);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['资产负债表', '利润表', '补充资料']);
    const balance = sheet(workbook, '资产负债表');
    expect(balance.getCell('A1').value).toBe('资产负债表');
    expect(balance.getCell('A1').isMerged).toBe(true);
    expect(balance.getCell('E2').value).toBe('单位：元');
    expect(balance.getCell('D3').value).toBe('金额');
    expect(balance.getCell('E3').isMerged).toBe(true);
    for (const row of month.balanceSheet) {
      expect(amountOf(balance, row.item_code), row.item_code).toBeCloseTo(row.closing_fen / 100, 2);
    }
  });

  it('shifts the first issue of the restated month and corrects it in the second', async () => {
    const defects = planExportDefects(months.map((m) => m.period));
    const period = defects.restatedPeriod ?? '';
    const month = months.find((m) => m.period === period);
    const world = month?.balanceSheet.find((r) => r.item_code === '2241')?.closing_fen ?? 0;
    const first = amountOf(sheet(await workbookOf(period, 1), '资产负债表'), '2241');
    const second = amountOf(sheet(await workbookOf(period, 2), '资产负债表'), '2241');
    expect(first).toBeCloseTo((world + defects.restatementDeltaFen) / 100, 2);
    expect(second).toBeCloseTo(world / 100, 2);
  });

  it('plants a subtotal row and a text in an amount cell in the planned months', async () => {
    const defects = planExportDefects(months.map((m) => m.period));
    const balance = sheet(await workbookOf(defects.subtotalRowPeriod ?? '', 1), '资产负债表');
    const names: unknown[] = [];
    balance.eachRow((row) => names.push(row.getCell(2).value));
    expect(names).toContain('流动资产小计');
    const supplementary = sheet(await workbookOf(defects.textAmountPeriod ?? '', 1), '补充资料');
    expect(amountOf(supplementary, 'BC02')).toBe('见附表');
  });
});
