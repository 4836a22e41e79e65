import { describe, expect, it } from 'vitest';
import { mergeSourceLandingResults } from './recorded-results.ts';

describe('mergeSourceLandingResults', () => {
  const previous = {
    demo: { size: 'demo', sources: { tax: { rows: 1, recordedAt: 'old' } } },
    large: {
      size: 'large',
      note: 'business and commerce only',
      sources: { business: { rows: 10, recordedAt: 'old' }, commerce: { rows: 20 } },
    },
  };

  it('replaces the sources a run landed and keeps the others with their old stamps', () => {
    const merged = mergeSourceLandingResults(
      previous,
      { large: { sources: { tax: { rows: 30 }, business: { rows: 11 } } } },
      'new',
    );
    expect(merged['large']?.sources).toEqual({
      business: { rows: 11, recordedAt: 'new' },
      commerce: { rows: 20 },
      tax: { rows: 30, recordedAt: 'new' },
    });
    expect(merged['demo']).toEqual(previous.demo);
  });

  it('drops a size’s old note (it described the old partial run)', () => {
    const merged = mergeSourceLandingResults(previous, { large: { sources: {} } }, 'new');
    expect(merged['large']).not.toHaveProperty('note');
  });

  it('starts from nothing when there is no usable recorded result', () => {
    expect(
      mergeSourceLandingResults(undefined, { demo: { sources: { bank: { rows: 5 } } } }, 't'),
    ).toEqual({ demo: { sources: { bank: { rows: 5, recordedAt: 't' } } } });
    expect(mergeSourceLandingResults({ demo: 'broken' }, {}, 't')).toEqual({});
  });
});
