// The registry derived from the source definitions and from dbt's own manifest (a real
// `dbt parse` of models/): what it holds, how the graph orders it, and what it refuses.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BANK_ENTITIES } from '@sg/connector-bank';
import { BUSINESS_TABLES, DELETIONS_ENTITY, SCHEMA_DRIFT_ENTITY } from '@sg/connector-business';
import { CHANGE_FEED_ENTITY, COMMERCE_ENTITIES } from '@sg/connector-commerce';
import { TAX_FILE_ENTITIES } from '@sg/connector-tax';
import type { DbtManifest } from '@sg/dbt-cli';
import { findRepoRoot } from '@sg/runtime-env';
import { parseModelsProject } from '../testing/parsed-registry.ts';
import { AssetGraphError, defineAssetGraph } from './asset-definition.ts';
import type { AssetDefinition } from './asset-definition.ts';
import { SOURCES, createPipelineRegistry, landingAssetKey } from './registry.ts';
import type { PipelineRegistry } from './registry.ts';

const RAW_COMMERCE_ENTERPRISES = 'raw_commerce.enterprises';
const STG_COMMERCE_ENTERPRISES = 'staging.stg_commerce__enterprises';
const MARTS_ENTERPRISES = 'marts.enterprises';
const REF_REGIONS = 'reference.ref_regions';
const REF_INDUSTRIES = 'reference.ref_industries';

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

let manifest: DbtManifest;
let registry: PipelineRegistry;

beforeAll(async () => {
  manifest = await parseModelsProject();
  registry = createPipelineRegistry({ sources: SOURCES, dbtManifest: manifest });
}, 60_000);

