import { describe, expect, it } from 'vitest';
import { generateCommerceEnterprises } from './enterprise-generator.ts';
import type { CommerceEnterprise } from './enterprise-generator.ts';
import {
  InvalidCursorError,
  createEnterpriseStore,
  decodeCursor,
  encodeCursor,
} from './enterprise-store.ts';

function fail(message: string): never {
  throw new Error(message);
}

const WORLD = generateCommerceEnterprises(11, 250);
const STORE = createEnterpriseStore(WORLD);

function pullAll(pageSize: number, updatedSince?: string): CommerceEnterprise[][] {
  const pages: CommerceEnterprise[][] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = STORE.list({
      pageSize,
      ...(cursor === undefined ? {} : { cursor }),
      ...(updatedSince === undefined ? {} : { updatedSince }),
    });
    pages.push([...page.items]);
    if (page.nextCursor === null) return pages;
    cursor = page.nextCursor;
  }
}

describe('createEnterpriseStore: listing', () => {
  it.each([[1], [7], [50], [250], [1_000]])(
    'pages of %i return every enterprise exactly once, ordered by (updatedAt, uscc)',
    (pageSize) => {
      const pages = pullAll(pageSize);
      const rows = pages.flat();
      expect(rows).toHaveLength(WORLD.length);
      expect(new Set(rows.map((e) => e.uscc)).size).toBe(WORLD.length);
      const keys = rows.map((e) => `${e.updatedAt}|${e.uscc}`);
      expect(keys).toEqual([...keys].sort());
      expect(pages.length).toBe(Math.max(1, Math.ceil(WORLD.length / pageSize)));
    },
  );

  it('updatedSince keeps only records updated at or after it', () => {
    const since = '2024-06-01T00:00:00Z';
    const expected = WORLD.filter((e) => e.updatedAt >= since).length;
    const rows = pullAll(40, since).flat();
    expect(rows).toHaveLength(expected);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(WORLD.length);
    for (const e of rows) expect(e.updatedAt >= since).toBe(true);
  });

  it('round-trips cursors and rejects foreign ones', () => {
    const key = { updatedAt: '2024-01-01T00:00:00Z', uscc: '91640100MA76XXXX7Q' };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    for (const bad of ['', 'not-a-cursor', Buffer.from('v2|x|y').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(InvalidCursorError);
    }
  });
});

describe('createEnterpriseStore: lookup and search', () => {
  const target = WORLD.at(42) ?? fail('the world has fewer than 43 enterprises');

  it.each([
    ['the exact USCC', target.uscc],
    ['lower case with spaces', ` ${target.uscc.toLowerCase()} `],
    [
      'full-width characters',
      Array.from(target.uscc)
        .map((ch) => String.fromCodePoint((ch.codePointAt(0) ?? 0) + 0xfee0))
        .join(''),
    ],
  ])('gets an enterprise by %s', (_name, input) => {
    expect(STORE.get(input)).toEqual(target);
  });

  it('searches by USCC (exact) and by part of the name', () => {
    expect(STORE.search(target.uscc, 1, 10).items).toEqual([target]);
    const byName = STORE.search('枸杞', 1, 500);
    expect(byName.total).toBe(WORLD.filter((e) => e.enterpriseName.includes('枸杞')).length);
    expect(byName.total).toBeGreaterThan(0);
    for (const e of byName.items) expect(e.enterpriseName).toContain('枸杞');
  });

  it('pages search results', () => {
    const all = STORE.search('有限', 1, 500);
    const second = STORE.search('有限', 2, 10);
    expect(second.total).toBe(all.total);
    expect(second.items).toEqual(all.items.slice(10, 20));
  });

  it('counts registration statuses', () => {
    const counts = STORE.countByStatus();
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(WORLD.length);
  });
});
