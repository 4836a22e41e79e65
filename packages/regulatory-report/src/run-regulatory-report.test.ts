import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRepoRoot } from '@sg/runtime-env';
import { parseReportArgs, reportDbtArgs } from './report-request.ts';
import { runRegulatoryReport } from './run-regulatory-report.ts';

/**
 * The example ledger (models/examples/external-ledger), computed by hand at 2025-06-30, in 元:
 *
 * In force: G01 300万 + G02 200万 (C01 small: 500万 exactly → 75%), G03 300万 + G04 2,000,000.01
 * (C02 small: one fen over 500万 → 100%), G05 100万 − 10万 repaid = 90万, retained 60% = 54万 (C03
 * 个体户 = 微型 → 75%), G06 200万 (C04 farmer at 200万 → 75%), G07 150万 + G08 60万 (C06 farmer,
 * 210万 → 100%), G09 400万 − 100万 repaid = 300万 (medium → 100%), G10 bond AA 1000万 (80%), G11
 * bond AA- 500万 (100%), G12 housing 80万 (30%), G13 非融资 50万 (not weighted). G14 released on
 * 30 April, G15 compensated on 15 March: neither is in force.
 *
 * 融资担保责任余额 = 2,250,000 + 1,500,000 + 3,000,000 + 2,000,000.01 + 405,000 + 1,500,000
 *   + 1,500,000 + 600,000 + 3,000,000 + 8,000,000 + 5,000,000 + 240,000 = 28,995,000.01
 * 融资性在保余额 = 33,800,000.01; 在保余额 incl. 非融资 = 34,300,000.01
 * 净资产 100,000,000 − 股权投资 10,000,000 = 90,000,000
 * 放大倍数 = 28,995,000.01 / 90,000,000 = 0.3222; unweighted, book = 33,800,000.01 / 1e8 = 0.3380
 * Largest client C07: 8,000,000 / 90,000,000 = 8.89%; group G01 (C01 + C02): 3,750,000
 *   + 5,000,000.01 = 8,750,000.01 / 90,000,000 = 9.72%
 * 代偿 800,000, recovered 200,000, written off 100,000 → 代偿余额 500,000 (May: 600,000)
 * 解除担保 this year = G14 500,000 + G15's compensation 800,000 = 1,300,000
 *   → 代偿率 800,000 / 1,300,000 = 61.54%, 代偿损失率 12.50%, 代偿回收率 25.00%
 * Reserves 1,600,000 + 4,000,000 + 1,000,000 = 6,600,000 / 28,995,000.01 = 22.76%
 * Assets: base 150,000,000 − 500,000 = 149,500,000; 自用房产 19,500,000 ≤ 30% × 净资产 → Ⅱ
 *   Ⅰ 60,000,000 = 40.13%, Ⅰ+Ⅱ 119,500,000 = 79.93%, Ⅲ 30,000,000 = 20.07%,
 *   (净资产 + 1,600,000 + 4,000,000) / 150,000,000 = 70.40%
 * Fee caps: G03 1.2% > 1% (small client ≤ 500万) and G08 0.9% > 0.8% (agricultural) → 2
 * New financing this year: G01–G08 and G11 = 20,100,000.01, of which 支小支农 (all but G11)
 *   15,100,000.01 = 75.12%; clients ≤ 500万: C01 5,000,000, C03 1,000,000, C04 2,000,000,
 *   C06 2,100,000 = 10,100,000 / 15,100,000.01 = 66.89%
 */
interface ReportRow {
  month_end: string;
  line_no: string;
  line_code: string;
  unit: string;
  reported_value: number | null;
  value_exact: number | null;
}

const exampleLedger = join(findRepoRoot(), 'models', 'examples', 'external-ledger');
let outDir: string;
let report: ReportRow[];

