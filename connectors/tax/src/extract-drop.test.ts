/**
 * Checking the files of a drop: row checks in SQL (quarantine with reasons), refused files (wrong
 * encoding, checksum, missing manifest) and schema drift, landed into a real DuckLake.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOfflineInstance } from '@sg/duckdb-instance';
import { isValidUscc, normalizeCodeInput } from '@sg/domain';
import { openLake } from '@sg/lake';
import type { Lake } from '@sg/lake';
import { createTestLake } from '@sg/lake/testing';
import type { TestLake } from '@sg/lake/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { normalizedCodeSql, usccMacroSql } from './drop-sql.ts';
import { landTaxDrop } from './land-drop.ts';
import { TaxFileError } from './tax-file-error.ts';
import {
  INVOICE_BAD_USCC,
  INVOICE_FULL_WIDTH_SELLER,
  INVOICE_HEADER,
  INVOICE_HUGE_AMOUNT,
  INVOICE_NEGATIVE_NORMAL,
  INVOICE_RED_LETTER,
  INVOICE_THREE_DECIMALS,
  INVOICE_UNKNOWN_STATUS,
  INVOICE_WINE_SALE,
  INVOICE_WRONG_PERIOD,
  NEW_MATERIALS,
  PAYMENT_HEADER,
  PAYMENT_NEGATIVE,
  PAYMENT_VAT,
  WINERY,
  WINERY_WRONG_CHECK,
  csv,
  query,
  writeHandDrop,
} from './testing/drop-fixtures.ts';

let testLake: TestLake;
let lake: Lake;
let outbox: string;

beforeEach(async () => {
  testLake = await createTestLake('sqlite');
  lake = await openLake(testLake.config);
  outbox = await mkdtemp(join(tmpdir(), 'sg-tax-outbox-'));
});

afterEach(async () => {
  lake.close();
  await testLake.dispose();
  await rm(outbox, { recursive: true, force: true });
});

describe('row checks in SQL', () => {
  it('quarantines bad rows with reasons and lands the rest; nothing is dropped silently', async () => {
    const rows = [
      INVOICE_WINE_SALE,
      INVOICE_FULL_WIDTH_SELLER,
      INVOICE_RED_LETTER,
      INVOICE_BAD_USCC,
      INVOICE_NEGATIVE_NORMAL,
      INVOICE_UNKNOWN_STATUS,
      INVOICE_WRONG_PERIOD,
      INVOICE_THREE_DECIMALS,
      INVOICE_HUGE_AMOUNT,
      INVOICE_WINE_SALE, // duplicate
    ];
    const dropDir = await writeHandDrop(outbox, '2025-05', 1, [
      { entity: 'vat_invoices', content: csv(INVOICE_HEADER, rows), rows: rows.length },
      {
        entity: 'tax_payments',
        content: csv(PAYMENT_HEADER, [PAYMENT_VAT, PAYMENT_NEGATIVE]),
        rows: 2,
      },
    ]);
    const result = await landTaxDrop(lake, dropDir);
    const [invoices, payments] = result.entities;
    expect(invoices?.landing).toMatchObject({ rowCount: 4, quarantinedCount: 6 });
    expect(payments?.landing).toMatchObject({ rowCount: 1, quarantinedCount: 1 });
    const reasons = await query(
      lake,
      `select reason_code, count(*)::integer as n from lake.raw_tax.vat_invoices__quarantine group by 1 order by 1`,
    );
    expect(reasons).toEqual([
      { reason_code: 'amount_invalid', n: 1 },
      { reason_code: 'amount_negative', n: 1 },
      { reason_code: 'duplicate_record', n: 1 },
      { reason_code: 'period_mismatch', n: 1 },
      { reason_code: 'status_unknown', n: 1 },
      { reason_code: 'uscc_invalid', n: 1 },
    ]);
    const huge = await query(
      lake,
      `select amount_fen::varchar as fen from lake.raw_tax.vat_invoices where invoice_no = '25642000000000000109'`,
    );
    expect(huge).toEqual([{ fen: '100000000000000000' }]);
    const paymentReasons = await query(
      lake,
      `select reason_code, reason from lake.raw_tax.tax_payments__quarantine`,
    );
    expect(paymentReasons).toEqual([{ reason_code: 'amount_negative', reason: '实缴金额为负数' }]);
    const normalised = await query(
      lake,
      `select seller_uscc from lake.raw_tax.vat_invoices where invoice_no = '25642000000000000102'`,
    );
    expect(normalised).toEqual([{ seller_uscc: WINERY }]);
  });

  it('the SQL code normalisation agrees with @sg/domain (full-width, lower case, ASCII)', async () => {
    const cases = [
      '９１６４０１００ＭＡ７６Ａ１Ｂ２ＣＲ',
      '91640100ma76a1b2cr',
      '91640100MA76A1B2CR',
      '９1640100ｍA76',
    ];
    const instance = await createOfflineInstance();
    const connection = await instance.connect();
    const values = cases.map((c) => `('${c}')`).join(', ');
    const rows = (
      await connection.runAndReadAll(
        `select ${normalizedCodeSql('u')} as code from (values ${values}) t(u)`,
      )
    ).getRowObjectsJson();
    instance.closeSync();
    expect(rows.map((row) => row['code'])).toEqual(cases.map((c) => normalizeCodeInput(c)));
  });

  it('the SQL USCC check agrees with @sg/domain', async () => {
    const cases = [
      WINERY,
      NEW_MATERIALS,
      WINERY_WRONG_CHECK,
      '91640100MA76A1B2C',
      '91640100MA76A1B2CRX',
      '91640100MA76A1B2CI',
      '916401OOMA76A1B2CR',
      '92640300MA76G5H6J5',
    ];
    const instance = await createOfflineInstance();
    const connection = await instance.connect();
    await connection.run(usccMacroSql());
    const values = cases.map((c) => `('${c}')`).join(', ');
    const rows = (
      await connection.runAndReadAll(
        `select u, sg_uscc_valid(${normalizedCodeSql('u')}) as ok from (values ${values}) t(u)`,
      )
    ).getRowObjectsJson();
    instance.closeSync();
    expect(rows.map((row) => [row['u'], row['ok']])).toEqual(cases.map((c) => [c, isValidUscc(c)]));
  });
});

describe('refused files', () => {
  it('refuses a GBK file with a clear message and lands nothing', async () => {
    const gbk = Buffer.concat([
      Buffer.from([0xc4, 0xc9, 0xcb, 0xb0, 0xc8, 0xcb]), // 纳税人 in GBK
      Buffer.from(`识别号,所属期,税种,实缴金额,缴款日期\n${PAYMENT_VAT}\n`, 'latin1'),
    ]);
    const dropDir = await writeHandDrop(outbox, '2025-05', 1, [
      { entity: 'vat_invoices', content: csv(INVOICE_HEADER, [INVOICE_WINE_SALE]), rows: 1 },
      { entity: 'tax_payments', content: gbk, rows: 1 },
    ]);
    const error = await landTaxDrop(lake, dropDir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TaxFileError);
    expect(error).toMatchObject({ kind: 'encoding' });
    expect((error as Error).message).toMatch(/不是 UTF-8 编码/);
    const landed = await query(
      lake,
      `select count(*)::integer as n from duckdb_tables() where database_name = 'lake' and schema_name = 'raw_tax'`,
    );
    expect(landed).toEqual([{ n: 0 }]);
  });

  it('refuses a file whose checksum differs from the manifest', async () => {
    const dropDir = await writeHandDrop(outbox, '2025-05', 1, [
      { entity: 'tax_payments', content: csv(PAYMENT_HEADER, [PAYMENT_VAT]), rows: 1 },
    ]);
    await writeFile(
      join(dropDir, 'tax_payments_202505.csv'),
      csv(PAYMENT_HEADER, [PAYMENT_VAT, PAYMENT_VAT]),
    );
    await expect(landTaxDrop(lake, dropDir)).rejects.toMatchObject({ kind: 'checksum_mismatch' });
  });
});

describe('schema drift', () => {
  it('reports a new column and a retyped column, lands what it can', async () => {
    const header = `${PAYMENT_HEADER},滞纳金`;
    const rows = [
      `${WINERY},2025-05,增值税,6400.00,2025-06-13,0.00`,
      `${NEW_MATERIALS},2025-05,增值税,1234元,2025-06-14,12.00`,
      `${NEW_MATERIALS},2025-05,附加税,100元,2025-06-14,0.00`,
    ];
    const dropDir = await writeHandDrop(outbox, '2025-05', 1, [
      { entity: 'tax_payments', content: csv(header, rows), rows: rows.length },
    ]);
    const [payments] = (await landTaxDrop(lake, dropDir)).entities;
    expect(payments?.drift.map((notice) => [notice.kind, notice.column])).toEqual([
      ['new_column', '滞纳金'],
      ['retyped_column', '实缴金额'],
    ]);
    expect(payments?.landing).toMatchObject({ rowCount: 1, quarantinedCount: 2 });
  });
});

describe('lake with no drop yet', () => {
  let empty: string;
  beforeAll(async () => {
    empty = await mkdtemp(join(tmpdir(), 'sg-tax-empty-'));
  });
  afterAll(async () => {
    await rm(empty, { recursive: true, force: true });
  });
  it('a folder without manifest.json is refused', async () => {
    await expect(landTaxDrop(lake, empty)).rejects.toMatchObject({ kind: 'manifest_invalid' });
  });
});
