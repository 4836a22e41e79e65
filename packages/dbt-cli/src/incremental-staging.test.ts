import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landRecords, openLake } from '@sg/lake';
import type { ColumnSpec, Lake } from '@sg/lake';
import { createTestLake, writeNdjson } from '@sg/lake/testing';
import type { RawRecord, TestLake } from '@sg/lake/testing';
import { runDbt } from './run-dbt.ts';
import { createTestDbtProject } from './testing/test-dbt-project.ts';

// The incremental staging of large facts (models/macros/incremental_latest_landing.sql): after a
// second landing, an incremental build must equal a full refresh, under the latest-landing rule.
const VAT_INVOICE_COLUMNS: ColumnSpec[] = [
  { name: 'invoice_no', type: 'VARCHAR', required: true },
  { name: 'period', type: 'VARCHAR', required: true },
  { name: 'issue_date', type: 'DATE', required: false },
  { name: 'seller_uscc', type: 'VARCHAR', required: false },
  { name: 'seller_name', type: 'VARCHAR', required: false },
  { name: 'buyer_uscc', type: 'VARCHAR', required: false },
  { name: 'buyer_name', type: 'VARCHAR', required: false },
  { name: 'amount_fen', type: 'BIGINT', required: false },
  { name: 'tax_fen', type: 'BIGINT', required: false },
  { name: 'invoice_status', type: 'VARCHAR', required: false },
  { name: 'source_file', type: 'VARCHAR', required: false },
  { name: 'source_row', type: 'INTEGER', required: false },
];

function invoice(invoiceNo: string, period: string, amountFen: number): RawRecord {
  return {
    invoice_no: invoiceNo,
    period,
    issue_date: `${period}-15`,
    seller_uscc: '91640104MA76Q1W21E',
    seller_name: '宁夏塞上面粉有限公司',
    buyer_uscc: '91640202MA76S3Y45P',
    buyer_name: '石嘴山星河软件科技有限公司',
    amount_fen: amountFen,
    tax_fen: Math.round(amountFen * 0.13),
    invoice_status: '正常',
    source_file: `${period}.csv`,
    source_row: 1,
  };
}

const MODEL = 'stg_tax__vat_invoices';
const INVOICES_SQL = `select invoice_no, tax_period, amount_fen from lake.staging.${MODEL} order by invoice_no`;

describe('incremental stg_tax__vat_invoices on a sqlite catalog', () => {
  let testLake: TestLake;
  let lake: Lake;
  let projectDir: string;
  let files = 0;

  async function land(window: string, records: RawRecord[]): Promise<void> {
    files += 1;
    const ndjsonPath = await writeNdjson(join(testLake.dir, `invoices-${files}.ndjson`), records);
    await landRecords(lake, {
      source: 'tax',
      entity: 'vat_invoices',
      window,
      columns: VAT_INVOICE_COLUMNS,
      ndjsonPath,
      quarantined: [],
    });
  }

  async function invoices(): Promise<Record<string, unknown>[]> {
    return (await lake.connection.runAndReadAll(INVOICES_SQL)).getRowObjectsJson();
  }

  beforeAll(async () => {
    testLake = await createTestLake('sqlite');
    lake = await openLake(testLake.config);
    projectDir = await createTestDbtProject(testLake.dir);
  });

  afterAll(async () => {
    lake.close();
    await testLake.dispose();
  });

  it('a second landing rebuilt incrementally equals a full refresh', async () => {
    await land('2025-05', [
      invoice('A', '2025-05', 100),
      invoice('B', '2025-05', 200),
      invoice('C', '2025-05', 300),
    ]);
    const first = await runDbt(['run', '--select', MODEL], {
      lakeConfig: testLake.config,
      projectDir,
    });
    expect(first.success).toBe(true);
    expect(await invoices()).toHaveLength(3);

    // A later window repeats B (corrected) and adds D; 2025-05 is landed again without C.
    await land('2025-06', [invoice('B', '2025-06', 250), invoice('D', '2025-06', 400)]);
    await land('2025-05', [invoice('A', '2025-05', 110), invoice('B', '2025-05', 200)]);
    await runDbt(['run', '--select', MODEL], { lakeConfig: testLake.config, projectDir });
    const incremental = await invoices();

    expect(incremental).toEqual([
      { invoice_no: 'A', tax_period: '2025-05', amount_fen: '110' },
      { invoice_no: 'B', tax_period: '2025-06', amount_fen: '250' },
      { invoice_no: 'D', tax_period: '2025-06', amount_fen: '400' },
    ]);
    await runDbt(['run', '--full-refresh', '--select', MODEL], {
      lakeConfig: testLake.config,
      projectDir,
    });
    expect(await invoices()).toEqual(incremental);
  }, 120_000);
});
