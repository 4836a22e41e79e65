/**
 * What the vendor API serves, independent of where the data comes from: the built-in generator
 * (`builtInCatalog`, enterprises only — every related list is empty) or a generated world's
 * `sources/commerce/*.ndjson` files (world-catalog.ts). api-handler.ts speaks the protocol over
 * this interface; records come out already in the vendor's wire shape.
 */
import type { ChangeFeedPage } from './change-feed.ts';
import { createChangeFeed } from './change-feed.ts';
import type { EnterpriseStore } from './enterprise-store.ts';
import { toVendorEnterprise, toVendorSummary } from './vendor-records.ts';
import type { VendorEnterprise, VendorEnterpriseSummary } from './vendor-records.ts';

/** Related lists: URL segment (`/v1/enterprises/{code}/<segment>`) → world file stem. */
export const RELATED_SECTIONS = {
  shareholders: 'shareholders',
  executives: 'executives',
  changes: 'changes',
  penalties: 'penalties',
  'abnormal-operations': 'abnormal_operations',
  'court-cases': 'court_cases',
  enforcements: 'enforcements',
  'annual-reports': 'annual_reports',
} as const;

export type RelatedSection = keyof typeof RELATED_SECTIONS;

export const RELATED_SECTION_NAMES = Object.keys(RELATED_SECTIONS) as RelatedSection[];

export function isRelatedSection(segment: string): segment is RelatedSection {
  return Object.hasOwn(RELATED_SECTIONS, segment);
}

export interface RelatedPage {
  readonly total: number;
  /** Vendor records without the enterprise's code (the path carries it). */
  readonly items: readonly Record<string, unknown>[];
}

export interface CommerceCatalog {
  readonly size: number;
  /** Enterprises in the change feed. */
  readonly changeFeedSize: number;
  detail(uscc: string): VendorEnterprise | undefined;
  search(
    keyword: string,
    page: number,
    pageSize: number,
  ): { readonly total: number; readonly items: readonly VendorEnterpriseSummary[] };
  /** Throws InvalidCursorError for a cursor it did not issue. */
  list(query: { updatedSince?: string; cursor?: string; pageSize: number }): {
    readonly items: readonly VendorEnterprise[];
    readonly nextCursor: string | null;
  };
  /** `undefined` when the enterprise is unknown. */
  related(
    section: RelatedSection,
    uscc: string,
    page: number,
    pageSize: number,
  ): RelatedPage | undefined;
  /** Throws InvalidCursorError for a cursor it did not issue. */
  changes(query: { since?: string; pageSize: number }): ChangeFeedPage;
  countByStatus(): Record<string, number>;
  /** Rows per related list, over all enterprises (reconciliation). */
  relatedCounts(): Record<RelatedSection, number>;
}

export function emptyRelatedCounts(): Record<RelatedSection, number> {
  return {
    shareholders: 0,
    executives: 0,
    changes: 0,
    penalties: 0,
    'abnormal-operations': 0,
    'court-cases': 0,
    enforcements: 0,
    'annual-reports': 0,
  };
}

/** The built-in generator's world: enterprises only, related lists empty. */
export function builtInCatalog(store: EnterpriseStore): CommerceCatalog {
  const probe = store.list({ pageSize: Math.max(1, store.size) }).items;
  const feed = createChangeFeed(probe.map((e) => ({ uscc: e.uscc, changedAt: e.updatedAt })));
  return {
    size: store.size,
    changeFeedSize: feed.size,
    detail(uscc) {
      const enterprise = store.get(uscc);
      return enterprise === undefined ? undefined : toVendorEnterprise(enterprise);
    },
    search(keyword, page, pageSize) {
      const result = store.search(keyword, page, pageSize);
      return { total: result.total, items: result.items.map(toVendorSummary) };
    },
    list(query) {
      const result = store.list(query);
      return { items: result.items.map(toVendorEnterprise), nextCursor: result.nextCursor };
    },
    related(_section, uscc) {
      return store.get(uscc) === undefined ? undefined : { total: 0, items: [] };
    },
    changes: (query) => feed.page(query),
    countByStatus: () => store.countByStatus(),
    relatedCounts: emptyRelatedCounts,
  };
}
