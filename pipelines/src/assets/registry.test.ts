import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot } from '../repo-root.ts';
import { AssetGraphError, defineAssetGraph } from './asset-definition.ts';
import type { AssetDefinition } from './asset-definition.ts';
import {
  MARTS_ENTERPRISES,
  RAW_COMMERCE_ENTERPRISES,
  STG_COMMERCE_ENTERPRISES,
  assetGraph,
  dbtAssetsBuiltWith,
  dbtSelectorFor,
} from './registry.ts';

/** Every `*.sql` file name (without extension) under models/, recursively. */
function dbtModelFileNames(modelsDir: string): Set<string> {
  const names = new Set<string>();
  for (const entry of readdirSync(modelsDir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.sql') && !entry.parentPath.includes('target')) {
      names.add(path.basename(entry.name, '.sql'));
    }
  }
  return names;
}

describe('asset registry', () => {
  it('loads, and orders the commerce assets raw → staging → mart', () => {
    expect(assetGraph.topologicalOrder).toEqual([
      RAW_COMMERCE_ENTERPRISES,
      STG_COMMERCE_ENTERPRISES,
      MARTS_ENTERPRISES,
    ]);
  });

  it('documents every asset with a Chinese title and an English description', () => {
    for (const asset of assetGraph.assets) {
      expect(asset.title, asset.key).toMatch(/\p{Script=Han}/u);
      expect(asset.description, asset.key).toMatch(/^One row per /);
    }
  });

  it('has a dbt model file in models/ for every dbt asset', () => {
    const modelsDir = path.join(findRepoRoot(), 'models');
    const modelFiles = dbtModelFileNames(modelsDir);
    const dbtAssets = assetGraph.assets.filter((asset) => asset.kind === 'dbt');
    expect(dbtAssets.length).toBeGreaterThan(0);
    for (const asset of dbtAssets) {
      expect(modelFiles, `models/**/${asset.dbtModel ?? '?'}.sql`).toContain(asset.dbtModel);
    }
  });

  it.each([
    { key: MARTS_ENTERPRISES, selector: '+enterprises' },
    { key: STG_COMMERCE_ENTERPRISES, selector: '+stg_commerce__enterprises' },
  ])('selects $selector to build $key and its upstream', ({ key, selector }) => {
    expect(dbtSelectorFor(key)).toBe(selector);
  });

  it('refuses a dbt selector for a landing asset', () => {
    expect(() => dbtSelectorFor(RAW_COMMERCE_ENTERPRISES)).toThrow(/not a dbt asset/);
  });

  it('lists the dbt assets built with the enterprises mart, staging first', () => {
    expect(dbtAssetsBuiltWith(MARTS_ENTERPRISES).map((asset) => asset.key)).toEqual([
      STG_COMMERCE_ENTERPRISES,
      MARTS_ENTERPRISES,
    ]);
  });

  it('walks downstream of the raw landing to both dbt assets', () => {
    expect(assetGraph.downstreamOf(RAW_COMMERCE_ENTERPRISES)).toEqual([
      STG_COMMERCE_ENTERPRISES,
      MARTS_ENTERPRISES,
    ]);
  });
});

const landing = (key: string, upstream: string[] = []): AssetDefinition => ({
  key,
  title: '测试',
  description: 'One row per test.',
  kind: 'landing',
  upstream,
  partitioning: { by: 'window' },
  relation: `lake.${key}`,
});

const BROKEN_GRAPHS: { name: string; assets: AssetDefinition[]; error: RegExp }[] = [
  {
    name: 'CYCLE_OF_TWO',
    assets: [landing('a', ['b']), landing('b', ['a'])],
    error: /cycle among: a, b/,
  },
  {
    name: 'CYCLE_BEHIND_A_ROOT',
    assets: [
      landing('root'),
      landing('x', ['root', 'z']),
      landing('y', ['x']),
      landing('z', ['y']),
    ],
    error: /cycle among: x, y, z/,
  },
  { name: 'SELF_LOOP', assets: [landing('a', ['a'])], error: /cycle among: a/ },
  {
    name: 'UNKNOWN_UPSTREAM',
    assets: [landing('a', ['missing'])],
    error: /depends on unknown asset missing/,
  },
  { name: 'DUPLICATE_KEY', assets: [landing('a'), landing('a')], error: /duplicate asset key: a/ },
  {
    name: 'DBT_ASSET_WITHOUT_MODEL',
    assets: [{ ...landing('a'), kind: 'dbt' }],
    error: /does not name its dbt model/,
  },
];

describe('defineAssetGraph', () => {
  it.each(BROKEN_GRAPHS)('rejects $name', ({ assets, error }) => {
    expect(() => defineAssetGraph(assets)).toThrow(AssetGraphError);
    expect(() => defineAssetGraph(assets)).toThrow(error);
  });
});
