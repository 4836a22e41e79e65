import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { DbtRunError } from '@sg/dbt-cli';
import { openLake } from '@sg/lake';
import type { LakeConfig } from '@sg/lake';
import type { PipelineRegistry } from '../assets/registry.ts';
import type { AssetDefinition } from '../assets/asset-definition.ts';
import type { PipelineResources } from '../resources.ts';
import type { AssetRowCount, DbtBuildMetadata } from './activity-metadata.ts';
import { DBT_BUILD_FAILED } from './activity-metadata.ts';
import { dbtBuildMetadata } from './dbt-build-metadata.ts';

/**
 * `dbt build --select +<model> …` for dbt assets of the registry (with their upstream models,
 * seeds and data tests), then the row count of every registry asset it built.
 *
 * A build in which models or tests failed is deterministic: it fails the activity for good
 * (DbtBuildFailed, message naming each failing node). A dbt that stopped before running any node,
 * or did not start, is retried by the workflow's policy.
 */
export async function buildDbtAssets(
  resources: PipelineResources,
  registry: PipelineRegistry,
  assets: readonly string[],
): Promise<DbtBuildMetadata> {
  const select = registry.dbtSelectorFor(assets);
  const { cancellationSignal } = Context.current();
  let summary;
  try {
    summary = await resources.dbt(['build', '--select', ...select.split(' ')], {
      signal: cancellationSignal,
    });
  } catch (error) {
    if (error instanceof DbtRunError && error.summary.failedNodes.length > 0) {
      throw ApplicationFailure.create({
        message: error.message,
        type: DBT_BUILD_FAILED,
        nonRetryable: true,
        details: [dbtBuildMetadata(select, error.summary, [])],
      });
    }
    throw error;
  }
  const counts = await countAssetRows(resources.lake, registry.dbtAssetsBuiltWith(assets));
  return dbtBuildMetadata(select, summary, counts);
}

/** Reads `count(*)` of each asset's relation from the lake (read-only attach). */
export async function countAssetRows(
  lakeConfig: LakeConfig,
  assets: readonly AssetDefinition[],
): Promise<AssetRowCount[]> {
  // Concurrency: this activity's own Lake; its connection is used in turn, closed after (0006).
  const lake = await openLake(lakeConfig, { readOnly: true });
  try {
    const counts: AssetRowCount[] = [];
    for (const asset of assets) {
      // Relations come from the registry (code), never from input.
      const reader = await lake.connection.runAndReadAll(
        `select count(*)::bigint as row_count from ${asset.relation}`,
      );
      const rowCount = reader.getRowObjects()[0]?.['row_count'];
      counts.push({ asset: asset.key, relation: asset.relation, rowCount: Number(rowCount) });
    }
    return counts;
  } finally {
    lake.close();
  }
}
