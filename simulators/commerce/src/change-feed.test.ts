import { describe, expect, it } from 'vitest';
import { createChangeFeed, decodeFeedCursor, encodeFeedCursor } from './change-feed.ts';
import type { ChangeFeed, ChangeFeedEntry } from './change-feed.ts';
import { InvalidCursorError } from './enterprise-store.ts';

const ENTRIES: ChangeFeedEntry[] = [
  { uscc: 'B', changedAt: '2025-01-02T00:00:00Z' },
  { uscc: 'A', changedAt: '2025-01-01T00:00:00Z' },
  { uscc: 'C', changedAt: '2025-01-02T00:00:00Z' },
  { uscc: 'A', changedAt: '2025-01-03T00:00:00Z' }, // A's latest change wins
  { uscc: 'D', changedAt: '2024-12-31T00:00:00Z' },
];

function drain(feed: ChangeFeed, pageSize: number, since?: string) {
  const codes: string[] = [];
  let cursor = since;
  for (let guard = 0; guard < 100; guard += 1) {
    const page = feed.page({ pageSize, ...(cursor === undefined ? {} : { since: cursor }) });
    codes.push(...page.items.map((i) => i.uscc));
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return { codes, cursor };
}

describe('createChangeFeed', () => {
  it.each([[1], [2], [10]])(
    'lists each enterprise once, at its latest change, in pages of %i',
    (pageSize) => {
      const feed = createChangeFeed(ENTRIES);
      expect(feed.size).toBe(4);
      expect(drain(feed, pageSize).codes).toEqual(['D', 'B', 'C', 'A']);
    },
  );

  it('resumes after the last cursor, and an enterprise that changes again comes back', () => {
    const before = drain(createChangeFeed(ENTRIES), 3);
    const emptyAfter = createChangeFeed(ENTRIES).page({ pageSize: 3, since: before.cursor ?? '' });
    expect(emptyAfter).toMatchObject({ items: [], hasMore: false, cursor: before.cursor });

    const later = createChangeFeed([
      ...ENTRIES,
      { uscc: 'D', changedAt: '2025-02-01T00:00:00Z' },
      { uscc: 'E', changedAt: '2025-01-15T00:00:00Z' },
    ]);
    expect(drain(later, 1, before.cursor).codes).toEqual(['E', 'D']);
  });

  it('round-trips cursors and rejects foreign ones', () => {
    const position = { uscc: '91640100MA76XXXX7Q', changedAt: '2025-01-01T00:00:00Z' };
    expect(decodeFeedCursor(encodeFeedCursor(position))).toEqual(position);
    for (const bad of ['', 'abc', Buffer.from('v1|2025-01-01T00:00:00Z|X').toString('base64url')]) {
      expect(() => decodeFeedCursor(bad)).toThrow(InvalidCursorError);
    }
  });
});
