/**
 * The API landing: credit grades and arrears of every actively authorised enterprise, as of one
 * window (e.g. the landing date), into `lake.raw_tax.credit_grades` and `lake.raw_tax.arrears`,
 * one landRecords call per entity. Enterprises without a usable authorisation are reported.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { landRecords } from '@sg/lake';
import type { Lake, LandingResult } from '@sg/lake';
import { extractAuthorizedProfiles } from './api-extract.ts';
import type { ApiEntity, SkippedEnterprise } from './api-extract.ts';
import type { TaxClient } from './client.ts';
import { TAX_SOURCE } from './land-drop.ts';

export interface ApiLandingResult {
  readonly window: string;
  readonly enterpriseCount: number;
  readonly skipped: SkippedEnterprise[];
  readonly entities: { readonly entity: ApiEntity; readonly landing: LandingResult }[];
}

export async function landTaxAuthorizedProfiles(
  lake: Lake,
  client: TaxClient,
  window: string,
  options: { readonly workDir?: string } = {},
): Promise<ApiLandingResult> {
  const outDir = await mkdtemp(join(options.workDir ?? tmpdir(), 'sg-tax-api-'));
  try {
    const extracted = await extractAuthorizedProfiles(client, { window, outDir });
    const entities = [];
    for (const entity of extracted.entities) {
      const landing = await landRecords(lake, {
        source: TAX_SOURCE,
        entity: entity.entity,
        window,
        columns: entity.columns,
        ndjsonPath: entity.ndjsonPath,
        quarantined: entity.quarantined,
      });
      entities.push({ entity: entity.entity, landing });
    }
    return {
      window,
      enterpriseCount: extracted.enterpriseCount,
      skipped: extracted.skipped,
      entities,
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
