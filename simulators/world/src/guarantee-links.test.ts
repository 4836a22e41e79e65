/**
 * The dated guarantee patterns, checked against the RAW generated tables: the graph of guarantees
 * in force on a day (counter-guarantees in our book and credit-report 对外担保) reproduces each
 * planted chain, circle and 互保 inside its stated interval, and not just outside it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeCodeInput } from '@sg/domain';
import { generateWorld } from './generate-world.ts';
import { epochDayToIsoDate, isoDateToEpochDay } from './world-calendar.ts';

type Row = Record<string, unknown>;

const workDir = mkdtempSync(join(tmpdir(), 'sg-world-links-'));
const SEEDS = [640000, 7];

function rows(dir: string, file: string): Row[] {
  const content = readFileSync(join(dir, file), 'utf8');
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

interface RawEdge {
  readonly guarantor: string;
  readonly borrower: string;
  readonly contractNo: string;
  readonly from: string;
  readonly to: string;
  readonly source: 'counter_guarantee' | 'credit_report';
}

interface World {
  readonly patterns: Row[];
  readonly links: Row[];
  readonly decoys: Row[];
  readonly customers: Row[];
  readonly edges: RawEdge[];
}

/** Company guarantees as the raw business tables state them, keyed by subject key. */
function rawEdges(dir: string): RawEdge[] {
  const business = (table: string): Row[] => rows(dir, `sources/business/${table}.ndjson`);
  const keyOf = new Map(
    business('t_customer').map((c) => [
      str(c, 'customer_id'),
      normalizeCodeInput(typeof c['uscc'] === 'string' ? c['uscc'] : str(c, 'id_number')),
    ]),
  );
  const customerOfApplication = new Map(
    business('t_application').map((a) => [str(a, 'application_id'), str(a, 'customer_id')]),
  );
  const applicationOfProject = new Map(
    business('t_project').map((p) => [str(p, 'project_id'), str(p, 'application_id')]),
  );
  const borrowerOf = new Map(
    business('t_guarantee_contract').map((c) => [
      str(c, 'contract_no'),
      keyOf.get(
        customerOfApplication.get(applicationOfProject.get(str(c, 'project_id')) ?? '') ?? '',
      ) ?? '',
    ]),
  );
  const edges: RawEdge[] = [];
  for (const c of business('t_counter_guarantee')) {
    if (c['kind'] !== '保证' || typeof c['guarantor_uscc'] !== 'string') continue;
    edges.push({
      guarantor: normalizeCodeInput(c['guarantor_uscc']),
      borrower: borrowerOf.get(str(c, 'contract_no')) ?? '',
      contractNo: str(c, 'counter_contract_no'),
      from: str(c, 'valid_from'),
      to: str(c, 'valid_to'),
      source: 'counter_guarantee',
    });
  }
  for (const r of business('t_credit_report_guarantee')) {
    edges.push({
      guarantor: keyOf.get(str(r, 'customer_id')) ?? '',
      borrower: normalizeCodeInput(str(r, 'borrower_uscc')),
      contractNo: str(r, 'guarantee_contract_no'),
      from: str(r, 'start_date'),
      to: str(r, 'end_date'),
      source: 'credit_report',
    });
  }
  return edges;
}

function inForceOn(edges: readonly RawEdge[], day: string): Set<string> {
  return new Set(
    edges.filter((e) => e.from <= day && day <= e.to).map((e) => `${e.guarantor}>${e.borrower}`),
  );
}

/** The pairs a pattern needs: members[i+1] → members[i], and members[0] → last unless a chain. */
function neededPairs(pattern: Row): string[] {
  const members = pattern['members'] as string[];
  const pairs: string[] = [];
  for (let i = 0; i + 1 < members.length; i += 1) {
    pairs.push(`${members[i + 1] ?? ''}>${members[i] ?? ''}`);
  }
  if (pattern['kind'] !== 'guarantee_chain')
    pairs.push(`${members[0] ?? ''}>${members.at(-1) ?? ''}`);
  return pairs;
}

function shiftDay(day: string, days: number): string {
  return epochDayToIsoDate(isoDateToEpochDay(day) + days);
}

const GUARANTEE_KINDS = new Set(['mutual_guarantee', 'guarantee_chain', 'guarantee_circle']);
const worlds = new Map<number, World>();

