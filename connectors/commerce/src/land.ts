/**
 * The commerce landing: extract the vendor's enterprise listing for one window and land it into
 * `lake.raw_commerce.enterprises` through @sg/lake (atomic replace of the window, manifest row,
 * quarantine table). The NDJSON work file lives in a temporary directory that is removed after.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { landRecords } from '@sg/lake';
import type { Lake, LandingResult } from '@sg/lake';
import type { CommerceClient } from './client.ts';
import { extractEnterprises } from './extract.ts';

export const COMMERCE_SOURCE = 'commerce';
export const ENTERPRISES_ENTITY = 'enterprises';

export interface LandCommerceOptions {
  /** Parent of the temporary work directory. Default: the OS temp directory. */
  readonly workDir?: string;
  readonly pageSize?: number;
  readonly updatedSince?: Date;
  readonly signal?: AbortSignal;
}

export async function landCommerceEnterprises(
  lake: Lake,
  client: CommerceClient,
  window: string,
  options: LandCommerceOptions = {},
): Promise<LandingResult> {
  const outDir = await mkdtemp(join(options.workDir ?? tmpdir(), 'sg-commerce-'));
  try {
    const extracted = await extractEnterprises(client, {
      window,
      outDir,
      ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
      ...(options.updatedSince === undefined ? {} : { updatedSince: options.updatedSince }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    return await landRecords(lake, {
      source: COMMERCE_SOURCE,
      entity: ENTERPRISES_ENTITY,
      window,
      columns: extracted.columns,
      ndjsonPath: extracted.ndjsonPath,
      quarantined: extracted.quarantined,
    });
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
