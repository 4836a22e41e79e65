// A sixth source for tests, defined the way a connector defines one: the guarantee company's
// finance system (the next real source), reduced to a few vouchers it lands through @sg/lake. Its
// settings come from the environment like any source's.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { landRecords } from '@sg/lake';
import type { ColumnSpec } from '@sg/lake';
import type { SourceDefinition } from '@sg/source-contract';

export interface FinanceTestConfig {
  /** Vouchers the finance system holds (`SG_TEST_FINANCE_VOUCHERS`, default 3). */
  readonly voucherCount: number;
}

const VOUCHER_COLUMNS: readonly ColumnSpec[] = [
  { name: 'voucher_no', type: 'VARCHAR', required: true, description: '凭证号' },
  { name: 'amount_fen', type: 'BIGINT', required: true, description: '金额（分）' },
];

export const financeTestSource: SourceDefinition<FinanceTestConfig> = {
  name: 'finance',
  title: '财务系统（测试）',
  partitioning: 'window',
  rawTables: [
    {
      entity: 'vouchers',
      title: '财务凭证（测试数据源原始落地）',
      description: 'One row per accounting voucher per landing window (test source).',
      columns: VOUCHER_COLUMNS,
    },
  ],
  configFromEnvironment: ({ env }) => ({
    voucherCount: Number(env['SG_TEST_FINANCE_VOUCHERS'] ?? '3'),
  }),
  async land(lake, { voucherCount }, { window }) {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-finance-test-'));
    try {
      const ndjsonPath = path.join(dir, 'vouchers.ndjson');
      const vouchers = Array.from({ length: voucherCount }, (_, i) => ({
        voucher_no: `V${window}-${String(i + 1).padStart(3, '0')}`,
        amount_fen: (i + 1) * 10_000,
      }));
      await writeFile(ndjsonPath, vouchers.map((v) => `${JSON.stringify(v)}\n`).join(''));
      const result = await landRecords(lake, {
        source: 'finance',
        entity: 'vouchers',
        window,
        columns: [...VOUCHER_COLUMNS],
        ndjsonPath,
        quarantined: [],
      });
      return {
        landings: [{ entity: 'vouchers', window, result }],
        details: { voucherCount },
        note: `${String(voucherCount)} 张凭证`,
        refused: null,
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
