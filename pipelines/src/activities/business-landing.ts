import { createBusinessClient, landBusinessWindow } from '@sg/connector-business';
import { DELETIONS_ENTITY, SCHEMA_DRIFT_ENTITY } from '@sg/connector-business';
import type { PipelineResources } from '../resources.ts';
import { asActivityError } from './activity-errors.ts';
import type { BusinessSourceMetadata } from './activity-metadata.ts';
import { landingMetadata, withLake } from './landing-support.ts';

/**
 * One window of the legacy business database (`landBusinessWindow`): every declared table (in full
 * the first time, then incrementally by watermark) into `raw_business.<t_table>`, then the window's
 * deletions and schema drift. All tables are read in one consistent snapshot of the source.
 */
export async function landBusinessSourceWindow(
  resources: PipelineResources,
  window: string,
): Promise<BusinessSourceMetadata> {
  try {
    const client = await createBusinessClient(resources.business);
    try {
      const result = await withLake(resources.lake, (lake) =>
        landBusinessWindow(lake, client, { window }),
      );
      return {
        source: 'business',
        window,
        tables: result.tables.map((table) => ({
          table: table.table,
          mode: table.mode,
          updatedSince: table.updatedSince,
          receivedCount: table.receivedCount,
          deletedCount: table.deletedCount,
        })),
        driftFindings: result.driftFindings.length,
        landings: [
          ...result.tables.map((table) =>
            landingMetadata('business', table.table, window, table.landing),
          ),
          landingMetadata('business', DELETIONS_ENTITY, window, result.deletions),
          landingMetadata('business', SCHEMA_DRIFT_ENTITY, window, result.drift),
        ],
      };
    } finally {
      await client.close();
    }
  } catch (error) {
    throw asActivityError(error);
  }
}
