/**
 * The vendor's queryable view of the simulated enterprises: lookup by USCC, search by name or
 * USCC, and keyset paging ordered by (updatedAt, uscc) for bulk pulls. Cursors are opaque to
 * clients (base64url of the last key served), stable while records are added or updated.
 */
import { normalizeCodeInput } from '@sg/domain';
import type { CommerceEnterprise, RegistrationStatus } from './enterprise-generator.ts';

export interface SearchPage {
  readonly total: number;
  readonly items: readonly CommerceEnterprise[];
}

export interface ListingPage {
  readonly items: readonly CommerceEnterprise[];
  readonly nextCursor: string | null;
}

export interface EnterpriseStore {
  readonly size: number;
  get(uscc: string): CommerceEnterprise | undefined;
  search(keyword: string, page: number, pageSize: number): SearchPage;
  /** `updatedSince`: UTC ISO lower bound (inclusive); `cursor` from a previous page. */
  list(query: { updatedSince?: string; cursor?: string; pageSize: number }): ListingPage;
  countByStatus(): Record<RegistrationStatus, number>;
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

export function createEnterpriseStore(enterprises: Iterable<CommerceEnterprise>): EnterpriseStore {
  const byUscc = new Map<string, CommerceEnterprise>();
  for (const enterprise of enterprises) byUscc.set(enterprise.uscc, enterprise);
  const ordered = [...byUscc.values()].sort(compareKeys);

  return {
    size: ordered.length,
    get(uscc) {
      return byUscc.get(normalizeCodeInput(uscc));
    },
    search(keyword, page, pageSize) {
      const needle = keyword.trim();
      const exact = byUscc.get(normalizeCodeInput(needle));
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
      const counts: Record<RegistrationStatus, number> = { 存续: 0, 在业: 0, 注销: 0, 吊销: 0 };
      for (const e of ordered) counts[e.registrationStatus] += 1;
      return counts;
    },
  };
}
