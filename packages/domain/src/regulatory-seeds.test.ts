import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot } from '@sg/runtime-env';
import { NATIONAL_LIMITS, RISK_WEIGHTS } from './regulatory-parameters.ts';
import { regulatorySeedFiles } from './regulatory-seeds.ts';

const seedsDir = path.join(findRepoRoot(import.meta.dirname), 'models', 'seeds');

describe('regulatory dbt seeds', () => {
  it.each(Object.entries(regulatorySeedFiles()))(
    '%s matches the code table (npm run -w @sg/domain gen:seeds)',
    (file, expected) => {
      expect(readFileSync(path.join(seedsDir, file), 'utf8')).toBe(expected);
    },
  );

  it('holds the weights and inclusive thresholds of domain.md §2.2', () => {
    const weight = (c: string): string | undefined =>
      RISK_WEIGHTS.find((w) => w.weightClass === c)?.weight;
    expect([weight('loan_small_micro'), weight('loan_farmer'), weight('loan_housing')]).toEqual([
      '0.75',
      '0.75',
      '0.30',
    ]);
    expect([weight('loan_other'), weight('bond_aa'), weight('bond_other')]).toEqual([
      '1.00',
      '0.80',
      '1.00',
    ]);
    const limit = (c: string): { value: string; comparison: string } | undefined =>
      NATIONAL_LIMITS.find((l) => l.code === c);
    expect(limit('small_micro_client_threshold_fen')).toMatchObject({
      value: '500000000',
      comparison: 'le',
    });
    expect(limit('farmer_client_threshold_fen')).toMatchObject({
      value: '200000000',
      comparison: 'le',
    });
  });
});
