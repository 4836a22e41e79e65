import { Context } from '@temporalio/activity';
import { createCommerceClient, landCommerceEnterprises } from '@sg/connector-commerce';
import { openLake } from '@sg/lake';
import { RAW_COMMERCE_ENTERPRISES } from '../assets/registry.ts';
import type { PipelineResources } from '../resources.ts';
import { asActivityError } from './activity-errors.ts';
import type { LandingMetadata } from './activity-metadata.ts';

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
