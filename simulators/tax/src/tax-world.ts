/**
 * Loads a world's tax view (`<worldDir>/sources/tax/*.ndjson` + `<worldDir>/manifest.json`) into
 * lookups keyed by USCC for the query API. The monthly file exchange does not use this: it lets
 * DuckDB read the invoice and payment files directly (monthly-drop.ts), so large worlds never
 * pass through JS objects there.
 */
import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import {
  TAX_SOURCE_FILES,
  arrearsSchema,
  authorizationRecordSchema,
  creditGradeSchema,
  taxPaymentSchema,
  taxpayerSchema,
  vatInvoiceSchema,
} from './tax-records.ts';
import type {
  Arrears,
  AuthorizationRecord,
  CreditGrade,
  TaxPayment,
  Taxpayer,
  VatInvoice,
} from './tax-records.ts';

export interface TaxWorld {
  readonly asOf: string;
  readonly seed: number;
  readonly taxpayers: ReadonlyMap<string, Taxpayer>;
  readonly creditGrades: ReadonlyMap<string, readonly CreditGrade[]>;
  /** Invoices by seller and by buyer USCC (one invoice appears under both). */
  readonly invoicesIssued: ReadonlyMap<string, readonly VatInvoice[]>;
  readonly invoicesReceived: ReadonlyMap<string, readonly VatInvoice[]>;
  readonly taxPayments: ReadonlyMap<string, readonly TaxPayment[]>;
  readonly arrears: ReadonlyMap<string, readonly Arrears[]>;
  readonly authorizations: readonly AuthorizationRecord[];
  readonly counts: Readonly<Record<keyof typeof TAX_SOURCE_FILES, number>>;
}

const worldManifestSchema = z.object({ asOf: z.iso.date(), seed: z.int() });

export function taxSourceDir(worldDir: string): string {
  return join(worldDir, 'sources', 'tax');
}

async function* readNdjson<T>(path: string, schema: z.ZodType<T>): AsyncGenerator<T> {
  if (!existsSync(path)) return;
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo += 1;
    if (line.trim() === '') continue;
    const parsed = schema.safeParse(JSON.parse(line) as unknown);
    if (!parsed.success) {
      throw new Error(
        `${path}:${lineNo} does not match the world contract: ${parsed.error.message}`,
      );
    }
    yield parsed.data;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

export async function loadTaxWorld(worldDir: string): Promise<TaxWorld> {
  const manifest = worldManifestSchema.parse(
    JSON.parse(await readFile(join(worldDir, 'manifest.json'), 'utf8')) as unknown,
  );
  const dir = taxSourceDir(worldDir);
  const taxpayers = new Map<string, Taxpayer>();
  for await (const row of readNdjson(join(dir, TAX_SOURCE_FILES.taxpayers), taxpayerSchema)) {
    taxpayers.set(row.uscc, row);
  }
  const creditGrades = new Map<string, CreditGrade[]>();
  for await (const row of readNdjson(join(dir, TAX_SOURCE_FILES.creditGrades), creditGradeSchema))
    push(creditGrades, row.uscc, row);
  const invoicesIssued = new Map<string, VatInvoice[]>();
  const invoicesReceived = new Map<string, VatInvoice[]>();
  let invoiceCount = 0;
  for await (const row of readNdjson(join(dir, TAX_SOURCE_FILES.vatInvoices), vatInvoiceSchema)) {
    invoiceCount += 1;
    push(invoicesIssued, row.seller_uscc, row);
    if (row.buyer_uscc !== null) push(invoicesReceived, row.buyer_uscc, row);
  }
  const taxPayments = new Map<string, TaxPayment[]>();
  let paymentCount = 0;
  for await (const row of readNdjson(join(dir, TAX_SOURCE_FILES.taxPayments), taxPaymentSchema)) {
    paymentCount += 1;
    push(taxPayments, row.uscc, row);
  }
  const arrears = new Map<string, Arrears[]>();
  let arrearsCount = 0;
  for await (const row of readNdjson(join(dir, TAX_SOURCE_FILES.arrears), arrearsSchema)) {
    arrearsCount += 1;
    push(arrears, row.uscc, row);
  }
  const authorizations: AuthorizationRecord[] = [];
  for await (const row of readNdjson(
    join(dir, TAX_SOURCE_FILES.authorizations),
    authorizationRecordSchema,
  ))
    authorizations.push(row);
  let gradeCount = 0;
  for (const list of creditGrades.values()) gradeCount += list.length;
  return {
    asOf: manifest.asOf,
    seed: manifest.seed,
    taxpayers,
    creditGrades,
    invoicesIssued,
    invoicesReceived,
    taxPayments,
    arrears,
    authorizations,
    counts: {
      taxpayers: taxpayers.size,
      creditGrades: gradeCount,
      vatInvoices: invoiceCount,
      taxPayments: paymentCount,
      arrears: arrearsCount,
      authorizations: authorizations.length,
    },
  };
}
