/**
 * The commerce-data source as the rest of the platform sees it. Two implementations: the live
 * client (live-client.ts, HTTP to the vendor or to a simulator of it) and the snapshot client
 * (snapshot-client.ts, recorded responses for tests). Neither knows which vendor deployment it
 * talks to.
 */
import type { ListingPage, SearchPage, VendorEnterprise } from './schemas.ts';
import type { ListingQuery, SearchQuery } from './vendor-requests.ts';

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

export type { ListingQuery, SearchQuery } from './vendor-requests.ts';
