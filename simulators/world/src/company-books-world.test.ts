// The company's books in a generated tiny world agree with the other sources of the same world:
// the fee income with the legacy system's 担保费, the compensations with t_compensation, and every
// month's balance sheet balances.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from './generate-world.ts';

type Row = Record<string, unknown>;

const dir = mkdtempSync(join(tmpdir(), 'sg-world-books-'));

function rows(file: string): Row[] {
  const text = readFileSync(join(dir, file), 'utf8');
  return text === ''
    ? []
    : text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Row);
}

function sumByMonth(
  list: readonly Row[],
  dateField: string,
  amountField: string,
): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of list) {
    const month = String(row[dateField]).slice(0, 7);
    sums.set(month, (sums.get(month) ?? 0) + Number(row[amountField]));
  }
  return sums;
}

beforeAll(async () => {
  await generateWorld({ size: 'tiny', outDir: dir });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the company books of the tiny world', () => {
  it('book each month’s 担保费收入 as the legacy system charged it (t_fee 担保费)', () => {
    const income = rows('sources/finance/income_statement_items.ndjson').filter(
      (r) => r['item_code'] === '6001',
    );
    const charged = sumByMonth(
      rows('sources/business/t_fee.ndjson').filter((r) => r['fee_type'] === '担保费'),
      'charged_at',
      'amount_fen',
    );
    expect(income.length).toBeGreaterThan(12);
    for (const month of income) {
      expect(month['month_fen'], String(month['period'])).toBe(
        charged.get(String(month['period'])) ?? 0,
      );
    }
  });

  it('book the compensations t_compensation holds, month by month', () => {
    const booked = rows('sources/finance/supplementary_items.ndjson').filter(
      (r) => r['item_code'] === 'BC06',
    );
    const paid = sumByMonth(
      rows('sources/business/t_compensation.ndjson'),
      'compensated_at',
      'amount_fen',
    );
    let cumulative = 0;
    for (const month of booked) {
      cumulative += paid.get(String(month['period'])) ?? 0;
      expect(month['amount_fen'], String(month['period'])).toBe(cumulative);
    }
  });

  it('balance every month: 资产总计 = 负债和所有者权益总计 = 负债合计 + 净资产', () => {
    const byPeriod = new Map<string, Map<string, number>>();
    for (const row of rows('sources/finance/balance_sheet_items.ndjson')) {
      const period = String(row['period']);
      const items = byPeriod.get(period) ?? new Map<string, number>();
      items.set(String(row['item_code']), Number(row['closing_fen']));
      byPeriod.set(period, items);
    }
    for (const [period, items] of byPeriod) {
      expect(items.get('ZC'), period).toBe(items.get('FZQY'));
      expect((items.get('FZ') ?? 0) + (items.get('QY') ?? 0), period).toBe(items.get('ZC'));
    }
  });
});
