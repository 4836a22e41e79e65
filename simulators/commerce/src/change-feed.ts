/**
 * The vendor's change feed: which enterprises changed, in the order of their latest change, for
 * incremental pulls. One entry per enterprise, at the time of its latest change (registration
 * update or any dated event: change record, penalty, abnormal-operation listing or removal, court
 * case, enforcement). The cursor is a keyset position (changedAt, uscc) — opaque to clients
 * (base64url), stable across restarts and world updates: an enterprise that changes again moves
 * behind every cursor handed out before, so a client that resumes from its last cursor sees it
 * again.
 */
import { InvalidCursorError } from './enterprise-store.ts';

export interface ChangeFeedEntry {
  /** Normalised code. */
  readonly uscc: string;
  /** UTC 'YYYY-MM-DDTHH:MM:SSZ'. */
  readonly changedAt: string;
}

export interface ChangeFeedPage {
  readonly items: readonly ChangeFeedEntry[];
  /** Position after the last item (or `since` when there is none): resume from here. */
  readonly cursor: string;
  readonly hasMore: boolean;
}

export interface ChangeFeed {
  readonly size: number;
  /** `since`: a cursor from an earlier page; absent = from the beginning. */
  page(query: { since?: string; pageSize: number }): ChangeFeedPage;
}

const FEED_CURSOR_VERSION = 'f1';
/** The cursor before every entry. */
const START: ChangeFeedEntry = { changedAt: '0000-00-00T00:00:00Z', uscc: '' };

export function encodeFeedCursor(position: ChangeFeedEntry): string {
  return Buffer.from(
    `${FEED_CURSOR_VERSION}|${position.changedAt}|${position.uscc}`,
    'utf8',
  ).toString('base64url');
}

export function decodeFeedCursor(cursor: string): ChangeFeedEntry {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const [version, changedAt, uscc] = parts;
  if (
    parts.length !== 3 ||
    version !== FEED_CURSOR_VERSION ||
    changedAt === undefined ||
    uscc === undefined ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(changedAt)
  ) {
    throw new InvalidCursorError(`invalid change-feed cursor "${cursor}"`);
  }
  return { changedAt, uscc };
}

function compareEntries(a: ChangeFeedEntry, b: ChangeFeedEntry): number {
  if (a.changedAt !== b.changedAt) return a.changedAt < b.changedAt ? -1 : 1;
  if (a.uscc !== b.uscc) return a.uscc < b.uscc ? -1 : 1;
  return 0;
}

/** Builds the feed from each enterprise's latest change (later entries for a code win). */
export function createChangeFeed(entries: Iterable<ChangeFeedEntry>): ChangeFeed {
  const latest = new Map<string, ChangeFeedEntry>();
  for (const entry of entries) {
    const known = latest.get(entry.uscc);
    if (known === undefined || entry.changedAt > known.changedAt) latest.set(entry.uscc, entry);
  }
  const ordered = [...latest.values()].sort(compareEntries);
  return {
    size: ordered.length,
    page({ since, pageSize }) {
      const after = since === undefined ? START : decodeFeedCursor(since);
      let lo = 0;
      let hi = ordered.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const entry = ordered[mid];
        if (entry !== undefined && compareEntries(entry, after) > 0) hi = mid;
        else lo = mid + 1;
      }
      const items = ordered.slice(lo, lo + pageSize);
      const last = items[items.length - 1];
      return {
        items,
        cursor: encodeFeedCursor(last ?? after),
        hasMore: lo + items.length < ordered.length,
      };
    },
  };
}
