import { Context } from '@temporalio/activity';
import { createCommerceClient, landCommerceEnterprises } from '@sg/connector-commerce';
import type { PipelineResources } from '../resources.ts';
import { asActivityError } from './activity-errors.ts';
import type { LandingMetadata } from './activity-metadata.ts';
import { landingMetadata, withLake } from './landing-support.ts';

/** Extracts one window from the commerce API and lands it into `raw_commerce.enterprises`. */
export async function landCommerceWindow(
  resources: PipelineResources,
  window: string,
): Promise<LandingMetadata> {
  const { cancellationSignal } = Context.current();
  const client = createCommerceClient(resources.commerce);
  try {
    return await withLake(resources.lake, async (lake) => {
      const result = await landCommerceEnterprises(lake, client, window, {
        signal: cancellationSignal,
      });
      return landingMetadata('commerce', 'enterprises', window, result);
    });
  } catch (error) {
    throw asActivityError(error);
  }
}
