// A month-end workbook made by hand the way the finance system lays it out (title rows, merged
// two-level header, section headings, blank lines, a signature line), with the defects the
// connector must quarantine or refuse.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractWorkbook } from './extract.ts';
import { FinanceFileError } from './finance-errors.ts';

type Line = readonly (string | number | null)[];

/** A balanced sheet: assets 1,000.00 + 500.00 = liabilities 300.00 + equity 1,200.00. */
const BALANCE_LINES: readonly Line[] = [
  [null, '资产'],
  ['1002', '银行存款', 'Ⅰ级', 1000, 900],
  ['1231', '应收代偿款', null, 500, 400],
  ['ZC', '资产总计', null, 1500, 1300],
  [],
  [null, '负债'],
  ['2711', '未到期责任准备金', null, 300, 100],
  ['FZ', '负债合计', null, 300, 100],
  [],
  [null, '所有者权益'],
  ['4001', '实收资本', null, 1200, 1200],
  ['QY', '所有者权益（净资产）合计', null, 1200, 1200],
  ['FZQY', '负债和所有者权益总计', null, 1500, 1300],
];

async function writeWorkbook(file: string, balanceLines: readonly Line[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const balance = workbook.addWorksheet('资产负债表');
  balance.addRow(['资产负债表']);
  balance.mergeCells('A1:E1');
  balance.addRow(['编制单位：测试融资担保有限公司', null, '2025年06月30日', null, '单位：元']);
  balance.addRow(['科目编码', '项目', '资产级别', '金额']);
  balance.addRow([null, null, null, '期末余额', '年初余额']);
  balance.mergeCells('A3:A4');
  balance.mergeCells('D3:E3');
  for (const line of balanceLines) balance.addRow([...line]);
  balance.addRow([]);
  balance.addRow(['单位负责人：', null, '会计机构负责人：']);
  const income = workbook.addWorksheet('利润表');
  income.addRow(['利润表']);
  income.addRow(['科目编码', '项目', '本月数', '本年累计数']);
  income.addRow(['6001', '担保费收入', '1,200.00', 7200]);
  income.addRow(['JLR', '净利润', '(35.50)', '-']);
  const supplementary = workbook.addWorksheet('补充资料');
  supplementary.addRow(['补充资料']);
  supplementary.addRow(['编码', '项目', '单位', '本期数']);
  supplementary.addRow(['BC01', '期末在保余额', '元', 5000]);
  supplementary.addRow(['BC02', '期末在保笔数', '笔', '见附表']);
  supplementary.addRow(['BC02', '期末在保笔数', '笔', 12]);
  supplementary.addRow(['BC02', '期末在保笔数（重复）', '笔', 13]);
  supplementary.addRow(['bc 03', '小写编码', '元', 1]);
  await workbook.xlsx.writeFile(file);
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sg-finance-extract-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('extractWorkbook', () => {
  it('reads the lines below a merged two-level header, skipping headings, blanks and signatures', async () => {
    const file = path.join(dir, 'clean.xlsx');
    await writeWorkbook(file, BALANCE_LINES);
    const extract = await extractWorkbook(file);
    const balance = extract.balance_sheet_items;
    expect(balance.quarantined).toEqual([]);
    expect(balance.records.map((r) => r['item_code'])).toEqual([
      '1002',
      '1231',
      'ZC',
      '2711',
      'FZ',
      '4001',
      'QY',
      'FZQY',
    ]);
    expect(balance.records[0]).toMatchObject({
      item_name: '银行存款',
      section: 'asset',
      asset_class: 'I',
      is_total: false,
      closing_fen: 100_000,
      year_opening_fen: 90_000,
    });
    expect(balance.records.find((r) => r['item_code'] === 'QY')).toMatchObject({
      section: 'equity',
      is_total: true,
      closing_fen: 120_000,
    });
    // 3 section headings, 2 blank lines between sections, the blank line and signature below.
    expect(balance.skippedRows).toBe(7);
    expect(extract.income_statement_items.records).toEqual([
      expect.objectContaining({ item_code: '6001', month_fen: 120_000, year_to_date_fen: 720_000 }),
      expect.objectContaining({
        item_code: 'JLR',
        is_total: true,
        month_fen: -3_550,
        year_to_date_fen: 0,
      }),
    ]);
  });

  it('quarantines a text amount, a repeated code and a malformed code with their reasons', async () => {
    const file = path.join(dir, 'supplementary.xlsx');
    await writeWorkbook(file, BALANCE_LINES);
    const { supplementary_items: sheet } = await extractWorkbook(file);
    expect(sheet.records.map((r) => [r['item_code'], r['count'] ?? r['amount_fen']])).toEqual([
      ['BC01', 500_000],
      ['BC02', 12],
    ]);
    expect(sheet.quarantined.map((q) => q.reasonCode)).toEqual([
      'invalid_count',
      'duplicate_item_code',
      'invalid_line',
    ]);
    expect(sheet.quarantined[0]?.reason).toContain('见附表');
  });

  it('quarantines a subtotal row without an account code; the totals still verify', async () => {
    const file = path.join(dir, 'subtotal.xlsx');
    const lines = [...BALANCE_LINES];
    lines.splice(3, 0, [null, '流动资产小计', null, 1500, 1300]);
    await writeWorkbook(file, lines);
    const { balance_sheet_items: sheet } = await extractWorkbook(file);
    expect(sheet.records).toHaveLength(8);
    expect(sheet.quarantined).toHaveLength(1);
    expect(sheet.quarantined[0]).toMatchObject({ reasonCode: 'subtotal_row' });
    expect(sheet.quarantined[0]?.reason).toContain('流动资产小计');
  });

  it('refuses a balance sheet that does not add up', async () => {
    const file = path.join(dir, 'unbalanced.xlsx');
    const lines = BALANCE_LINES.map((line) =>
      line[0] === '1002' ? ['1002', '银行存款', 'Ⅰ级', 1000.01, 900] : line,
    );
    await writeWorkbook(file, lines);
    const refusal = extractWorkbook(file);
    await expect(refusal).rejects.toBeInstanceOf(FinanceFileError);
    await expect(refusal).rejects.toMatchObject({ kind: 'totals_mismatch', retryable: false });
  });

  it('refuses a workbook without the balance sheet, or with a header it does not know', async () => {
    const missing = path.join(dir, 'missing.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['科目编码', '项目']);
    await workbook.xlsx.writeFile(missing);
    await expect(extractWorkbook(missing)).rejects.toMatchObject({ kind: 'missing_sheet' });
    const renamed = path.join(dir, 'renamed.xlsx');
    const other = new ExcelJS.Workbook();
    other.addWorksheet('资产负债表').addRow(['代码', '项目', '资产级别', '期末数', '年初数']);
    await other.xlsx.writeFile(renamed);
    await expect(extractWorkbook(renamed)).rejects.toMatchObject({ kind: 'missing_header' });
  });
});
