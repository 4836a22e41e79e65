// The legacy business tables of the demo world obey the business rules (issue 11): approvals cut
// below requests, renewals linked to the customer's own earlier contract, purposes and channels
// that fit the applicant, repayment types by product, fees within their caps except the planted
// breaches, and an approval log that agrees with each project's decision.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from './generate-world.ts';
import { feeCapFor, PRODUCTS } from './guarantee-products.ts';

type Row = Record<string, unknown>;
const outDir = mkdtempSync(join(tmpdir(), 'sg-world-business-'));

function rows(file: string): Row[] {
  const text = readFileSync(join(outDir, file), 'utf8').trimEnd();
  return text === '' ? [] : text.split('\n').map((line) => JSON.parse(line) as Row);
}
function str(row: Row | undefined, field: string): string {
  const value = row?.[field];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
const num = (row: Row | undefined, field: string): number => Number(row?.[field] ?? NaN);

let applications: Row[] = [];
let projects: Row[] = [];
let contracts: Row[] = [];
let customers: Map<string, Row>;

beforeAll(async () => {
  await generateWorld({ size: 'demo', outDir });
  applications = rows('sources/business/t_application.ndjson');
  projects = rows('sources/business/t_project.ndjson');
  contracts = rows('sources/business/t_guarantee_contract.ndjson');
  customers = new Map(
    rows('sources/business/t_customer.ndjson').map((c) => [str(c, 'customer_id'), c]),
  );
}, 120_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe('legacy business tables of the demo world', () => {
  it('cuts about a third of approvals below the amount applied for, never above it', () => {
    const applied = new Map(applications.map((a) => [str(a, 'application_id'), a]));
    const approved = projects.filter((p) => p['approved_amount_fen'] !== null);
    const cut = approved.filter(
      (p) =>
        num(p, 'approved_amount_fen') < num(applied.get(str(p, 'application_id')), 'amount_fen'),
    );
    expect(
      approved.every(
        (p) =>
          num(p, 'approved_amount_fen') <= num(applied.get(str(p, 'application_id')), 'amount_fen'),
      ),
    ).toBe(true);
    expect(cut.length / approved.length).toBeGreaterThan(0.2);
    expect(cut.length / approved.length).toBeLessThan(0.5);
  });

  it('renews only an earlier contract of the same customer, through 老客户续贷', () => {
    const projectById = new Map(projects.map((p) => [str(p, 'project_id'), p]));
    const applicationById = new Map(applications.map((a) => [str(a, 'application_id'), a]));
    const customerOf = (contract: Row | undefined): string =>
      str(
        applicationById.get(str(projectById.get(str(contract, 'project_id')), 'application_id')),
        'customer_id',
      );
    const byNo = new Map(contracts.map((c) => [str(c, 'contract_no'), c]));
    const renewals = contracts.filter((c) => c['renews_contract_no'] !== null);
    expect(renewals.length).toBeGreaterThan(0);
    for (const renewal of renewals) {
      const renewed = byNo.get(str(renewal, 'renews_contract_no'));
      expect(customerOf(renewed)).toBe(customerOf(renewal));
      expect(str(renewed, 'start_date') < str(renewal, 'start_date')).toBe(true);
    }
    const renewingApplications = new Set(
      renewals.map((c) => str(projectById.get(str(c, 'project_id')), 'application_id')),
    );
    for (const project of projects) {
      const application = applicationById.get(str(project, 'application_id'));
      if (project['decision'] !== '同意' || str(application, 'channel') !== '老客户续贷') continue;
      expect(renewingApplications.has(str(application, 'application_id'))).toBe(true);
    }
    for (const id of renewingApplications) {
      expect(str(applicationById.get(id), 'channel')).toBe('老客户续贷');
    }
  });

  it('files 春耕备耕 and 养殖 purposes only for farm and agricultural applicants', () => {
    const farmPurposes = applications.filter((a) =>
      ['春耕备耕', '扩大养殖规模'].includes(str(a, 'purpose')),
    );
    expect(farmPurposes.length).toBeGreaterThan(0);
    for (const application of farmPurposes) {
      const customer = customers.get(str(application, 'customer_id'));
      const agricultural =
        ['农户', '农民专业合作社'].includes(str(customer, 'customer_type')) ||
        str(customer, 'industry_code').slice(0, 2) <= '05';
      expect(agricultural, str(application, 'application_id')).toBe(true);
    }
  });

  it('repays mostly interest-only with principal at maturity, some amortising', () => {
    const counts = new Map<string, number>();
    for (const c of contracts) {
      const type = str(c, 'repayment_type');
      counts.set(type, (counts.get(type) ?? 0) + 1);
    }
    const bullet =
      (counts.get('interest_monthly_bullet') ?? 0) + (counts.get('interest_quarterly_bullet') ?? 0);
    expect(bullet / contracts.length).toBeGreaterThan(0.5);
    expect(counts.get('equal_principal') ?? 0).toBeGreaterThan(0);
    expect(counts.get('equal_instalment') ?? 0).toBeGreaterThan(0);
  });

  it('keeps fees within their caps except the breaches planted in ground truth', () => {
    const breaches = new Set(
      rows('ground-truth/fee-breaches.ndjson').map((b) => str(b, 'contract_no')),
    );
    expect(breaches.size).toBeGreaterThan(0);
    const overCap = contracts.filter((c) => {
      const product = PRODUCTS.find((p) => p.code === str(c, 'product_code'));
      if (product === undefined)
        throw new Error(`contract without product ${str(c, 'contract_no')}`);
      const cap = feeCapFor(product, num(c, 'guaranteed_amount_fen'));
      return cap !== null && num(c, 'fee_rate_bp') > cap.capBp;
    });
    expect(new Set(overCap.map((c) => str(c, 'contract_no')))).toEqual(breaches);
  });

  it('shares the risk of each contract to 100%, notifies before compensating, writes off the rest', () => {
    const shares = new Map<string, number>();
    for (const share of rows('sources/business/t_risk_share.ndjson')) {
      const no = str(share, 'contract_no');
      shares.set(no, (shares.get(no) ?? 0) + num(share, 'share_pct'));
    }
    expect(shares.size).toBe(contracts.length);
    expect([...shares.values()].every((total) => total === 100)).toBe(true);
    const compensations = new Map(
      rows('sources/business/t_compensation.ndjson').map((c) => [str(c, 'compensation_id'), c]),
    );
    const claims = rows('sources/business/t_compensation_claim.ndjson');
    expect(claims).toHaveLength(compensations.size);
    for (const claim of claims) {
      const paid = compensations.get(str(claim, 'compensation_id'));
      expect(str(claim, 'notified_at') < str(paid, 'compensated_at')).toBe(true);
    }
    const recovered = new Map<string, number>();
    for (const r of rows('sources/business/t_recovery.ndjson')) {
      const key = str(r, 'compensation_id');
      recovered.set(key, (recovered.get(key) ?? 0) + num(r, 'amount_fen'));
    }
    const writeOffs = rows('sources/business/t_write_off.ndjson');
    expect(writeOffs.length).toBeGreaterThan(0);
    for (const w of writeOffs) {
      const key = str(w, 'compensation_id');
      expect(num(w, 'amount_fen')).toBe(
        num(compensations.get(key), 'amount_fen') - (recovered.get(key) ?? 0),
      );
    }
  });

  it('refunds a deposit only after a release, for the amount deposited', () => {
    const deposits = new Map(
      rows('sources/business/t_fee.ndjson')
        .filter((f) => f['fee_type'] === '保证金')
        .map((f) => [str(f, 'contract_no'), num(f, 'amount_fen')]),
    );
    const released = new Map(
      rows('sources/business/t_release.ndjson').map((r) => [str(r, 'contract_no'), r]),
    );
    const refunds = rows('sources/business/t_deposit_refund.ndjson');
    expect(refunds.length).toBeGreaterThan(0);
    for (const refund of refunds) {
      const no = str(refund, 'contract_no');
      expect(num(refund, 'amount_fen')).toBe(deposits.get(no));
      expect(str(released.get(no), 'released_at') < str(refund, 'refunded_at')).toBe(true);
    }
  });

  it('logs A角, B角, the committee and the approver in line with each decision', () => {
    const log = rows('sources/business/t_approval_log.ndjson');
    const byProject = new Map<string, Row[]>();
    for (const entry of log) {
      const list = byProject.get(str(entry, 'project_id')) ?? [];
      list.push(entry);
      byProject.set(str(entry, 'project_id'), list);
    }
    expect(byProject.size).toBe(projects.length);
    expect(log.some((e) => e['opinion'] === 'reconsider')).toBe(true);
    expect(log.some((e) => e['opinion'] === 'veto')).toBe(true);
    for (const project of projects) {
      const entries = byProject.get(str(project, 'project_id')) ?? [];
      const steps = new Set(entries.map((e) => str(e, 'step')));
      expect(steps.has('investigate_a') && steps.has('investigate_b')).toBe(true);
      const last = entries.filter((e) => e['step'] === 'committee_result').at(-1);
      const approved = project['decision'] === '同意';
      expect(last?.['opinion'] === 'agree').toBe(approved);
      expect(steps.has('approve')).toBe(approved);
      expect(entries.find((e) => e['step'] === 'investigate_a')?.['user_id']).toBe(
        project['officer_user_id'],
      );
    }
  });
});
