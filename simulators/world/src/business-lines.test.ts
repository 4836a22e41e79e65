/**
 * The legacy tables added for credit lines, related parties, 保证期间 / 保函 and the text-coded
 * columns, checked on a generated tiny world's raw files.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from './generate-world.ts';
import { TEXT_CODE_COLUMNS } from './legacy-text-codes.ts';

type Row = Record<string, unknown>;

const workDir = mkdtempSync(join(tmpdir(), 'sg-world-lines-'));

function table(name: string): Row[] {
  const content = readFileSync(join(workDir, 'sources/business', `${name}.ndjson`), 'utf8');
  return content === ''
    ? []
    : content
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Row);
}

function str(row: Row, field: string): string {
  const value = row[field];
  if (typeof value !== 'string') throw new Error(`${field} is not a string`);
  return value;
}

function num(row: Row, field: string): number {
  const value = row[field];
  if (typeof value !== 'number') throw new Error(`${field} is not a number`);
  return value;
}

beforeAll(async () => {
  await generateWorld({ size: 'tiny', outDir: workDir });
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

/** contract_no → customer_id through project and application. */
function customerOfContract(): Map<string, string> {
  const customerOfApplication = new Map(
    table('t_application').map((a) => [str(a, 'application_id'), str(a, 'customer_id')]),
  );
  const applicationOfProject = new Map(
    table('t_project').map((p) => [str(p, 'project_id'), str(p, 'application_id')]),
  );
  return new Map(
    table('t_guarantee_contract').map((c) => [
      str(c, 'contract_no'),
      customerOfApplication.get(applicationOfProject.get(str(c, 'project_id')) ?? '') ?? '',
    ]),
  );
}

describe('legacy business tables (tiny)', () => {
  it('decodes every value of a text-coded column through sys_dict', () => {
    const dict = table('sys_dict');
    for (const [tableName, column, dictType, stored] of TEXT_CODE_COLUMNS) {
      const known = new Set(
        dict.filter((d) => d['dict_type'] === dictType).map((d) => str(d, stored)),
      );
      expect(known.size, dictType).toBeGreaterThan(0);
      for (const row of table(tableName)) {
        const value = row[column];
        if (value === null) continue;
        expect(known, `${tableName}.${column}`).toContain(value);
      }
    }
  });

  it('states each bank line used amount as the guarantees in force with that bank', () => {
    const contracts = table('t_guarantee_contract');
    const lines = table('t_bank_credit_line');
    expect(new Set(lines.map((l) => str(l, 'partner_id'))).size).toBe(3);
    for (const line of lines) {
      const day = str(line, 'updated_at').slice(0, 10);
      const inForce = contracts
        .filter(
          (c) =>
            c['partner_id'] === line['partner_id'] &&
            str(c, 'start_date') <= day &&
            day <= str(c, 'end_date'),
        )
        .reduce((sum, c) => sum + num(c, 'guaranteed_amount_fen'), 0);
      expect(num(line, 'used_amount_fen')).toBe(inForce);
      expect(num(line, 'used_amount_fen')).toBeLessThanOrEqual(num(line, 'line_amount_fen'));
    }
  });

  it('draws contracts under their own customer line, inside its term and amount', () => {
    const lines = new Map(table('t_customer_credit_line').map((l) => [str(l, 'line_id'), l]));
    const owner = customerOfContract();
    const drawn = table('t_guarantee_contract').filter((c) => c['credit_line_id'] !== null);
    expect(drawn.length).toBeGreaterThan(lines.size);
    for (const contract of drawn) {
      const line = lines.get(str(contract, 'credit_line_id'));
      expect(line).toBeDefined();
      if (line === undefined) continue;
      expect(owner.get(str(contract, 'contract_no'))).toBe(line['customer_id']);
      expect(str(line, 'start_date') <= str(contract, 'start_date')).toBe(true);
      expect(str(contract, 'start_date') <= str(line, 'end_date')).toBe(true);
      expect(num(contract, 'guaranteed_amount_fen')).toBeLessThanOrEqual(
        num(line, 'line_amount_fen'),
      );
    }
  });

  it('links each renewal to an earlier contract of the same customer that ended before it', () => {
    const contracts = new Map(table('t_guarantee_contract').map((c) => [str(c, 'contract_no'), c]));
    const owner = customerOfContract();
    const renewals = [...contracts.values()].filter((c) => c['renews_contract_no'] !== null);
    expect(renewals.length).toBeGreaterThan(0);
    for (const renewal of renewals) {
      const renewed = contracts.get(str(renewal, 'renews_contract_no'));
      expect(renewed).toBeDefined();
      expect(owner.get(str(renewal, 'renews_contract_no'))).toBe(
        owner.get(str(renewal, 'contract_no')),
      );
      expect(str(renewed ?? {}, 'end_date') <= str(renewal, 'start_date')).toBe(true);
    }
  });

  it('gives every contract a 保证期间 ending 2 or 3 years after the debt falls due', () => {
    for (const contract of table('t_guarantee_contract')) {
      const years =
        Number(str(contract, 'guarantee_period_end').slice(0, 4)) -
        Number(str(contract, 'end_date').slice(0, 4));
      expect(str(contract, 'guarantee_period')).toContain(years === 2 ? '两年' : '三年');
      expect([2, 3]).toContain(years);
    }
  });

  it('records an actual controller for each organisation and groups under one controller', () => {
    const customers = new Map(table('t_customer').map((c) => [str(c, 'customer_id'), c]));
    const parties = table('t_related_party');
    const controllers = parties.filter((p) => p['relation_type'] === '实际控制人');
    const organisations = [...customers.values()].filter((c) =>
      ['企业', '农民专业合作社'].includes(str(c, 'customer_type')),
    );
    expect(new Set(controllers.map((p) => str(p, 'customer_id')))).toEqual(
      new Set(organisations.map((c) => str(c, 'customer_id'))),
    );
    const controllerOf = new Map(
      controllers.map((p) => [str(p, 'customer_id'), str(p, 'party_id_number')]),
    );
    const idOfUscc = new Map(
      [...customers.values()]
        .filter((c) => typeof c['uscc'] === 'string')
        .map((c) => [str(c, 'uscc'), str(c, 'customer_id')]),
    );
    const groupRows = parties.filter((p) => p['relation_type'] === '同一控制人关联企业');
    expect(groupRows.length).toBeGreaterThan(0);
    for (const row of groupRows) {
      const other = idOfUscc.get(str(row, 'party_uscc')) ?? '';
      expect(controllerOf.get(other)).toBe(controllerOf.get(str(row, 'customer_id')));
    }
  });
});
