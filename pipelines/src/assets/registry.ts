// The asset registry: every asset the pipelines materialise, in one place (Dagster's
// `Definitions`). Workflows derive what to run from it; the data console reads it.
import { defineAssetGraph } from './asset-definition.ts';
import type { AssetDefinition, AssetGraph } from './asset-definition.ts';

export const RAW_COMMERCE_ENTERPRISES = 'raw_commerce.enterprises';
export const STG_COMMERCE_ENTERPRISES = 'stg_commerce__enterprises';
export const MARTS_ENTERPRISES = 'marts.enterprises';
export const REF_REGIONS = 'reference.ref_regions';
export const REF_INDUSTRIES = 'reference.ref_industries';

const ASSETS: readonly AssetDefinition[] = [
  {
    key: RAW_COMMERCE_ENTERPRISES,
    title: '工商企业登记信息（原始落地）',
    description:
      'One row per enterprise per landing window, as returned by the commerce-data API. ' +
      'Landed by the commerce connector; rows failing type casts go to the quarantine table.',
    kind: 'landing',
    upstream: [],
    partitioning: { by: 'window' },
    relation: 'lake.raw_commerce.enterprises',
  },
  {
    key: STG_COMMERCE_ENTERPRISES,
    title: '工商企业登记信息（标准化）',
    description:
      'One row per enterprise, taken from its latest landing. Renames and casts the raw ' +
      'commerce columns only.',
    kind: 'dbt',
    upstream: [RAW_COMMERCE_ENTERPRISES],
    partitioning: { by: 'none' },
    relation: 'lake.staging.stg_commerce__enterprises',
    dbtModel: 'stg_commerce__enterprises',
  },
  {
    key: REF_REGIONS,
    title: '行政区划代码表（GB/T 2260）',
    description:
      'One row per administrative region (province, prefecture, county) of the dated GB/T 2260 ' +
      'snapshot in packages/domain.',
    kind: 'seed',
    upstream: [],
    partitioning: { by: 'none' },
    relation: 'lake.reference.ref_regions',
    dbtModel: 'ref_regions',
  },
  {
    key: REF_INDUSTRIES,
    title: '国民经济行业分类（GB/T 4754-2017）',
    description:
      'One row per industry code at every level (section, division, group, class) of ' +
      'GB/T 4754-2017, from packages/domain.',
    kind: 'seed',
    upstream: [],
    partitioning: { by: 'none' },
    relation: 'lake.reference.ref_industries',
    dbtModel: 'ref_industries',
  },
  {
    key: MARTS_ENTERPRISES,
    title: '企业主题表',
    description:
      'One row per enterprise, with its region (county and prefecture), industry section and ' +
      'registered capital in fen. Feeds the enterprise overview in the semantic layer.',
    kind: 'dbt',
    upstream: [STG_COMMERCE_ENTERPRISES, REF_REGIONS, REF_INDUSTRIES],
    partitioning: { by: 'none' },
    relation: 'lake.marts.enterprises',
    dbtModel: 'enterprises',
  },
];

/** The composed, validated asset graph. Importing this module proves the registry loads. */
export const assetGraph: AssetGraph = defineAssetGraph(ASSETS);

/**
 * The dbt selector that builds `key` together with every dbt asset upstream of it
 * (`+<model>`), e.g. `+enterprises` for `marts.enterprises`.
 */
export function dbtSelectorFor(key: string): string {
  const asset = assetGraph.get(key);
  if (asset.dbtModel === undefined) throw new Error(`asset ${key} is not a dbt asset`);
  return `+${asset.dbtModel}`;
}

/** The dbt models and seeds that `dbt build --select +<model of key>` builds, in build order. */
export function dbtAssetsBuiltWith(key: string): readonly AssetDefinition[] {
  return [...assetGraph.upstreamOf(key), key]
    .map((k) => assetGraph.get(k))
    .filter((asset) => asset.kind !== 'landing');
}
