import { describe, expect, it } from 'vitest';
import { incrementalLowerBound } from './land.ts';

describe('incrementalLowerBound', () => {
  it('is the UTC watermark in the legacy local time (UTC+8), moved back by the overlap', () => {
    expect(incrementalLowerBound('2025-06-29 10:00:00', 10)).toBe('2025-06-29 17:50:00');
  });

  it('crosses midnight and month ends', () => {
    expect(incrementalLowerBound('2025-06-30 16:05:00', 10)).toBe('2025-06-30 23:55:00');
    expect(incrementalLowerBound('2025-06-30 16:00:00', 0)).toBe('2025-07-01 00:00:00');
  });
});
