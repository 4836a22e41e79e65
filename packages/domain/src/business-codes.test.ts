import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot } from '@sg/runtime-env';
import { BUSINESS_CODES, businessCodesSeedCsv } from './business-codes.ts';

const seedFile = path.join(
  findRepoRoot(import.meta.dirname),
  'models',
  'seeds',
  'ref_business_codes.csv',
);

describe('business code table', () => {
  it('matches the committed dbt seed (npm run -w @sg/domain gen:seeds)', () => {
    expect(readFileSync(seedFile, 'utf8')).toBe(businessCodesSeedCsv());
  });

  it('decodes one way: no label repeats inside a dictionary', () => {
    for (const [dictType, entries] of Object.entries(BUSINESS_CODES)) {
      const labels = Object.values(entries);
      expect(new Set(labels).size, dictType).toBe(labels.length);
    }
  });

  it('quotes a label holding a comma so the seed keeps three columns', () => {
    const csv = businessCodesSeedCsv({
      post_check_finding: { PC03: '经营正常，按期还款', X: 'a,b' },
    });
    expect(csv.split('\n')).toEqual([
      'dict_type,code,label',
      'post_check_finding,PC03,经营正常，按期还款',
      'post_check_finding,X,"a,b"',
      '',
    ]);
  });
});
