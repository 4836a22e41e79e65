// Shared by the activities: the lake opened for one activity, and a connector's LandingResult
// turned into the metadata the workflow returns.
import { openLake } from '@sg/lake';
import type { Lake, LakeConfig, LandingResult } from '@sg/lake';
import { landingAssetKey } from '../assets/registry.ts';
import type { LandingMetadata } from './activity-metadata.ts';

/** The metadata of one landing of `window` into `raw_<source>.<entity>`. */
export function landingMetadata(
  source: string,
  entity: string,
  window: string,
  result: LandingResult,
): LandingMetadata {
  return {
    asset: landingAssetKey(source, entity),
    window,
    landingId: result.landingId,
    rowCount: result.rowCount,
    quarantinedCount: result.quarantinedCount,
    checksum: result.checksum,
    schemaHash: result.schemaHash,
  };
}

/** Opens the lake (read-write), runs `work`, and closes it whatever happens. */
export async function withLake<T>(
  config: LakeConfig,
  work: (lake: Lake) => Promise<T>,
): Promise<T> {
  // Concurrency: one Lake per activity (activities run concurrently in the worker), closed after (0006).
  const lake = await openLake(config);
  try {
    return await work(lake);
  } finally {
    lake.close();
  }
}