describe('asset registry', () => {
  it('loads, and orders the commerce assets raw → staging → mart (seeds before the mart)', () => {
    const order = registry.assetGraph.topologicalOrder;
    const rank = (key: string) => order.indexOf(key);
    expect(order).toHaveLength(registry.assetGraph.assets.length);
    for (const before of [RAW_COMMERCE_ENTERPRISES, REF_REGIONS, REF_INDUSTRIES]) {
      expect(rank(before), before).toBeLessThan(rank(STG_COMMERCE_ENTERPRISES));
    }
    expect(rank(STG_COMMERCE_ENTERPRISES)).toBeLessThan(rank(MARTS_ENTERPRISES));
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
    'holds a landing asset, partitioned by $by, for every raw table the $source connector writes',
    ({ source, entities, by }) => {
      const assets = registry.landingAssetsOf(source);
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

  it('derives the landing assets from the registered sources only, in landing order', () => {
    const landingKeys = registry.assetGraph.assets
      .filter((a) => a.kind === 'landing')
      .map((a) => a.key);
    expect(
      SOURCES.flatMap((s) => s.rawTables.map((table) => landingAssetKey(s.name, table.entity))),
    ).toEqual(landingKeys);
    expect(SOURCES.map((s) => s.name)).toEqual(['commerce', 'business', 'tax', 'bank', 'finance']);
  });

  it('documents every asset with a Chinese title and an English description stating the grain', () => {
    for (const asset of registry.assetGraph.assets) {
      expect(asset.title, asset.key).toMatch(/\p{Script=Han}/u);
      expect(asset.description, asset.key).toMatch(/^One row per /);
    }
  });

  it.each([
    { kind: 'dbt', dir: 'models/models', extension: '.sql' },
    { kind: 'seed', dir: 'models/seeds', extension: '.csv' },
  ] as const)(
    'takes a $kind asset from the manifest for every $dir/**/<name>$extension',
    ({ kind, dir, extension }) => {
      const files = fileNames(path.join(findRepoRoot(), dir), extension);
      const models = registry.assetGraph.assets
        .filter((asset) => asset.kind === kind)
        .map((asset) => asset.dbtModel);
      expect(new Set(models)).toEqual(files);
    },
  );

  it('finds only commerce upstream of the enterprises mart', () => {
    expect(registry.sourcesUpstreamOf([MARTS_ENTERPRISES])).toEqual(['commerce']);
    expect(registry.sourcesUpstreamOf([RAW_COMMERCE_ENTERPRISES])).toEqual([]);
  });

  it('plans the dbt build of every model downstream of the sources: + each leaf model', () => {
    const plan = registry.dbtBuildPlan();
    expect([...(plan?.assets ?? [])].sort()).toEqual([
      'intermediate.int_customers__match_issues',
      MARTS_ENTERPRISES,
      'marts.regulatory_monthly_report',
      'staging.stg_bank__loan_schedules',
      'staging.stg_bank__loans',
      'staging.stg_bank__repayments',
      'staging.stg_bank__transactions',
      'staging.stg_business__approval_logs',
      'staging.stg_business__bank_credit_lines',
      'staging.stg_business__bank_partners',
      'staging.stg_business__collateral_registrations',
      'staging.stg_business__compensation_claims',
      'staging.stg_business__compensations',
      'staging.stg_business__counter_guarantees',
      'staging.stg_business__credit_report_guarantees',
      'staging.stg_business__customer_credit_lines',
      'staging.stg_business__deletions',
      'staging.stg_business__deposit_refunds',
      'staging.stg_business__dictionary',
      'staging.stg_business__fees',
      'staging.stg_business__guarantee_contracts',
      'staging.stg_business__loans',
      'staging.stg_business__org_units',
      'staging.stg_business__post_checks',
      'staging.stg_business__products',
      'staging.stg_business__recoveries',
      'staging.stg_business__related_parties',
      'staging.stg_business__releases',
      'staging.stg_business__repayments',
      'staging.stg_business__risk_classes',
      'staging.stg_business__risk_shares',
      'staging.stg_business__schema_drift',
      'staging.stg_business__users',
      'staging.stg_business__write_offs',
      'staging.stg_commerce__abnormal_operations',
      'staging.stg_commerce__annual_reports',
      'staging.stg_commerce__court_cases',
      'staging.stg_commerce__enforcements',
      'staging.stg_commerce__executives',
      'staging.stg_commerce__penalties',
      'staging.stg_commerce__shareholders',
      'staging.stg_finance__balance_sheet_items',
      'staging.stg_finance__income_statement_items',
      'staging.stg_finance__supplementary_items',
      'staging.stg_tax__tax_payments',
    ]);
    expect(plan?.select.split(' ')).toEqual(
      plan?.assets.map((key) => `+${key.split('.')[1] ?? ''}`),
    );
    expect(plan?.upstreamSources).toEqual(['commerce', 'business', 'tax', 'bank', 'finance']);
  });

  it('refuses a dbt selector for a landing asset', () => {
    expect(() => registry.dbtSelectorFor([RAW_COMMERCE_ENTERPRISES])).toThrow(/not a dbt asset/);
  });

  it('lists the dbt assets built with the enterprises mart: seeds and staging, then the mart', () => {
    expect(registry.dbtAssetsBuiltWith([MARTS_ENTERPRISES]).map((asset) => asset.key)).toEqual([
      REF_REGIONS,
      REF_INDUSTRIES,
      STG_COMMERCE_ENTERPRISES,
      MARTS_ENTERPRISES,
    ]);
  });

  it('walks downstream of the raw landing to staging and the mart', () => {
    const downstream = registry.assetGraph.downstreamOf(RAW_COMMERCE_ENTERPRISES);
    // The commerce list models read the enterprises' pulls (an enterprise's lists are those of
    // its latest pull), so they are downstream of the enterprises landing too.
    expect(downstream).toEqual(
      expect.arrayContaining([
        STG_COMMERCE_ENTERPRISES,
        'staging.stg_commerce__annual_reports',
        'staging.stg_commerce__shareholders',
      ]),
    );
    expect(downstream.indexOf(STG_COMMERCE_ENTERPRISES)).toBeLessThan(
      downstream.indexOf(MARTS_ENTERPRISES),
    );
  });

  it('refuses a dbt project that reads a raw table no registered source lands', () => {
    const withoutCommerce = SOURCES.filter((source) => source.name !== 'commerce');
    expect(() =>
      createPipelineRegistry({ sources: withoutCommerce, dbtManifest: manifest }),
    ).toThrow(/depends on unknown asset raw_commerce\./);
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
