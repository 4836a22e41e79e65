// Outcome statistics need more than the tiny world's few defaults: this file generates the demo
// world once (about 5–10 s) and reads only its small files.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from './generate-world.ts';

interface GroundTruthSubject {
  readonly key: string;
  readonly uscc: string | null;
  readonly is_customer: boolean;
  readonly defaulted: boolean;
  readonly default_date: string | null;
  readonly hidden: {
    readonly leverage: number;
    readonly management: number;
    readonly contagion: boolean;
  };
}

const outDir = mkdtempSync(join(tmpdir(), 'sg-world-outcomes-'));

function lines<T>(file: string): T[] {
  return readFileSync(join(outDir, file), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as T);
}

let customers: GroundTruthSubject[] = [];

beforeAll(async () => {
  await generateWorld({ size: 'demo', outDir });
  customers = lines<GroundTruthSubject>('ground-truth/subjects.ndjson').filter(
    (s) => s.is_customer,
  );
}, 120_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

describe('outcomes of the demo world', () => {
  it('has a plausible default rate among customers (1–8 %), some of it by contagion', () => {
    const rate = customers.filter((c) => c.defaulted).length / customers.length;
    expect(rate).toBeGreaterThan(0.01);
    expect(rate).toBeLessThan(0.08);
    expect(customers.some((c) => c.hidden.contagion)).toBe(true);
  });

  it('defaulters lean on the hidden causes: more leverage, weaker management', () => {
    const defaulters = customers.filter((c) => c.defaulted);
    const others = customers.filter((c) => !c.defaulted);
    expect(mean(defaulters.map((c) => c.hidden.leverage))).toBeGreaterThan(
      mean(others.map((c) => c.hidden.leverage)),
    );
    expect(mean(defaulters.map((c) => c.hidden.management))).toBeLessThan(
      mean(others.map((c) => c.hidden.management)),
    );
  });

  it.each([
    ['tax arrears', 'sources/tax/arrears.ndjson', 'uscc', () => true],
    [
      'abnormal operations',
      'sources/commerce/abnormal_operations.ndjson',
      'creditCode',
      () => true,
    ],
    [
      'a C or D tax grade',
      'sources/tax/credit_grades.ndjson',
      'uscc',
      (r) => r['grade'] === 'C' || r['grade'] === 'D',
    ],
  ] as const satisfies readonly (readonly [
    string,
    string,
    string,
    (row: Record<string, unknown>) => boolean,
  ])[])('%s predict default only partly', (_, file, field, counts) => {
    const flagged = new Set(
      lines<Record<string, unknown>>(file)
        .filter((r) => counts(r))
        .map((r) => r[field]),
    );
    const organisations = customers.filter((c) => c.uscc !== null);
    const share = (group: readonly GroundTruthSubject[]): number =>
      group.filter((c) => flagged.has(c.uscc)).length / group.length;
    const defaulters = organisations.filter((c) => c.defaulted);
    const others = organisations.filter((c) => !c.defaulted);
    expect(share(defaulters)).toBeGreaterThan(1.5 * share(others));
    expect(share(defaulters)).toBeLessThan(0.95);
  });

  it('compensations follow defaults: every compensated contract belongs to a defaulter', () => {
    const compensations = lines<{ contract_no: string }>('sources/business/t_compensation.ndjson');
    const defaulters = customers.filter((c) => c.defaulted).length;
    expect(compensations.length).toBeGreaterThan(0);
    expect(compensations.length).toBeLessThanOrEqual(defaulters);
  });
});
