/**
 * The tax bureau's records as the world writes them (simulators/world/WORLD_SYSTEM.md,
 * `sources/tax/`): one zod schema per file. The simulator trusts the world's shape, so these are
 * checked once at load time; a file that does not match is a generator bug and fails loudly.
 */
import { z } from 'zod';

const isoDate = z.iso.date();
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** ISO-8601 with offset, e.g. 2025-03-01T10:00:00+08:00. */
const instant = z.string().refine((text) => !Number.isNaN(Date.parse(text)), {
  error: 'expected an ISO-8601 instant',
});

export const taxpayerSchema = z.object({
  uscc: z.string(),
  taxpayer_name: z.string(),
  taxpayer_type: z.string(),
  region_code: z.string(),
});
export type Taxpayer = z.output<typeof taxpayerSchema>;

export const CREDIT_GRADES = ['A', 'B', 'M', 'C', 'D'] as const;

export const creditGradeSchema = z.object({
  uscc: z.string(),
  year: z.int(),
  grade: z.string(),
});
export type CreditGrade = z.output<typeof creditGradeSchema>;

export const vatInvoiceSchema = z.object({
  invoice_no: z.string(),
  period,
  issue_date: isoDate,
  seller_uscc: z.string(),
  seller_name: z.string(),
  buyer_uscc: z.string().nullable(),
  buyer_name: z.string(),
  amount_fen: z.int(),
  tax_fen: z.int(),
  invoice_status: z.string(),
});
export type VatInvoice = z.output<typeof vatInvoiceSchema>;

export const taxPaymentSchema = z.object({
  uscc: z.string(),
  period,
  tax_type: z.string(),
  paid_fen: z.int(),
  paid_date: isoDate,
});
export type TaxPayment = z.output<typeof taxPaymentSchema>;

export const arrearsSchema = z.object({
  uscc: z.string(),
  tax_type: z.string(),
  arrears_fen: z.int(),
  since_date: isoDate,
});
export type Arrears = z.output<typeof arrearsSchema>;

export const authorizationRecordSchema = z.object({
  uscc: z.string(),
  authorized_at: instant,
  expires_at: instant,
  revoked_at: instant.nullable(),
});
export type AuthorizationRecord = z.output<typeof authorizationRecordSchema>;

/** The world's file names under sources/tax/, by record kind. */
export const TAX_SOURCE_FILES = {
  taxpayers: 'taxpayers.ndjson',
  creditGrades: 'credit_grades.ndjson',
  vatInvoices: 'vat_invoices.ndjson',
  taxPayments: 'tax_payments.ndjson',
  arrears: 'arrears.ndjson',
  authorizations: 'authorizations.ndjson',
} as const;
