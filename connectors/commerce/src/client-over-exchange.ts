/**
 * The CommerceSourceClient methods on top of one "send a vendor request, validate the answer"
 * function. The live client sends over HTTP (signing, retries); the snapshot client replays
 * recorded exchanges. Both get the same request shapes, schemas and 404 → null rule from here.
 */
import type { z } from 'zod';
import type { CommerceSourceClient } from './client.ts';
import { CommerceApiError } from './commerce-errors.ts';
import {
  changeFeedPageSchema,
  listingPageSchema,
  relatedPageSchema,
  searchPageSchema,
  vendorEnterpriseSchema,
} from './schemas.ts';
import {
  changeFeedRequest,
  detailRequest,
  listingRequest,
  relatedRequest,
  searchRequest,
} from './vendor-requests.ts';
import type { VendorRequest } from './vendor-requests.ts';

export type SendVendorRequest = <T>(request: VendorRequest, schema: z.ZodType<T>) => Promise<T>;

/** A vendor 404 on a single enterprise means "no such enterprise": null, not an error. */
async function nullWhenNotFound<T>(pending: Promise<T>): Promise<T | null> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof CommerceApiError && error.kind === 'not_found') return null;
    throw error;
  }
}

export function clientOverExchange(send: SendVendorRequest): CommerceSourceClient {
  return {
    searchEnterprises: (query) => send(searchRequest(query), searchPageSchema),
    getEnterprise: (uscc) => nullWhenNotFound(send(detailRequest(uscc), vendorEnterpriseSchema)),
    listEnterprises: (query) => send(listingRequest(query), listingPageSchema),
    listRelated: (list, uscc, query) =>
      nullWhenNotFound(send(relatedRequest(list, uscc, query), relatedPageSchema)),
    listChanges: (query) => send(changeFeedRequest(query), changeFeedPageSchema),
  };
}
