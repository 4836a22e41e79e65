import { Context } from '@temporalio/activity';
import { createCommerceClient, landCommerceSource } from '@sg/connector-commerce';
import type { PipelineResources } from '../resources.ts';
import { asActivityError } from './activity-errors.ts';
import type { CommerceSourceMetadata } from './activity-metadata.ts';
import { landingMetadata, withLake } from './landing-support.ts';

/**
 * The whole commerce source for one window (`landCommerceSource`): enterprises, their seven related
 * lists and the change feed, each into `raw_commerce.<entity>`. Incremental from the lake's feed
 * cursor (full the first time); re-running a window resumes from the same cursor and replaces it.
 */
export async function landCommerceSourceWindow(
  resources: PipelineResources,
  window: string,
): Promise<CommerceSourceMetadata> {
  const context = Context.current();
  const client = createCommerceClient(resources.commerce);
  try {
    const result = await withLake(resources.lake, (lake) =>
      landCommerceSource(lake, client, window, {
        signal: context.cancellationSignal,
        onLanded: (entity) => {
          context.heartbeat({ landed: entity });
        },
      }),
    );
    return {
      source: 'commerce',
      window,
      mode: result.mode,
      since: result.since,
      feedCursor: result.feedCursor,
      enterprisesPulled: result.enterprisesPulled,
      enterprisesGone: result.enterprisesGone,
      landings: Object.entries(result.landings).map(([entity, landing]) =>
        landingMetadata('commerce', entity, window, landing),
      ),
    };
  } catch (error) {
    throw asActivityError(error);
  }
}
