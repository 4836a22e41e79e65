/**
 * The vendor's queryable view of the simulated enterprises: lookup by USCC, search by name or
 * USCC, and keyset paging ordered by (updatedAt, uscc) for bulk pulls. Cursors are opaque to
 * clients (base64url of the last key served), stable while records are added or updated.
 * Generic over the record: the built-in generator's enterprises, or the world files' index
 * entries (world-catalog.ts), which carry the same key fields.
 */
import { normalizeCodeInput } from '@sg/domain';
import type { CommerceEnterprise } from './enterprise-generator.ts';

/** The fields the store indexes, sorts and searches by. */
export interface EnterpriseKeyFields {
  /** Normalised (upper-case, half-width) code: the lookup key. */
  readonly uscc: string;
  readonly enterpriseName: string;
  /** UTC 'YYYY-MM-DDTHH:MM:SSZ'. */
  readonly updatedAt: string;
  readonly registrationStatus: string;
}

export interface SearchPage<T = CommerceEnterprise> {
  readonly total: number;
  readonly items: readonly T[];
}

export interface ListingPage<T = CommerceEnterprise> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface EnterpriseStore<T extends EnterpriseKeyFields = CommerceEnterprise> {
  readonly size: number;
  get(uscc: string): T | undefined;
  search(keyword: string, page: number, pageSize: number): SearchPage<T>;
  /** `updatedSince`: UTC ISO lower bound (inclusive); `cursor` from a previous page. */
  list(query: { updatedSince?: string; cursor?: string; pageSize: number }): ListingPage<T>;
  /** Every registration status seen, with the four standard ones always present. */
  countByStatus(): Record<string, number>;
}

export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

interface ListingKey {
  readonly updatedAt: string;
  readonly uscc: string;
}

const CURSOR_VERSION = 'v1';

export function encodeCursor(key: ListingKey): string {
  return Buffer.from(`${CURSOR_VERSION}|${key.updatedAt}|${key.uscc}`, 'utf8').toString(
    'base64url',
  );
}

export function decodeCursor(cursor: string): ListingKey {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const [version, updatedAt, uscc] = parts;
  if (
    parts.length !== 3 ||
    version !== CURSOR_VERSION ||
    updatedAt === undefined ||
    uscc === undefined ||
    Number.isNaN(Date.parse(updatedAt))
  ) {
    throw new InvalidCursorError(`invalid cursor "${cursor}"`);
  }
  return { updatedAt, uscc };
}

function compareKeys(a: ListingKey, b: ListingKey): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? -1 : 1;
  if (a.uscc !== b.uscc) return a.uscc < b.uscc ? -1 : 1;
  return 0;
}

/** Index of the first element for which `isAfter` holds (elements are sorted). */
function firstIndexWhere<T>(items: readonly T[], isAfter: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isAfter(items[mid] as T)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function createEnterpriseStore<T extends EnterpriseKeyFields>(
  enterprises: Iterable<T>,
): EnterpriseStore<T> {
  const byUscc = new Map<string, T>();
  for (const enterprise of enterprises) byUscc.set(enterprise.uscc, enterprise);
  const ordered = [...byUscc.values()].sort(compareKeys);
  const byName = new Map<string, T>();
  for (const enterprise of ordered) byName.set(enterprise.enterpriseName, enterprise);

  return {
    size: ordered.length,
    get(uscc) {
      return byUscc.get(normalizeCodeInput(uscc));
    },
    search(keyword, page, pageSize) {
      const needle = keyword.trim();
      const exact = byUscc.get(normalizeCodeInput(needle)) ?? byName.get(needle);
      const matches =
        exact !== undefined ? [exact] : ordered.filter((e) => e.enterpriseName.includes(needle));
      const start = (page - 1) * pageSize;
      return { total: matches.length, items: matches.slice(start, start + pageSize) };
    },
    list({ updatedSince, cursor, pageSize }) {
      let start = 0;
      if (cursor !== undefined) {
        const after = decodeCursor(cursor);
        start = firstIndexWhere(ordered, (e) => compareKeys(e, after) > 0);
      }
      if (updatedSince !== undefined) {
        const since = new Date(updatedSince).toISOString().replace('.000Z', 'Z');
        start = Math.max(
          start,
          firstIndexWhere(ordered, (e) => e.updatedAt >= since),
        );
      }
      const items = ordered.slice(start, start + pageSize);
      const last = items[items.length - 1];
      const hasMore = start + pageSize < ordered.length;
      return { items, nextCursor: hasMore && last !== undefined ? encodeCursor(last) : null };
    },
    countByStatus() {
      const counts: Record<string, number> = { 存续: 0, 在业: 0, 注销: 0, 吊销: 0 };
      for (const e of ordered) {
        counts[e.registrationStatus] = (counts[e.registrationStatus] ?? 0) + 1;
      }
      return counts;
    },
  };
}
