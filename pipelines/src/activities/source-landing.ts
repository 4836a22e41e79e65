// The one landing activity: any registered source, by its definition. Nothing here names a source.
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { PipelineRegistry } from '../assets/registry.ts';
import type { PipelineResources } from '../resources.ts';
import { asActivityError } from './activity-errors.ts';
import type { SourceLandingMetadata, SourcesLandingPlan } from './activity-metadata.ts';
import { landingMetadata, withLake } from './landing-support.ts';

/**
 * Lands one window of the source `source` (its definition's `land`, with the settings resources
 * hold for it) and returns the metadata of every raw table it landed. A source that refused parts
 * while the rest landed (a damaged tax drop) fails for good afterwards, naming them, with the
 * metadata of what landed in the failure's details.
 */
export async function landSourceWindow(
  resources: PipelineResources,
  registry: PipelineRegistry,
  source: string,
  window: string,
): Promise<SourceLandingMetadata> {
  const context = Context.current();
  try {
    const definition = registry.source(source);
    if (!(source in resources.sources)) throw new Error(`no settings for the source ${source}`);
    const report = await withLake(resources.lake, (lake) =>
      definition.land(lake, resources.sources[source], {
        window,
        signal: context.cancellationSignal,
        onProgress: (landed) => {
          context.heartbeat({ landed });
        },
      }),
    );
    const metadata: SourceLandingMetadata = {
      source,
      title: definition.title,
      window,
      landings: report.landings.map((landing) =>
        landingMetadata(source, landing.entity, landing.window, landing.result),
      ),
      details: report.details,
      note: report.note,
    };
    if (report.refused !== null) {
      throw ApplicationFailure.create({
        message: report.refused.message,
        type: report.refused.type,
        nonRetryable: true,
        details: [metadata],
      });
    }
    return metadata;
  } catch (error) {
    throw asActivityError(error);
  }
}

/** Every registered source in landing order, and the dbt build downstream of them. */
export function sourcesLandingPlan(registry: PipelineRegistry): SourcesLandingPlan {
  return {
    sources: registry.sources.map((source) => ({ name: source.name, title: source.title })),
    dbt: registry.dbtBuildPlan(),
  };
}
