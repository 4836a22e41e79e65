/**
 * Every file of a world (WORLD_SYSTEM.md, "Layout"), opened together and written as subjects are
 * generated; closing them yields the manifest's per-file row counts and sha256.
 */
import { join } from 'node:path';
import { NdjsonFileWriter } from './ndjson-file-writer.ts';
import type { WrittenFile } from './ndjson-file-writer.ts';

export const WORLD_FILES = [
  'ground-truth/subjects.ndjson',
  'ground-truth/patterns.ndjson',
  'ground-truth/perturbations.ndjson',
  'ground-truth/fee-breaches.ndjson',
  'ground-truth/guarantee-links.ndjson',
  'ground-truth/decoys.ndjson',
  'sources/commerce/enterprises.ndjson',
  'sources/commerce/shareholders.ndjson',
  'sources/commerce/executives.ndjson',
  'sources/commerce/changes.ndjson',
  'sources/commerce/penalties.ndjson',
  'sources/commerce/abnormal_operations.ndjson',
  'sources/commerce/court_cases.ndjson',
  'sources/commerce/enforcements.ndjson',
  'sources/commerce/annual_reports.ndjson',
  'sources/tax/taxpayers.ndjson',
  'sources/tax/credit_grades.ndjson',
  'sources/tax/vat_invoices.ndjson',
  'sources/tax/tax_payments.ndjson',
  'sources/tax/arrears.ndjson',
  'sources/tax/authorizations.ndjson',
  'sources/bank/banks.ndjson',
  'sources/bank/accounts.ndjson',
  'sources/bank/transactions.ndjson',
  'sources/bank/loans.ndjson',
  'sources/bank/loan_schedules.ndjson',
  'sources/bank/repayments.ndjson',
  'sources/business/t_bank_partner.ndjson',
  'sources/business/sys_dict.ndjson',
  'sources/business/sys_org_unit.ndjson',
  'sources/business/sys_user.ndjson',
  'sources/business/t_product.ndjson',
  'sources/business/t_approval_log.ndjson',
  'sources/business/t_customer.ndjson',
  'sources/business/t_application.ndjson',
  'sources/business/t_project.ndjson',
  'sources/business/t_guarantee_contract.ndjson',
  'sources/business/t_counter_guarantee.ndjson',
  'sources/business/t_fee.ndjson',
  'sources/business/t_loan.ndjson',
  'sources/business/t_repayment.ndjson',
  'sources/business/t_post_check.ndjson',
  'sources/business/t_risk_class.ndjson',
  'sources/business/t_compensation.ndjson',
  'sources/business/t_recovery.ndjson',
  'sources/business/t_release.ndjson',
  'sources/business/t_risk_share.ndjson',
  'sources/business/t_collateral_registration.ndjson',
  'sources/business/t_compensation_claim.ndjson',
  'sources/business/t_write_off.ndjson',
  'sources/business/t_deposit_refund.ndjson',
  'sources/business/t_credit_report_guarantee.ndjson',
  'sources/business/t_bank_credit_line.ndjson',
  'sources/business/t_customer_credit_line.ndjson',
  'sources/business/t_related_party.ndjson',
  'sources/finance/balance_sheet_items.ndjson',
  'sources/finance/income_statement_items.ndjson',
  'sources/finance/supplementary_items.ndjson',
] as const;
export type WorldFile = (typeof WORLD_FILES)[number];

export class WorldFiles {
  readonly #writers: ReadonlyMap<WorldFile, NdjsonFileWriter>;

  constructor(outDir: string) {
    this.#writers = new Map(
      WORLD_FILES.map((file) => [file, new NdjsonFileWriter(join(outDir, file))]),
    );
  }

  write(file: WorldFile, row: object): void {
    const writer = this.#writers.get(file);
    if (writer === undefined) throw new Error(`unknown world file ${file}`);
    writer.write(row);
  }

  /** Waits for every file that asked for backpressure. */
  async settle(): Promise<void> {
    for (const writer of this.#writers.values()) await writer.settle();
  }

  async close(): Promise<Record<string, WrittenFile>> {
    const files: Record<string, WrittenFile> = {};
    for (const [file, writer] of this.#writers) files[file] = await writer.close();
    return files;
  }
}
