import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import {
  CommerceApiError,
  createCommerceClient,
  landCommerceEnterprises,
} from '@sg/connector-commerce';
import { openLake } from '@sg/lake';
import { RAW_COMMERCE_ENTERPRISES } from '../assets/registry.ts';
import type { PipelineResources } from '../resources.ts';
import type { LandingMetadata } from './activity-metadata.ts';

/** Error type of a commerce API failure that retrying cannot fix (credentials, protocol…). */
export const COMMERCE_API_REJECTED = 'CommerceApiRejected';

/** Extracts one window from the commerce API and lands it into `raw_commerce.enterprises`. */
export async function landCommerceWindow(
  resources: PipelineResources,
  window: string,
): Promise<LandingMetadata> {
  const { cancellationSignal } = Context.current();
  const client = createCommerceClient(resources.commerce);
  const lake = await openLake(resources.lake);
  try {
    const result = await landCommerceEnterprises(lake, client, window, {
      signal: cancellationSignal,
    });
    return {
      asset: RAW_COMMERCE_ENTERPRISES,
      window,
      landingId: result.landingId,
      rowCount: result.rowCount,
      quarantinedCount: result.quarantinedCount,
      checksum: result.checksum,
      schemaHash: result.schemaHash,
    };
  } catch (error) {
    throw asActivityError(error);
  } finally {
    lake.close();
  }
}

/**
 * Commerce API errors that a retry cannot fix fail the activity for good (Temporal would otherwise
 * retry them); everything else (network, 5xx, rate limits, a busy catalog) is left to the
 * workflow's retry policy.
 */
export function asActivityError(error: unknown): unknown {
  if (error instanceof CommerceApiError && !error.retryable) {
    return ApplicationFailure.create({
      message: `commerce API: ${error.message} (${error.kind}, ${error.request})`,
      type: COMMERCE_API_REJECTED,
      nonRetryable: true,
      details: [{ kind: error.kind, request: error.request, httpStatus: error.httpStatus ?? null }],
      cause: error,
    });
  }
  if (error instanceof RangeError) {
    return ApplicationFailure.create({
      message: error.message,
      type: 'RangeError',
      nonRetryable: true,
      cause: error,
    });
  }
  return error;
}
