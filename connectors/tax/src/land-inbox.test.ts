import { describe, expect, it } from 'vitest';
import { planTaxDrops } from './land-inbox.ts';
import type { TaxDropFolder } from './land-inbox.ts';

const drop = (name: string): TaxDropFolder => {
  const [period = '', sequence = '1'] = name.split('_');
  return { drop: name, period, sequence: Number(sequence) };
};

describe('planTaxDrops', () => {
  it.each([
    {
      name: 'ONE_DROP_PER_PERIOD',
      drops: ['2025-05_01', '2025-04_01'],
      toLand: ['2025-04_01', '2025-05_01'],
      superseded: [],
    },
    {
      name: 'CORRECTION_REPLACES_ITS_MONTH',
      drops: ['2025-04_01', '2025-05_01', '2025-04_02'],
      toLand: ['2025-04_02', '2025-05_01'],
      superseded: ['2025-04_01'],
    },
    { name: 'EMPTY_INBOX', drops: [], toLand: [], superseded: [] },
  ])(
    '$name: lands the latest sequence of each period, in period order',
    ({ drops, toLand, superseded }) => {
      const plan = planTaxDrops(drops.map(drop));
      expect(plan.toLand.map((d) => d.drop)).toEqual(toLand);
      expect(plan.superseded).toEqual(superseded);
    },
  );
});
