/**
 * Test fixtures for the tax connector (imported by tests only): named rows of the monthly files,
 * a writer for hand-made drops (the failure cases) and a runner that asks the tax simulator's CLI
 * for a real drop (a child process: connectors may not import simulators).
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lake } from '@sg/lake';
import { runSimulatorCli } from '@sg/simulator-processes';
import { z } from 'zod';

const FIXTURE_WORLD = new URL(
  '../../../../simulators/tax/src/fixtures/tiny-tax-world',
  import.meta.url,
).pathname;

const BOM = '\ufeff';
export const INVOICE_HEADER =
  '发票号码,所属期,开票日期,销方纳税人识别号,销方名称,购方纳税人识别号,购方名称,金额,税额,发票状态';
export const PAYMENT_HEADER = '纳税人识别号,所属期,税种,实缴金额,缴款日期';
export const WINERY = '91640100MA76A1B2CR';
export const NEW_MATERIALS = '91640200MA76D3E4F1';
export const WINERY_FULL_WIDTH = '９１６４０１００ＭＡ７６Ａ１Ｂ２ＣＲ';
export const WINERY_WRONG_CHECK = '91640100MA76A1B2CX';

/** Named rows of the 2025-05 invoice file (CSV lines). */
export const INVOICE_WINE_SALE = `25642000000000000101,2025-05,2025-05-06,${WINERY},宁夏贺兰山葡萄酒业有限公司,${NEW_MATERIALS},石嘴山市新材料科技有限公司,8800.00,1144.00,正常`;
export const INVOICE_FULL_WIDTH_SELLER = `25642000000000000102,2025-05,2025-05-07,${WINERY_FULL_WIDTH},宁夏贺兰山葡萄酒业有限公司,,个人,120.50,3.62,正常`;
export const INVOICE_RED_LETTER = `25642000000000000103,2025-05,2025-05-28,${WINERY},宁夏贺兰山葡萄酒业有限公司,${NEW_MATERIALS},石嘴山市新材料科技有限公司,-8800.00,-1144.00,红冲`;
export const INVOICE_BAD_USCC = `25642000000000000104,2025-05,2025-05-08,${WINERY_WRONG_CHECK},宁夏贺兰山葡萄酒业有限公司,,个人,10.00,0.30,正常`;
export const INVOICE_NEGATIVE_NORMAL = `25642000000000000105,2025-05,2025-05-09,${WINERY},宁夏贺兰山葡萄酒业有限公司,,个人,-10.00,-0.30,正常`;
export const INVOICE_UNKNOWN_STATUS = `25642000000000000106,2025-05,2025-05-10,${WINERY},宁夏贺兰山葡萄酒业有限公司,,个人,10.00,0.30,待定`;
export const INVOICE_WRONG_PERIOD = `25642000000000000107,2025-04,2025-04-30,${WINERY},宁夏贺兰山葡萄酒业有限公司,,个人,10.00,0.30,正常`;
export const INVOICE_THREE_DECIMALS = `25642000000000000108,2025-05,2025-05-11,${WINERY},宁夏贺兰山葡萄酒业有限公司,,个人,10.005,0.30,正常`;
/** 10^15 yuan = 10^17 fen: fits BIGINT, but its × 100 once overflowed DECIMAL(18) and failed the drop. */
export const INVOICE_HUGE_AMOUNT = `25642000000000000109,2025-05,2025-05-12,${WINERY},宁夏贺兰山葡萄酒业有限公司,,个人,1000000000000000.00,0.30,正常`;
export const PAYMENT_VAT = `${WINERY},2025-05,增值税,6400.00,2025-06-13`;
export const PAYMENT_NEGATIVE = `${NEW_MATERIALS},2025-05,增值税,-100.00,2025-06-13`;

export interface HandFile {
  readonly entity: 'vat_invoices' | 'tax_payments';
  readonly content: Buffer | string;
  readonly rows: number;
}

/** Writes a drop folder like the platform does (CSV files + manifest.json). */
export async function writeHandDrop(
  outbox: string,
  period: string,
  sequence: number,
  files: readonly HandFile[],
): Promise<string> {
  const dropDir = join(outbox, `${period}_${String(sequence).padStart(2, '0')}`);
  await mkdir(dropDir, { recursive: true });
  const entries = [];
  for (const file of files) {
    const name = `${file.entity}_${period.replace('-', '')}.csv`;
    const bytes =
      typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
    await writeFile(join(dropDir, name), bytes);
    entries.push({
      name,
      entity: file.entity,
      format: 'csv',
      rows: file.rows,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  const manifest = {
    exchange: 'sg-tax-monthly',
    period,
    sequence,
    generatedAt: '2025-06-05T02:00:00+08:00',
    encoding: 'UTF-8-BOM',
    files: entries,
  };
  await writeFile(join(dropDir, 'manifest.json'), JSON.stringify(manifest));
  return dropDir;
}

export function csv(header: string, rows: readonly string[]): string {
  return `${BOM}${[header, ...rows].join('\n')}\n`;
}

export async function simulatorDrop(outbox: string, period: string): Promise<string> {
  const stdout = await runSimulatorCli('tax', ['drop', '--period', period], {
    SG_SIM_TAX_WORLD_DIR: FIXTURE_WORLD,
    SG_SIM_TAX_OUTBOX_DIR: outbox,
  });
  return z.object({ dropDir: z.string() }).parse(JSON.parse(stdout)).dropDir;
}

export async function query(lake: Lake, sql: string): Promise<Record<string, unknown>[]> {
  return (await lake.connection.runAndReadAll(sql)).getRowObjectsJson();
}
