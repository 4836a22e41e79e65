// Shared by the landing activities: the lake opened for one activity, a source inbox that must
// exist, and a connector's LandingResult turned into the metadata the workflow returns.
import { stat } from 'node:fs/promises';
import { ApplicationFailure } from '@temporalio/common';
import { openLake } from '@sg/lake';
import type { Lake, LakeConfig, LandingResult } from '@sg/lake';
import { landingAssetKey } from '../assets/registry.ts';
import type { SourceName } from '../assets/registry.ts';
import { SOURCE_INBOX_MISSING } from './activity-errors.ts';
import type { LandingMetadata } from './activity-metadata.ts';

/** The metadata of one landing of `window` into `raw_<source>.<entity>`. */
export function landingMetadata(
  source: SourceName,
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
  const lake = await openLake(config);
  try {
    return await work(lake);
  } finally {
    lake.close();
  }
}

/**
 * Fails for good (not retried) when a source's inbox folder does not exist: a configuration error
 * or a missing mount, which a retry within minutes does not fix.
 */
export async function assertInboxExists(inboxDir: string, title: string): Promise<void> {
  const found = await stat(inboxDir).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!found) {
    throw ApplicationFailure.create({
      message: `${title}不存在：${inboxDir}`,
      type: SOURCE_INBOX_MISSING,
      nonRetryable: true,
      details: [{ inboxDir }],
    });
  }
}
