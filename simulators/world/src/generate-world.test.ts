import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidResidentId, isValidUscc, normalizeCodeInput } from '@sg/domain';
import { generateWorld } from './generate-world.ts';
import type { WorldManifest } from './generate-world.ts';
import { WORLD_FILES } from './world-files.ts';

type Row = Record<string, unknown>;

const workDir = mkdtempSync(join(tmpdir(), 'sg-world-test-'));
const first = join(workDir, 'first');
const second = join(workDir, 'second');
let manifest: WorldManifest;

function rows(file: string, dir = first): Row[] {
  const text = readFileSync(join(dir, file), 'utf8');
  return text === ''
    ? []
    : text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Row);
}

function text(row: Row, field: string): string {
  const value = row[field];
  if (typeof value !== 'string')
    throw new Error(`${field} is not a string: ${JSON.stringify(row)}`);
  return value;
}

function optionalText(row: Row, field: string): string | null {
  const value = row[field];
  return typeof value === 'string' ? value : null;
}

beforeAll(async () => {
  manifest = await generateWorld({ size: 'tiny', outDir: first });
  await generateWorld({ size: 'tiny', outDir: second });
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe('generateWorld (tiny)', () => {
  it('writes every contracted file and describes it in the manifest', () => {
    expect(Object.keys(manifest.files).sort()).toEqual([...WORLD_FILES].sort());
    expect(manifest).toMatchObject({ size: 'tiny', seed: 640000, asOf: '2025-06-30' });
  });

  it('is byte-identical for the same parameters', () => {
    const again = JSON.parse(readFileSync(join(second, 'manifest.json'), 'utf8')) as WorldManifest;
    expect(again.files).toEqual(manifest.files);
  });

  it('differs for another seed', async () => {
    const other = await generateWorld({ size: 'tiny', seed: 7, outDir: join(workDir, 'other') });
    for (const file of [
      'sources/commerce/enterprises.ndjson',
      'ground-truth/guarantee-links.ndjson',
      'ground-truth/decoys.ndjson',
      'sources/business/t_credit_report_guarantee.ndjson',
      'sources/business/t_related_party.ndjson',
    ]) {
      expect(other.files[file]?.sha256, file).not.toBe(manifest.files[file]?.sha256);
    }
  });

  it('reuses a complete world instead of regenerating it', async () => {
    const before = readFileSync(join(first, 'manifest.json'), 'utf8');
    const reused = await generateWorld({ size: 'tiny', outDir: first });
    expect(reused).toEqual(JSON.parse(before));
  });

  it.each(WORLD_FILES.map((file) => [file]))('manifest counts and hashes %s', (file) => {
    const content = readFileSync(join(first, file));
    const lines = content
      .toString('utf8')
      .split('\n')
      .filter((line) => line !== '').length;
    expect(manifest.files[file]).toEqual({
      rows: lines,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
  });

  it('gives every subject a valid USCC or synthetic resident ID and its legal representative one', () => {
    const subjects = rows('ground-truth/subjects.ndjson');
    expect(subjects).toHaveLength(200);
    for (const subject of subjects) {
      const uscc = optionalText(subject, 'uscc');
      if (uscc === null) expect(isValidResidentId(text(subject, 'id_number'))).toBe(true);
      else expect(isValidUscc(uscc)).toBe(true);
      expect(isValidResidentId(text(subject, 'legal_rep_id_number'))).toBe(true);
    }
    const kinds = new Set(subjects.map((s) => text(s, 'kind')));
    expect([...kinds].sort()).toEqual([
      'enterprise',
      'farmer',
      'farmer_cooperative',
      'individual_business',
    ]);
  });

  it('keeps codes valid in every source except the logged invalid_code perturbations', () => {
    const invalid = new Set(
      rows('ground-truth/perturbations.ndjson')
        .filter((p) => text(p, 'kind') === 'invalid_code')
        .map((p) => `${text(p, 'file')}:${text(p, 'key')}`),
    );
    for (const row of rows('sources/commerce/enterprises.ndjson')) {
      expect(isValidUscc(text(row, 'creditCode'))).toBe(true);
    }
    for (const row of rows('sources/tax/taxpayers.ndjson')) {
      expect(isValidUscc(text(row, 'uscc'))).toBe(true);
    }
    for (const row of rows('sources/business/t_counter_guarantee.ndjson')) {
      const uscc = optionalText(row, 'guarantor_uscc');
      const id = optionalText(row, 'guarantor_id_number');
      expect(uscc === null ? isValidResidentId(id ?? '') : isValidUscc(uscc)).toBe(true);
    }
    for (const row of rows('sources/bank/accounts.ndjson')) {
      const uscc = optionalText(row, 'holder_uscc');
      if (uscc === null) continue;
      expect(isValidUscc(uscc)).toBe(!invalid.has(`accounts:${text(row, 'account_no')}`));
    }
    for (const row of rows('sources/business/t_customer.ndjson')) {
      const uscc = optionalText(row, 'uscc');
      if (uscc === null) continue;
      expect(isValidUscc(uscc)).toBe(!invalid.has(`t_customer:${text(row, 'customer_id')}`));
    }
  });
});

describe('referential coherence across sources (tiny)', () => {
  it('every business customer with a USCC exists in commerce (after normalising, unless invalid)', () => {
    const commerce = new Set(
      rows('sources/commerce/enterprises.ndjson').map((r) => text(r, 'creditCode')),
    );
    const invalid = new Set(
      rows('ground-truth/perturbations.ndjson')
        .filter((p) => text(p, 'kind') === 'invalid_code' && text(p, 'file') === 't_customer')
        .map((p) => text(p, 'key')),
    );
    const customers = rows('sources/business/t_customer.ndjson');
    expect(customers.length).toBeGreaterThan(50);
    for (const customer of customers) {
      const uscc = optionalText(customer, 'uscc');
      if (uscc === null || invalid.has(text(customer, 'customer_id'))) continue;
      expect(commerce.has(normalizeCodeInput(uscc))).toBe(true);
    }
  });

  it('every guaranteed bank loan matches a guarantee contract, and every t_loan a bank loan', () => {
    const contracts = new Set(
      rows('sources/business/t_guarantee_contract.ndjson').map((r) => text(r, 'contract_no')),
    );
    const bankLoans = rows('sources/bank/loans.ndjson');
    const guaranteed = bankLoans.filter((l) => optionalText(l, 'guarantee_contract_no') !== null);
    expect(guaranteed.length).toBe(contracts.size);
    for (const loan of guaranteed) {
      expect(contracts.has(text(loan, 'guarantee_contract_no'))).toBe(true);
    }
    const bankLoanNos = new Set(bankLoans.map((l) => text(l, 'loan_no')));
    for (const loan of rows('sources/business/t_loan.ndjson')) {
      expect(bankLoanNos.has(text(loan, 'bank_loan_no'))).toBe(true);
    }
  });

  it('tax, bank and commerce keys are subjects; invoice buyers too', () => {
    const keys = new Set(rows('ground-truth/subjects.ndjson').map((s) => text(s, 'key')));
    for (const row of rows('sources/tax/taxpayers.ndjson'))
      expect(keys.has(text(row, 'uscc'))).toBe(true);
    for (const row of rows('sources/tax/vat_invoices.ndjson')) {
      const buyer = optionalText(row, 'buyer_uscc');
      if (buyer !== null) expect(keys.has(buyer)).toBe(true);
    }
    for (const row of rows('sources/bank/loans.ndjson')) {
      const key = optionalText(row, 'borrower_uscc') ?? text(row, 'borrower_id_number');
      expect(keys.has(key)).toBe(true);
    }
  });

  it('every transaction belongs to an account, balances follow the amounts', () => {
    const accounts = new Set(
      rows('sources/bank/accounts.ndjson').map((a) => text(a, 'account_no')),
    );
    const balance = new Map<string, number>();
    for (const txn of rows('sources/bank/transactions.ndjson')) {
      const account = text(txn, 'account_no');
      expect(accounts.has(account)).toBe(true);
      const amount = Number(txn['amount_fen']);
      const after = Number(txn['balance_fen']);
      const before = balance.get(account);
      if (before !== undefined) {
        expect(after).toBe(before + (txn['direction'] === '贷' ? amount : -amount));
      }
      balance.set(account, after);
    }
  });

  it('a customer holds one guarantee at a time: renewals start after the previous one ends', () => {
    const applicationCustomer = new Map(
      rows('sources/business/t_application.ndjson').map((a) => [
        text(a, 'application_id'),
        text(a, 'customer_id'),
      ]),
    );
    const projectCustomer = new Map(
      rows('sources/business/t_project.ndjson').map((p) => [
        text(p, 'project_id'),
        applicationCustomer.get(text(p, 'application_id')),
      ]),
    );
    const lastEnd = new Map<string, string>();
    const contracts = rows('sources/business/t_guarantee_contract.ndjson');
    expect(contracts.length).toBeGreaterThan(50);
    for (const contract of contracts) {
      const customer = projectCustomer.get(text(contract, 'project_id'));
      expect(customer).toBeDefined();
      const previousEnd = lastEnd.get(customer ?? '');
      if (previousEnd !== undefined) expect(text(contract, 'start_date') > previousEnd).toBe(true);
      lastEnd.set(customer ?? '', text(contract, 'end_date'));
    }
  });

  it('closed organisations (注销/吊销) stop invoicing after the day commerce recorded', () => {
    const closedOn = new Map(
      rows('sources/commerce/changes.ndjson')
        .filter((c) => c['changeItem'] === '登记状态变更')
        .map((c) => [text(c, 'creditCode'), text(c, 'changeDate')]),
    );
    const closed = rows('sources/commerce/enterprises.ndjson').filter((e) =>
      ['注销', '吊销'].includes(text(e, 'regStatus')),
    );
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.map((e) => closedOn.has(text(e, 'creditCode')))).not.toContain(false);
    for (const invoice of rows('sources/tax/vat_invoices.ndjson')) {
      const day = closedOn.get(text(invoice, 'seller_uscc'));
      if (day !== undefined) expect(text(invoice, 'issue_date') <= day).toBe(true);
    }
  });
});

describe('planted patterns (tiny)', () => {
  it('plants every kind, and the person and ring links are present in the business tables', () => {
    const patterns = rows('ground-truth/patterns.ndjson');
    expect(new Set(patterns.map((p) => text(p, 'kind'))).size).toBe(6);
    // borrower key → guarantor keys, through customer → application → project → contract.
    const customerKey = new Map(
      rows('sources/business/t_customer.ndjson').map((c) => [
        text(c, 'customer_id'),
        normalizeCodeInput(optionalText(c, 'uscc') ?? text(c, 'id_number')),
      ]),
    );
    const applicationCustomer = new Map(
      rows('sources/business/t_application.ndjson').map((a) => [
        text(a, 'application_id'),
        text(a, 'customer_id'),
      ]),
    );
    const projectApplication = new Map(
      rows('sources/business/t_project.ndjson').map((p) => [
        text(p, 'project_id'),
        text(p, 'application_id'),
      ]),
    );
    const contractBorrower = new Map(
      rows('sources/business/t_guarantee_contract.ndjson').map((c) => [
        text(c, 'contract_no'),
        customerKey.get(
          applicationCustomer.get(projectApplication.get(text(c, 'project_id')) ?? '') ?? '',
        ),
      ]),
    );
    const guarantorsOf = new Map<string, Set<string>>();
    for (const counter of rows('sources/business/t_counter_guarantee.ndjson')) {
      if (counter['kind'] !== '保证') continue;
      const borrower = contractBorrower.get(text(counter, 'contract_no'));
      if (borrower === undefined) continue;
      const set = guarantorsOf.get(borrower) ?? new Set<string>();
      set.add(optionalText(counter, 'guarantor_uscc') ?? text(counter, 'guarantor_id_number'));
      guarantorsOf.set(borrower, set);
    }
    const guarantees = (guarantor: string, borrower: string): boolean =>
      guarantorsOf.get(borrower)?.has(guarantor) ?? false;

    for (const pattern of patterns) {
      const members = pattern['members'] as string[];
      expect(members.length).toBeGreaterThanOrEqual(2);
      switch (pattern['kind']) {
        case 'mutual_guarantee':
        case 'guarantee_circle':
        case 'guarantee_chain': {
          // Dated links, partly through credit reports: guarantee-links.test.ts checks them.
          expect(pattern['edges']).toHaveLength(
            pattern['kind'] === 'guarantee_chain' ? members.length - 1 : members.length,
          );
          break;
        }
        case 'one_person_many_loans':
        case 'one_person_many_guarantees': {
          const [person, ...borrowers] = members;
          expect(isValidResidentId(person ?? '')).toBe(true);
          for (const borrower of borrowers) expect(guarantees(person ?? '', borrower)).toBe(true);
          break;
        }
        default: {
          const addresses = new Set(
            rows('sources/business/t_customer.ndjson')
              .filter((c) =>
                members.includes(
                  normalizeCodeInput(optionalText(c, 'uscc') ?? text(c, 'id_number')),
                ),
              )
              .map((c) => text(c, 'address')),
          );
          expect(addresses.size).toBe(1);
        }
      }
    }
  });

  it('keeps pattern ground truth out of every source', () => {
    for (const file of WORLD_FILES.filter((f) => f.startsWith('sources/'))) {
      const content = readFileSync(join(first, file), 'utf8');
      expect(content).not.toMatch(/pattern_id|guarantee_circle|intermediary_ring/);
    }
  });
});
