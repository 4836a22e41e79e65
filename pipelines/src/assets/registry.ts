// The asset registry: every asset the pipelines materialise, in one place (Dagster's
// `Definitions`), derived — never typed by hand — from the list of source definitions (each
// connector declares its raw tables once) and from dbt's own manifest (models and seeds with their
// descriptions and dependencies). Activities derive what to run from it.
import { bankSource } from '@sg/connector-bank';
import { businessSource } from '@sg/connector-business';
import { commerceSource } from '@sg/connector-commerce';
import { financeSource } from '@sg/connector-finance';
import { taxSource } from '@sg/connector-tax';
import { dbtResources } from '@sg/dbt-cli';
import type { DbtManifest } from '@sg/dbt-cli';
import type { SourceDefinition } from '@sg/source-contract';
import { defineAssetGraph } from './asset-definition.ts';
import type { AssetDefinition, AssetGraph } from './asset-definition.ts';

/** The sources the pipelines land, in landing order. Adding a source is one line here. */
export const SOURCES: readonly SourceDefinition[] = [
  commerceSource,
  businessSource,
  taxSource,
  bankSource,
  financeSource,
];

/** The key of a source's raw table, e.g. `raw_tax.vat_invoices`. */
export function landingAssetKey(source: string, entity: string): string {
  return `raw_${source}.${entity}`;
}

/** What a sources landing builds with dbt: the models downstream of the registered sources. */
export interface DbtBuildPlan {
  /** The dbt assets nothing else in the build depends on; `+<model>` of each builds the rest. */
  readonly assets: readonly string[];
  /** `dbt build --select` value, e.g. `+enterprises`. */
  readonly select: string;
  /** Sources whose raw tables these assets are built from: if one failed, dbt is skipped. */
  readonly upstreamSources: readonly string[];
}

export interface PipelineRegistry {
  readonly sources: readonly SourceDefinition[];
  readonly assetGraph: AssetGraph;
  /** The registered source of that name; throws for an unknown one. */
  source(name: string): SourceDefinition;
  /** The landing assets (raw tables) of one source, in declaration order. */
  landingAssetsOf(source: string): readonly AssetDefinition[];
  /** The sources whose landing assets are upstream of any of `keys`, in landing order. */
  sourcesUpstreamOf(keys: readonly string[]): readonly string[];
  /** The dbt build after a landing of every source, or null when no model reads a source. */
  dbtBuildPlan(): DbtBuildPlan | null;
  /** `+<model>` of each of `keys`, space-separated (e.g. `+enterprises`). */
  dbtSelectorFor(keys: readonly string[]): string;
  /** The dbt models and seeds that building `keys` with their upstream builds, in build order. */
  dbtAssetsBuiltWith(keys: readonly string[]): readonly AssetDefinition[];
}

function landingAssets(source: SourceDefinition): AssetDefinition[] {
  return source.rawTables.map((table) => ({
    key: landingAssetKey(source.name, table.entity),
    title: table.title,
    description: table.description,
    kind: 'landing',
    upstream: [],
    partitioning: { by: source.partitioning },
    relation: `lake.${landingAssetKey(source.name, table.entity)}`,
  }));
}

/** dbt's models and seeds as assets: key and relation `<schema>.<table>`, upstream by the manifest. */
function dbtAssets(manifest: DbtManifest): AssetDefinition[] {
  const resources = dbtResources(manifest);
  const keyOf = new Map(resources.map((r) => [r.uniqueId, `${r.schema}.${r.relationName}`]));
  return resources.map((resource) => ({
    key: `${resource.schema}.${resource.relationName}`,
    title: resource.title,
    description: resource.description,
    kind: resource.kind === 'seed' ? 'seed' : 'dbt',
    upstream: [...resource.sources, ...resource.dependsOn.map((id) => keyOf.get(id) ?? id)],
    partitioning: { by: 'none' },
    relation: `lake.${resource.schema}.${resource.relationName}`,
    dbtModel: resource.name,
  }));
}

/**
 * Composes the registry from source definitions and dbt's manifest; throws AssetGraphError when
 * they do not fit (a model reading a raw table no source lands, a cycle, a duplicate key).
 */
export function createPipelineRegistry(options: {
  readonly sources: readonly SourceDefinition[];
  readonly dbtManifest: DbtManifest;
}): PipelineRegistry {
  const { sources } = options;
  const assetGraph = defineAssetGraph([
    ...sources.flatMap(landingAssets),
    ...dbtAssets(options.dbtManifest),
  ]);
  const landingAssetsOf = (source: string): readonly AssetDefinition[] => {
    const prefix = `raw_${source}.`;
    return assetGraph.assets.filter((a) => a.kind === 'landing' && a.key.startsWith(prefix));
  };
  const sourcesUpstreamOf = (keys: readonly string[]): readonly string[] => {
    const upstream = new Set(keys.flatMap((key) => assetGraph.upstreamOf(key)));
    return sources
      .map((source) => source.name)
      .filter((name) => landingAssetsOf(name).some((asset) => upstream.has(asset.key)));
  };
  const dbtSelectorFor = (keys: readonly string[]): string =>
    keys
      .map((key) => {
        const asset = assetGraph.get(key);
        if (asset.dbtModel === undefined) throw new Error(`asset ${key} is not a dbt asset`);
        return `+${asset.dbtModel}`;
      })
      .join(' ');
  return {
    sources,
    assetGraph,
    source(name) {
      const source = sources.find((s) => s.name === name);
      if (source === undefined) throw new Error(`no registered source named ${name}`);
      return source;
    },
    landingAssetsOf,
    sourcesUpstreamOf,
    dbtBuildPlan() {
      const landingKeys = sources.flatMap((s) => landingAssetsOf(s.name).map((a) => a.key));
      const downstream = new Set(landingKeys.flatMap((key) => assetGraph.downstreamOf(key)));
      const assets = assetGraph.topologicalOrder.filter(
        (key) =>
          downstream.has(key) &&
          !assetGraph.downstreamOf(key).some((other) => downstream.has(other)),
      );
      if (assets.length === 0) return null;
      return { assets, select: dbtSelectorFor(assets), upstreamSources: sourcesUpstreamOf(assets) };
    },
    dbtSelectorFor,
    dbtAssetsBuiltWith(keys) {
      const built = new Set(keys.flatMap((key) => [...assetGraph.upstreamOf(key), key]));
      return assetGraph.topologicalOrder
        .filter((key) => built.has(key))
        .map((key) => assetGraph.get(key))
        .filter((asset) => asset.kind !== 'landing');
    },
  };
}