beforeAll(async () => {
  for (const seed of SEEDS) {
    const dir = join(workDir, String(seed));
    await generateWorld({ size: 'tiny', seed, outDir: dir });
    worlds.set(seed, {
      patterns: rows(dir, 'ground-truth/patterns.ndjson').filter((p) =>
        GUARANTEE_KINDS.has(str(p, 'kind')),
      ),
      links: rows(dir, 'ground-truth/guarantee-links.ndjson'),
      decoys: rows(dir, 'ground-truth/decoys.ndjson'),
      customers: rows(dir, 'sources/business/t_customer.ndjson'),
      edges: rawEdges(dir),
    });
  }
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

function world(seed: number): World {
  const found = worlds.get(seed);
  if (found === undefined) throw new Error(`no world for seed ${String(seed)}`);
  return found;
}

describe.each(SEEDS)('dated guarantee patterns (tiny, seed %i)', (seed) => {
  it('reproduces every chain, circle and 互保 from the raw tables inside its interval, not outside', () => {
    const { patterns, edges } = world(seed);
    expect(patterns.length).toBeGreaterThanOrEqual(5);
    for (const pattern of patterns) {
      const from = str(pattern, 'in_force_from');
      const to = str(pattern, 'in_force_to');
      expect(from <= to).toBe(true);
      const complete = (day: string): boolean => {
        const live = inForceOn(edges, day);
        return neededPairs(pattern).every((pair) => live.has(pair));
      };
      const middle = shiftDay(
        from,
        Math.floor((isoDateToEpochDay(to) - isoDateToEpochDay(from)) / 2),
      );
      expect([from, middle, to].map(complete)).toEqual([true, true, true]);
      expect([shiftDay(from, -1), shiftDay(to, 1)].map(complete)).toEqual([false, false]);
    }
  });

  it('names each edge by a contract number and interval that the raw tables hold', () => {
    const { patterns, edges } = world(seed);
    const byContract = new Map(edges.map((e) => [e.contractNo, e]));
    for (const pattern of patterns) {
      const stated = pattern['edges'] as Row[];
      expect(stated.map((e) => `${str(e, 'guarantor')}>${str(e, 'borrower')}`)).toEqual(
        neededPairs(pattern),
      );
      for (const edge of stated) {
        expect(byContract.get(str(edge, 'contract_no'))).toMatchObject({
          guarantor: str(edge, 'guarantor'),
          borrower: str(edge, 'borrower'),
          from: str(edge, 'valid_from'),
          to: str(edge, 'valid_to'),
          source: str(edge, 'source'),
        });
      }
    }
  });

  it('plants overlapping and nested circles and passes patterns through credit-report guarantees', () => {
    const { patterns } = world(seed);
    const circles = patterns.filter((p) => p['kind'] === 'guarantee_circle');
    const members = circles.map((c) => new Set(c['members'] as string[]));
    const pairs = members.flatMap((a, i) => members.slice(i + 1).map((b) => [a, b] as const));
    const shared = (a: Set<string>, b: Set<string>): number =>
      [...a].filter((m) => b.has(m)).length;
    // Overlapping: some members in common, neither inside the other.
    expect(
      pairs.some(([a, b]) => shared(a, b) > 0 && shared(a, b) < Math.min(a.size, b.size)),
    ).toBe(true);
    // Nested: a smaller circle whose members all belong to a bigger one.
    expect(pairs.some(([a, b]) => shared(a, b) === Math.min(a.size, b.size))).toBe(true);
    const throughReports = patterns.filter((p) =>
      (p['edges'] as Row[]).some((e) => e['source'] === 'credit_report'),
    );
    expect(throughReports.length).toBeGreaterThan(0);
  });

  it('adds ordinary guarantees that form no pattern, some to firms outside the book', () => {
    const { patterns, links, edges } = world(seed);
    const inPatterns = new Set(patterns.flatMap((p) => p['members'] as string[]));
    const ordinary = links.filter((l) => (l['pattern_ids'] as string[]).length === 0);
    expect(ordinary.length).toBeGreaterThanOrEqual(2);
    const contractNos = new Set(edges.map((e) => e.contractNo));
    for (const link of ordinary) {
      expect(inPatterns.has(str(link, 'guarantor'))).toBe(false);
      expect(inPatterns.has(str(link, 'borrower'))).toBe(false);
      expect(contractNos.has(str(link, 'contract_no'))).toBe(true);
    }
    // Isolated: no firm takes part in two ordinary guarantees.
    const parties = ordinary.flatMap((l) => [str(l, 'guarantor'), str(l, 'borrower')]);
    expect(new Set(parties).size).toBe(parties.length);
  });

  it('plants decoys: unrelated firms sharing a park address or an accountant phone, no guarantees', () => {
    const { decoys, customers, edges } = world(seed);
    expect(new Set(decoys.map((d) => str(d, 'kind')))).toEqual(
      new Set(['industrial_park_address', 'accountant_phone']),
    );
    const linked = new Set(edges.flatMap((e) => [e.guarantor, e.borrower]));
    for (const decoy of decoys) {
      const members = decoy['members'] as string[];
      const rowsOf = customers.filter(
        (c) => typeof c['uscc'] === 'string' && members.includes(normalizeCodeInput(c['uscc'])),
      );
      const field = decoy['kind'] === 'industrial_park_address' ? 'address' : 'phone';
      const other = field === 'address' ? 'phone' : 'address';
      expect(rowsOf.filter((c) => c[field] === decoy['shared']).length).toBe(members.length);
      expect(new Set(rowsOf.map((c) => c[other])).size).toBeGreaterThan(1);
      for (const member of members) expect(linked.has(member)).toBe(false);
    }
  });
});
