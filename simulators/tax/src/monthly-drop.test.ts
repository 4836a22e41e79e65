import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOfflineInstance } from '@sg/duckdb-instance';
import { UTF8_BOM, writeMonthlyDrop } from './monthly-drop.ts';

const FIXTURE_WORLD = join(import.meta.dirname, 'fixtures', 'tiny-tax-world');
let outbox: string;

beforeEach(async () => {
  outbox = await mkdtemp(join(tmpdir(), 'sg-sim-tax-'));
});
afterEach(async () => {
  await rm(outbox, { recursive: true, force: true });
});

describe('writeMonthlyDrop', () => {
  it('writes CSV (UTF-8 with BOM) and XLSX of the period with a manifest; same world → same bytes', async () => {
    const first = await writeMonthlyDrop({
      worldDir: FIXTURE_WORLD,
      outboxDir: join(outbox, 'a'),
      period: '2025-04',
    });
    const second = await writeMonthlyDrop({
      worldDir: FIXTURE_WORLD,
      outboxDir: join(outbox, 'b'),
      period: '2025-04',
    });
    expect(first.dropDir.endsWith('2025-04_01')).toBe(true);
    expect(first.manifest.files.map((file) => [file.name, file.rows])).toEqual([
      ['vat_invoices_202504.csv', 3],
      ['vat_invoices_202504.xlsx', 3],
      ['tax_payments_202504.csv', 4],
      ['tax_payments_202504.xlsx', 4],
    ]);
    expect(second.manifest).toEqual(first.manifest);
    const csv = await readFile(join(first.dropDir, 'tax_payments_202504.csv'), 'utf8');
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.split('\n')[1]).toBe('91640100MA76A1B2CR,2025-04,增值税,8815.93,2025-05-15');
  });

  it('the XLSX holds the same rows as the CSV', async () => {
    const { dropDir } = await writeMonthlyDrop({
      worldDir: FIXTURE_WORLD,
      outboxDir: outbox,
      period: '2025-05',
      sequence: 2,
    });
    expect(dropDir.endsWith('2025-05_02')).toBe(true);
    const instance = await createOfflineInstance();
    const connection = await instance.connect();
    await connection.run('load excel');
    const read = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson();
    const fromCsv = await read(
      `select "发票号码", "开票日期", "金额"::decimal(18,2)::varchar as amount from read_csv('${join(dropDir, 'vat_invoices_202505.csv')}', header = true, all_varchar = true) order by 1`,
    );
    const fromXlsx = await read(
      `select "发票号码", "开票日期", "金额"::decimal(18,2)::varchar as amount from read_xlsx('${join(dropDir, 'vat_invoices_202505.xlsx')}', header = true, all_varchar = true) order by 1`,
    );
    instance.closeSync();
    expect(fromCsv).toHaveLength(3);
    expect(fromXlsx).toEqual(fromCsv);
  });

  it('rejects a period that is not yyyy-MM', async () => {
    await expect(
      writeMonthlyDrop({ worldDir: FIXTURE_WORLD, outboxDir: outbox, period: '2025-13' }),
    ).rejects.toThrow(/yyyy-MM/);
  });
});
