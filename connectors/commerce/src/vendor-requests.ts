/**
 * The vendor's endpoints as request descriptions (path + query), shared by the live client and
 * the snapshot client so that both address the same recordings.
 */

export interface VendorRequest {
  readonly path: string;
  readonly query: readonly (readonly [string, string])[];
}

export interface SearchQuery {
  /** Name fragment or USCC (at least two characters). */
  readonly keyword: string;
  /** 1-based. */
  readonly page?: number;
  /** 1–50. */
  readonly pageSize?: number;
}

export interface ListingQuery {
  /** Only records changed at or after this instant. */
  readonly updatedSince?: Date;
  /** From the previous page's `nextCursor`; absent for the first page. */
  readonly cursor?: string;
  /** 1–200. */
  readonly pageSize?: number;
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** An instant as the vendor's Beijing wall-clock text 'YYYY-MM-DD HH:mm:ss'. */
export function toVendorTime(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS)
    .toISOString()
    .slice(0, 19)
    .replace('T', ' ');
}

export function searchRequest(query: SearchQuery): VendorRequest {
  return {
    path: '/v1/enterprises/search',
    query: [
      ['keyword', query.keyword],
      ['page', String(query.page ?? 1)],
      ['pageSize', String(query.pageSize ?? 10)],
    ],
  };
}

export function detailRequest(uscc: string): VendorRequest {
  return { path: `/v1/enterprises/${encodeURIComponent(uscc)}`, query: [] };
}

export function listingRequest(query: ListingQuery): VendorRequest {
  const params: [string, string][] = [['pageSize', String(query.pageSize ?? 100)]];
  if (query.updatedSince !== undefined)
    params.push(['updatedSince', toVendorTime(query.updatedSince)]);
  if (query.cursor !== undefined) params.push(['cursor', query.cursor]);
  return { path: '/v1/enterprises', query: params };
}

/** The related lists under `/v1/enterprises/{code}/`, by URL segment. */
export const RELATED_LISTS = [
  'shareholders',
  'executives',
  'changes',
  'penalties',
  'abnormal-operations',
  'court-cases',
  'enforcements',
  'annual-reports',
] as const;
export type RelatedList = (typeof RELATED_LISTS)[number];

export interface RelatedQuery {
  /** 1-based. */
  readonly page?: number;
  /** 1–100. */
  readonly pageSize?: number;
}

export interface ChangeFeedQuery {
  /** The `cursor` of an earlier feed page; absent = from the beginning of the feed. */
  readonly since?: string;
  /** 1–500. */
  readonly pageSize?: number;
}

export function relatedRequest(
  list: RelatedList,
  uscc: string,
  query: RelatedQuery,
): VendorRequest {
  return {
    path: `/v1/enterprises/${encodeURIComponent(uscc)}/${list}`,
    query: [
      ['page', String(query.page ?? 1)],
      ['pageSize', String(query.pageSize ?? 20)],
    ],
  };
}

export function changeFeedRequest(query: ChangeFeedQuery): VendorRequest {
  const params: [string, string][] = [['pageSize', String(query.pageSize ?? 100)]];
  if (query.since !== undefined) params.push(['since', query.since]);
  return { path: '/v1/changes', query: params };
}
