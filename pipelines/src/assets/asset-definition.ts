// Dagster-style software-defined assets: each asset is named, documented, and declares the
// assets it is computed from. This module holds the shape and the graph checks; the assets
// themselves live in registry.ts.

/**
 * How an asset is materialised: `landing` by a connector landing into the lake, `dbt` by a dbt
 * model, `seed` by a dbt seed (a reference CSV in models/seeds/).
 */
export type AssetKind = 'landing' | 'dbt' | 'seed';

/**
 * Landing assets are partitioned by extraction window (`_window`, e.g. `2025-06-30`), the tax
 * bureau's monthly drops by tax period (`_window` = `yyyy-MM`, a corrected drop replaces its
 * month); dbt assets are rebuilt whole.
 */
export type AssetPartitioning =
  { readonly by: 'window' } | { readonly by: 'period' } | { readonly by: 'none' };

export interface AssetDefinition {
  /** Asset key, e.g. `raw_commerce.enterprises`. Unique in the registry. */
  readonly key: string;
  /** Chinese title shown in the data console. */
  readonly title: string;
  /** English description; the first sentence states the grain. */
  readonly description: string;
  readonly kind: AssetKind;
  /** Keys of the assets this one is computed from. */
  readonly upstream: readonly string[];
  readonly partitioning: AssetPartitioning;
  /** Fully qualified relation in the DuckDB session where the lake is attached as `lake`. */
  readonly relation: string;
  /**
   * For dbt and seed assets, the dbt resource name: the file `models/**\/<dbtModel>.sql` of a
   * model, `models/seeds/<dbtModel>.csv` of a seed.
   */
  readonly dbtModel?: string;
}

export interface AssetGraph {
  readonly assets: readonly AssetDefinition[];
  /** Assets ordered so that every asset comes after all of its upstream assets. */
  readonly topologicalOrder: readonly string[];
  get(key: string): AssetDefinition;
  /** Keys of every asset downstream of `key` (transitively), in topological order. */
  downstreamOf(key: string): readonly string[];
  /** Keys of every asset upstream of `key` (transitively), in topological order. */
  upstreamOf(key: string): readonly string[];
}

export class AssetGraphError extends Error {
  override readonly name = 'AssetGraphError';
}

/**
 * Validates a list of asset definitions and composes them into a graph: keys are unique, every
 * upstream key names a defined asset, the graph has no cycle, and dbt assets name their model.
 * Throws {@link AssetGraphError} describing the first problem found.
 */
export function defineAssetGraph(assets: readonly AssetDefinition[]): AssetGraph {
  const byKey = new Map<string, AssetDefinition>();
  for (const asset of assets) {
    if (byKey.has(asset.key)) throw new AssetGraphError(`duplicate asset key: ${asset.key}`);
    if (asset.kind !== 'landing' && asset.dbtModel === undefined) {
      throw new AssetGraphError(`${asset.kind} asset ${asset.key} does not name its dbt model`);
    }
    byKey.set(asset.key, asset);
  }
  for (const asset of assets) {
    for (const upstream of asset.upstream) {
      if (!byKey.has(upstream)) {
        throw new AssetGraphError(`asset ${asset.key} depends on unknown asset ${upstream}`);
      }
    }
  }
  const topologicalOrder = sortTopologically(assets);
  const rank = new Map(topologicalOrder.map((key, index) => [key, index]));
  const byRank = (keys: Iterable<string>): string[] =>
    [...keys].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));

  const get = (key: string): AssetDefinition => {
    const asset = byKey.get(key);
    if (asset === undefined) throw new AssetGraphError(`unknown asset: ${key}`);
    return asset;
  };
  const walk = (start: string, next: (key: string) => readonly string[]): string[] => {
    get(start);
    const seen = new Set<string>();
    const stack = [...next(start)];
    for (let key = stack.pop(); key !== undefined; key = stack.pop()) {
      if (seen.has(key)) continue;
      seen.add(key);
      stack.push(...next(key));
    }
    return byRank(seen);
  };
  const downstreamKeys = (key: string): string[] =>
    assets.filter((asset) => asset.upstream.includes(key)).map((asset) => asset.key);

  return {
    assets,
    topologicalOrder,
    get,
    downstreamOf: (key) => walk(key, downstreamKeys),
    upstreamOf: (key) => walk(key, (k) => get(k).upstream),
  };
}

/** Kahn's algorithm, stable in declaration order; throws on a cycle naming its members. */
function sortTopologically(assets: readonly AssetDefinition[]): string[] {
  const remaining = new Map(assets.map((asset) => [asset.key, new Set(asset.upstream)]));
  const order: string[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining].filter(([, upstream]) => upstream.size === 0).map(([key]) => key);
    if (ready.length === 0) {
      throw new AssetGraphError(
        `asset graph has a cycle among: ${[...remaining.keys()].join(', ')}`,
      );
    }
    for (const key of ready) {
      remaining.delete(key);
      order.push(key);
      for (const upstream of remaining.values()) upstream.delete(key);
    }
  }
  return order;
}
