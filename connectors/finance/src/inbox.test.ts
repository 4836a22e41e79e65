import { describe, expect, it } from 'vitest';
import { planFinanceDrops } from './inbox.ts';
import type { FinanceDrop } from './inbox.ts';

const drop = (name: string, period: string, sequence: number): FinanceDrop => ({
  drop: name,
  manifest: {
    format: 'sg-finance-drop/1',
    period,
    sequence,
    issuedOn: '2025-07-10',
    reason: sequence === 1 ? '月结' : '更正',
    file: `财务月报_${period}.xlsx`,
    sha256: '0'.repeat(64),
  },
});

describe('planFinanceDrops', () => {
  it('lands each month’s latest issue, in period order; earlier issues are superseded', () => {
    const plan = planFinanceDrops([
      drop('2025-05_01', '2025-05', 1),
      drop('2025-04_02', '2025-04', 2),
      drop('2025-04_01', '2025-04', 1),
      drop('2025-06_01', '2025-06', 1),
    ]);
    expect(plan.toLand.map((d) => d.drop)).toEqual(['2025-04_02', '2025-05_01', '2025-06_01']);
    expect(plan.superseded).toEqual(['2025-04_01']);
  });

  it('follows the manifest, not the folder name, and breaks a tie by the later folder', () => {
    const plan = planFinanceDrops([
      drop('b-april', '2025-04', 1),
      drop('a-april', '2025-04', 1),
      drop('renamed', '2025-03', 3),
    ]);
    expect(plan.toLand.map((d) => d.drop)).toEqual(['renamed', 'b-april']);
    expect(plan.superseded).toEqual(['a-april']);
  });
});