function line(code: string, monthEnd = '2025-06-30'): ReportRow | undefined {
  return report.find((row) => row.line_code === code && row.month_end === monthEnd);
}

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'sg-regulatory-report-test-'));
  await runRegulatoryReport(parseReportArgs(['--ledger', exampleLedger, '--out', outDir]));
  report = JSON.parse(
    await readFile(join(outDir, 'regulatory_monthly_report.json'), 'utf8'),
  ) as ReportRow[];
}, 240_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('regulatory-report on the example external ledger', () => {
  it('reports 融资担保责任余额 and balances to the fen', () => {
    expect(line('liability')?.value_exact).toBe(2_899_500_001);
    expect(line('liability')).toMatchObject({ reported_value: 2899.5, unit: '万元' });
    expect(line('outstanding_financing')?.value_exact).toBe(3_380_000_001);
    expect(line('outstanding_total')?.value_exact).toBe(3_430_000_001);
    expect(line('outstanding_non_financing')?.value_exact).toBe(50_000_000);
  });

  it('reports leverage and concentration', () => {
    expect(line('leverage')?.value_exact).toBeCloseTo(28_995_000.01 / 90_000_000, 9);
    expect(line('leverage')?.reported_value).toBe(0.32);
    expect(line('leverage_unweighted_book')?.reported_value).toBe(0.34);
    expect(line('max_client_concentration')?.reported_value).toBe(8.89);
    expect(line('max_group_concentration')?.reported_value).toBe(9.72);
  });

  it('reports compensation, reserves, asset ratios, fee caps and policy shares', () => {
    expect(line('compensation_balance')?.value_exact).toBe(50_000_000);
    expect(line('compensation_balance', '2025-05-31')?.value_exact).toBe(60_000_000);
    expect(line('release_ytd')?.value_exact).toBe(130_000_000);
    expect(line('compensation_rate_ytd')?.reported_value).toBe(61.54);
    expect(line('compensation_loss_rate')?.reported_value).toBe(12.5);
    expect(line('recovery_rate')?.reported_value).toBe(25);
    expect(line('reserve_coverage')?.reported_value).toBe(22.76);
    expect(line('asset_class_1_ratio')?.reported_value).toBe(40.13);
    expect(line('asset_class_1_2_ratio')?.reported_value).toBe(79.93);
    expect(line('asset_class_3_ratio')?.reported_value).toBe(20.07);
    expect(line('net_assets_reserves_ratio')?.reported_value).toBe(70.4);
    expect(line('fee_cap_breaches_ytd')?.value_exact).toBe(2);
    expect(line('small_micro_agri_share')?.reported_value).toBe(75.12);
    expect(line('small_client_share')?.reported_value).toBe(66.89);
  });

  it('writes every table as CSV beside the JSON', async () => {
    const csv = await readFile(join(outDir, 'regulatory_monthly_report.csv'), 'utf8');
    expect(csv.split('\n')[0]).toContain('line_code');
    expect(csv).toContain('融资担保责任余额');
  });

  it('switches an [M] reading: book net assets as the leverage denominator', async () => {
    const bookOut = await mkdtemp(join(tmpdir(), 'sg-regulatory-report-book-'));
    try {
      await runRegulatoryReport(
        parseReportArgs([
          '--ledger',
          exampleLedger,
          '--out',
          bookOut,
          '--month-end',
          '2025-06-30',
          '--option',
          'leverage_net_assets=book_net_assets',
        ]),
      );
      const rows = JSON.parse(
        await readFile(join(bookOut, 'reg_company_indicators.json'), 'utf8'),
      ) as { month_end: string; leverage: number }[];
      // 28,995,000.01 / 100,000,000 = 0.2899500001, one month-end only.
      expect(rows.map((r) => r.month_end)).toEqual(['2025-06-30']);
      expect(rows[0]?.leverage).toBeCloseTo(0.2899500001, 9);
    } finally {
      await rm(bookOut, { recursive: true, force: true });
    }
  }, 240_000);
});

describe('parseReportArgs', () => {
  it('refuses a ledger path with a quote and a malformed option', () => {
    expect(() => parseReportArgs(['--ledger', "/tmp/a'b", '--out', '/tmp/o'])).toThrow(/单引号/);
    expect(() =>
      parseReportArgs(['--ledger', '/tmp/a', '--out', '/tmp/o', '--option', 'x']),
    ).toThrow(/代码=取值/);
  });

  it('selects only the regulatory models in csv mode', () => {
    const args = reportDbtArgs(parseReportArgs(['--ledger', '/tmp/l', '--out', '/tmp/o']));
    expect(args.slice(0, 4)).toEqual([
      'build',
      '--select',
      'path:seeds/regulatory',
      '+path:models/marts/regulatory',
    ]);
    expect(JSON.parse(args[5] ?? '{}')).toMatchObject({
      ledger_source: 'csv',
      ledger_dir: '/tmp/l',
    });
  });
});
