import { describe, expect, it } from 'vitest';
import { DateRangeError, resolveDateRange } from './date-range.ts';

/** Wednesday 2024-05-15, 10:30 UTC. */
const NOW = new Date('2024-05-15T10:30:00Z');

const RANGES: { range: string | string[]; from: string; to: string }[] = [
  {
    range: ['2024-01-01', '2024-03-31'],
    from: '2024-01-01T00:00:00.000',
    to: '2024-03-31T23:59:59.999',
  },
  {
    range: ['2024-01-01T08:00', '2024-01-01 09:30:15.5'],
    from: '2024-01-01T08:00:00.000',
    to: '2024-01-01T09:30:15.500',
  },
  { range: '2024-02-29', from: '2024-02-29T00:00:00.000', to: '2024-02-29T23:59:59.999' },
  { range: 'today', from: '2024-05-15T00:00:00.000', to: '2024-05-15T23:59:59.999' },
  { range: 'yesterday', from: '2024-05-14T00:00:00.000', to: '2024-05-14T23:59:59.999' },
  { range: 'this week', from: '2024-05-13T00:00:00.000', to: '2024-05-19T23:59:59.999' },
  { range: 'last month', from: '2024-04-01T00:00:00.000', to: '2024-04-30T23:59:59.999' },
  { range: 'this quarter', from: '2024-04-01T00:00:00.000', to: '2024-06-30T23:59:59.999' },
  { range: 'last year', from: '2023-01-01T00:00:00.000', to: '2023-12-31T23:59:59.999' },
  { range: 'last 7 days', from: '2024-05-08T00:00:00.000', to: '2024-05-14T23:59:59.999' },
  { range: 'Last 3 months', from: '2024-02-01T00:00:00.000', to: '2024-04-30T23:59:59.999' },
];

const INVALID: { range: string | string[]; error: RegExp }[] = [
  { range: ['2024-02-30', '2024-03-01'], error: /not a valid date/ },
  { range: ['2024-03-01', '2024-02-01'], error: /starts after it ends/ },
  { range: ['01/02/2024', '2024-03-01'], error: /not a date/ },
  { range: 'next fortnight', error: /not supported/ },
  { range: ['2024-01-01', '2024-01-02', '2024-01-03'], error: /\[from, to\]/ },
];

describe('resolveDateRange', () => {
  it.each(RANGES)('$range', ({ range, from, to }) => {
    expect(resolveDateRange(range, NOW)).toEqual({ from, to });
  });
  it.each(INVALID)('rejects $range', ({ range, error }) => {
    expect(() => resolveDateRange(range, NOW)).toThrow(DateRangeError);
    expect(() => resolveDateRange(range, NOW)).toThrow(error);
  });
});
