import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { createOfflineInstance } from '@sg/duckdb-instance';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BankFileError } from './bank-errors.ts';
import { columnLetter, detectFile, splitCsvHeader } from './detect-layout.ts';
import { loadBankFileExtensions } from './extract.ts';
import { LAYOUT_B_CSV_GBK, STATEMENT_LAYOUTS } from './layout-registry.ts';
import type { DropManifest } from './schemas.ts';
import { simulateDrops, statementFile } from './testing/simulated-drops.ts';

let dir: string;
let manifests: DropManifest[];
let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sg-bank-detect-'));
  manifests = await simulateDrops(join(dir, 'inbox'));
  instance = await createOfflineInstance();
  connection = await instance.connect();
  await loadBankFileExtensions(connection);
});
afterAll(async () => {
  connection.closeSync();
  instance.closeSync();
  await rm(dir, { recursive: true, force: true });
});

function dropFile(bankCode: string, file?: string): string {
  const manifest = manifests.find((m) => m.bankCode === bankCode);
  if (manifest === undefined) throw new Error(bankCode);
  return join(dir, 'inbox', manifest.dropId, file ?? statementFile(manifest));
}

async function errorOf(promise: Promise<unknown>): Promise<BankFileError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof BankFileError))
    throw new Error(`expected a BankFileError, got ${String(error)}`);
  return error;
}

describe('detectFile recognises files by content', () => {
  it.each([
    { name: 'UTF-8 CSV statement', bank: 'NXBANK', file: undefined, expected: 'layout_a_csv_utf8' },
    { name: 'GBK CSV statement', bank: 'HHRCB', file: undefined, expected: 'layout_b_csv_gbk' },
    {
      name: 'titled XLSX statement',
      bank: 'SZSBANK',
      file: undefined,
      expected: 'layout_c_xlsx_titled',
    },
    { name: 'account list', bank: 'NXBANK', file: 'accounts.csv', expected: 'accounts' },
    { name: 'loan book', bank: 'NXBANK', file: 'loans.csv', expected: 'loans' },
    { name: 'schedules', bank: 'NXBANK', file: 'loan_schedules.csv', expected: 'loan_schedules' },
    { name: 'repayments', bank: 'NXBANK', file: 'repayments.csv', expected: 'repayments' },
  ])('$name → $expected', async ({ bank, file, expected }) => {
    const detected = await detectFile(connection, dropFile(bank, file), STATEMENT_LAYOUTS);
    expect(detected.kind === 'statement' ? detected.layout.id : detected.entity).toBe(expected);
  });

  it('finds the header row and the account below the titles of an XLSX statement', async () => {
    const detected = await detectFile(connection, dropFile('SZSBANK'), STATEMENT_LAYOUTS);
    expect(detected).toMatchObject({ kind: 'statement', headerRow: 4, lastColumn: 'G' });
    expect(detected.kind === 'statement' && detected.titleLines[1]).toContain(
      '账号：62304801000104',
    );
  });

  it('does not care about the file name', async () => {
    const renamed = join(dir, 'accounts.csv');
    await writeFile(renamed, await readFile(dropFile('HHRCB')));
    const detected = await detectFile(connection, renamed, STATEMENT_LAYOUTS);
    expect(detected.kind === 'statement' && detected.layout.id).toBe('layout_b_csv_gbk');
  });
});

describe('detectFile refuses what it would misread', () => {
  it('a UTF-8 layout re-saved in GBK', async () => {
    const text = await readFile(dropFile('NXBANK'), 'utf8');
    const path = join(dir, 'a-in-gbk.csv');
    await writeFile(path, iconv.encode(text, 'gbk'));
    const error = await errorOf(detectFile(connection, path, STATEMENT_LAYOUTS));
    expect(error.kind).toBe('wrong_encoding');
    expect(error.message).toContain('layout_a_csv_utf8');
  });

  it('a GBK layout re-saved as UTF-8 (reading it as GBK would land mojibake)', async () => {
    const text = iconv.decode(await readFile(dropFile('HHRCB')), 'gb18030');
    const path = join(dir, 'b-in-utf8.csv');
    await writeFile(path, text, 'utf8');
    const error = await errorOf(detectFile(connection, path, STATEMENT_LAYOUTS));
    expect(error.kind).toBe('wrong_encoding');
    expect(error.message).toMatch(/乱码/);
  });

  it('a GBK file when the registry declares the layout as UTF-8', async () => {
    const declaredUtf8 = { ...LAYOUT_B_CSV_GBK, encoding: 'utf-8' as const };
    const error = await errorOf(detectFile(connection, dropFile('HHRCB'), [declaredUtf8]));
    expect(error.kind).toBe('wrong_encoding');
    expect(error.message).toMatch(/无法解码/);
  });

  it('a CSV with headers no layout knows', async () => {
    const path = join(dir, 'unknown.csv');
    await writeFile(path, 'Datum,Betrag,Saldo\n2025-01-01,1.00,2.00\n');
    const error = await errorOf(detectFile(connection, path, STATEMENT_LAYOUTS));
    expect(error.kind).toBe('unknown_layout');
    expect(error.message).toContain('Datum，Betrag，Saldo');
  });
});

describe('helpers', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['"Dr/Cr", "Amount" ,"say ""hi"", ok"', ['Dr/Cr', 'Amount', 'say "hi", ok']],
  ])('splitCsvHeader(%s)', (line, cells) => {
    expect(splitCsvHeader(line)).toEqual(cells);
  });

  it.each([
    [0, 'A'],
    [6, 'G'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
  ])('columnLetter(%i) = %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});
