import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot } from '../repo-root.ts';
import { AssetGraphError, defineAssetGraph } from './asset-definition.ts';
import type { AssetDefinition } from './asset-definition.ts';
import { BANK_ENTITIES } from '@sg/connector-bank';
import { BUSINESS_TABLES, DELETIONS_ENTITY, SCHEMA_DRIFT_ENTITY } from '@sg/connector-business';
import { CHANGE_FEED_ENTITY, COMMERCE_ENTITIES } from '@sg/connector-commerce';
import { TAX_FILE_ENTITIES } from '@sg/connector-tax';
import {
  LANDING_SOURCES,
  MARTS_ENTERPRISES,
  RAW_COMMERCE_ENTERPRISES,
  REF_INDUSTRIES,
  REF_REGIONS,
  STG_COMMERCE_ENTERPRISES,
  assetGraph,
  dbtAssetsBuiltWith,
  dbtSelectorFor,
  landingAssetKey,
  landingAssetsOf,
  sourcesUpstreamOf,
} from './registry.ts';

/** Every `*.<extension>` file name (without extension) under `dir`, recursively. */
function fileNames(dir: string, extension: '.sql' | '.csv'): Set<string> {
  const names = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(extension)) {
      names.add(path.basename(entry.name, extension));
    }
  }
  return names;
}

describe('asset registry', () => {
  it('loads, and orders the commerce assets raw → staging → mart (seeds before the mart)', () => {
    const order = assetGraph.topologicalOrder;
    const rank = (key: string) => order.indexOf(key);
    expect(order).toHaveLength(assetGraph.assets.length);
    for (const before of [RAW_COMMERCE_ENTERPRISES, REF_REGIONS, REF_INDUSTRIES]) {
      expect(rank(before), before).toBeLessThan(rank(STG_COMMERCE_ENTERPRISES));
    }
    expect(rank(STG_COMMERCE_ENTERPRISES)).toBeLessThan(rank(MARTS_ENTERPRISES));
    expect(order.at(-1)).toBe(MARTS_ENTERPRISES);
  });

  it.each([
    { source: 'commerce', entities: [...COMMERCE_ENTITIES, CHANGE_FEED_ENTITY], by: 'window' },
    {
      source: 'business',
      entities: [...BUSINESS_TABLES.map((t) => t.table), DELETIONS_ENTITY, SCHEMA_DRIFT_ENTITY],
      by: 'window',
    },
    { source: 'tax', entities: TAX_FILE_ENTITIES, by: 'period' },
    { source: 'bank', entities: BANK_ENTITIES, by: 'window' },
  ] as const)(
    'declares a landing asset, partitioned by $by, for every raw table the $source connector writes',
    ({ source, entities, by }) => {
      const assets = landingAssetsOf(source);
      expect(assets.map((asset) => asset.key).sort()).toEqual(
        entities.map((entity) => landingAssetKey(source, entity)).sort(),
      );
      for (const asset of assets) {
        expect(asset, asset.key).toMatchObject({
          kind: 'landing',
          upstream: [],
          partitioning: { by },
          relation: `lake.${asset.key}`,
        });
      }
    },
  );

  it('covers all four sources with landing assets', () => {
    const landingKeys = assetGraph.assets.filter((a) => a.kind === 'landing').map((a) => a.key);
    expect(LANDING_SOURCES.flatMap((s) => landingAssetsOf(s).map((a) => a.key))).toEqual(
      landingKeys,
    );
  });

  it('finds only commerce upstream of the enterprises mart', () => {
    expect(sourcesUpstreamOf(MARTS_ENTERPRISES)).toEqual(['commerce']);
    expect(sourcesUpstreamOf(RAW_COMMERCE_ENTERPRISES)).toEqual([]);
  });

  it('documents every asset with a Chinese title and an English description', () => {
    for (const asset of assetGraph.assets) {
      expect(asset.title, asset.key).toMatch(/\p{Script=Han}/u);
      expect(asset.description, asset.key).toMatch(/^One row per /);
    }
  });

  it.each([
    { kind: 'dbt', dir: 'models/models', extension: '.sql' },
    { kind: 'seed', dir: 'models/seeds', extension: '.csv' },
  ] as const)(
    'has a $dir/**/<name>$extension for every $kind asset',
    ({ kind, dir, extension }) => {
      const files = fileNames(path.join(findRepoRoot(), dir), extension);
      const assets = assetGraph.assets.filter((asset) => asset.kind === kind);
      expect(assets.length).toBeGreaterThan(0);
      for (const asset of assets) {
        expect(files, `${dir}/**/${asset.dbtModel ?? '?'}${extension}`).toContain(asset.dbtModel);
      }
    },
  );

  it.each([
    { key: MARTS_ENTERPRISES, selector: '+enterprises' },
    { key: STG_COMMERCE_ENTERPRISES, selector: '+stg_commerce__enterprises' },
  ])('selects $selector to build $key and its upstream', ({ key, selector }) => {
    expect(dbtSelectorFor(key)).toBe(selector);
  });

  it('refuses a dbt selector for a landing asset', () => {
    expect(() => dbtSelectorFor(RAW_COMMERCE_ENTERPRISES)).toThrow(/not a dbt asset/);
  });

  it('lists the dbt assets built with the enterprises mart: seeds and staging, then the mart', () => {
    expect(dbtAssetsBuiltWith(MARTS_ENTERPRISES).map((asset) => asset.key)).toEqual([
      REF_REGIONS,
      REF_INDUSTRIES,
      STG_COMMERCE_ENTERPRISES,
      MARTS_ENTERPRISES,
    ]);
  });

  it('walks upstream of the mart to the landing and both seeds', () => {
    expect(assetGraph.upstreamOf(MARTS_ENTERPRISES)).toEqual([
      RAW_COMMERCE_ENTERPRISES,
      REF_REGIONS,
      REF_INDUSTRIES,
      STG_COMMERCE_ENTERPRISES,
    ]);
  });

  it('walks downstream of the raw landing to staging and the mart', () => {
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
    error: /dbt asset a does not name its dbt model/,
  },
];

describe('defineAssetGraph', () => {
  it.each(BROKEN_GRAPHS)('rejects $name', ({ assets, error }) => {
    expect(() => defineAssetGraph(assets)).toThrow(AssetGraphError);
    expect(() => defineAssetGraph(assets)).toThrow(error);
  });
});
