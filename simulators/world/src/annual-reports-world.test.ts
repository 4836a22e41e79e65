import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from './generate-world.ts';

const outDir = mkdtempSync(join(tmpdir(), 'sg-world-annual-'));

function lines(file: string): Record<string, unknown>[] {
  return readFileSync(join(outDir, file), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

let reports: Record<string, unknown>[];
let logged: Record<string, unknown>[];
let enterprises: Set<unknown>;

beforeAll(async () => {
  await generateWorld({ size: 'tiny', outDir });
  reports = lines('sources/commerce/annual_reports.ndjson');
  logged = lines('ground-truth/perturbations.ndjson').filter((p) => p['file'] === 'annual_reports');
  enterprises = new Set(lines('sources/commerce/enterprises.ndjson').map((e) => e['creditCode']));
}, 60_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe('the tiny world’s 企业年报 (sources/commerce/annual_reports.ndjson)', () => {
  it('belong to commerce enterprises, one row per enterprise and year', () => {
    expect(reports.length).toBeGreaterThan(enterprises.size);
    const keys = reports.map((r) => `${String(r['creditCode'])}/${String(r['reportYear'])}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of reports) expect(enterprises.has(r['creditCode'])).toBe(true);
  });

  it('logs every late filing, and late means after 30 June of the next year', () => {
    const late = new Set(logged.filter((p) => p['kind'] === 'late_filing').map((p) => p['key']));
    expect(late.size).toBeGreaterThan(0);
    for (const r of reports) {
      const key = `${String(r['creditCode'])}/${String(r['reportYear'])}`;
      const deadline = `${String(Number(r['reportYear']) + 1)}-06-30`;
      expect(String(r['reportDate']) > deadline).toBe(late.has(key));
    }
  });

  it('has missing years, private 个体户 figures and flagged bad values in the ground truth', () => {
    const kinds = new Set(logged.map((p) => p['kind']));
    expect(kinds).toContain('missing_year');
    expect(kinds).toContain('zero_value');
    expect(
      reports.some((r) => r['disclosure'] === '企业选择不公示' && r['employeeCount'] === null),
    ).toBe(true);
    expect(reports.some((r) => r['submitMethod'] === '纸质申报')).toBe(true);
  });
});
