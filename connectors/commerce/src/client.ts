/**
 * The commerce-data source as the rest of the platform sees it. Two implementations: the live
 * client (live-client.ts, HTTP to the vendor or to a simulator of it) and the snapshot client
 * (snapshot-client.ts, recorded responses for tests). Neither knows which vendor deployment it
 * talks to.
 */
import type {
  ChangeFeedPage,
  ListingPage,
  RelatedPage,
  SearchPage,
  VendorEnterprise,
} from './schemas.ts';
import type {
  ChangeFeedQuery,
  ListingQuery,
  RelatedList,
  RelatedQuery,
  SearchQuery,
} from './vendor-requests.ts';

export interface CommerceClient {
  /** Search by name fragment or USCC. */
  searchEnterprises(query: SearchQuery): Promise<SearchPage>;
  /** One enterprise's registration record, or null when the vendor does not know the USCC. */
  getEnterprise(uscc: string): Promise<VendorEnterprise | null>;
  /**
   * One page of the bulk listing, ordered by update time. Items are not validated here (see
   * ListingPage); follow `nextCursor` until it is null.
   */
  listEnterprises(query: ListingQuery): Promise<ListingPage>;
}

/**
 * The whole commerce source: the enterprise endpoints plus the related lists and the change feed
 * (what the full and incremental landings of every raw_commerce entity need).
 */
export interface CommerceSourceClient extends CommerceClient {
  /**
   * One page of a related list (shareholders, penalties, …) of an enterprise; items are not
   * validated here. Null when the vendor does not know the enterprise (404).
   */
  listRelated(list: RelatedList, uscc: string, query: RelatedQuery): Promise<RelatedPage | null>;
  /** One page of the change feed: enterprises in the order of their latest change. */
  listChanges(query: ChangeFeedQuery): Promise<ChangeFeedPage>;
}

export type {
  ChangeFeedQuery,
  ListingQuery,
  RelatedList,
  RelatedQuery,
  SearchQuery,
} from './vendor-requests.ts';
