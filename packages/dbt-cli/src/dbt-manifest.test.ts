import { describe, expect, it } from 'vitest';
import { dbtManifestSchema, dbtResources } from './dbt-manifest.ts';

/** The shape `dbt parse` writes, cut to a source, a staging model, a seed, a mart and a test. */
const MANIFEST = dbtManifestSchema.parse({
  metadata: { dbt_version: '1.11.0' },
  nodes: {
    'model.sg.stg_commerce__enterprises': {
      unique_id: 'model.sg.stg_commerce__enterprises',
      resource_type: 'model',
      name: 'stg_commerce__enterprises',
      schema: 'staging',
      alias: 'stg_commerce__enterprises',
      description: 'One row per enterprise,\n  from its latest landing.\n',
      meta: { title: '工商企业登记信息（标准化）' },
      depends_on: { nodes: ['source.sg.raw_commerce.enterprises'], macros: [] },
    },
    'seed.sg.ref_regions': {
      unique_id: 'seed.sg.ref_regions',
      resource_type: 'seed',
      name: 'ref_regions',
      schema: 'reference',
      alias: null,
      description: 'One row per region.',
      meta: {},
      depends_on: { macros: [] },
    },
    'model.sg.enterprises': {
      unique_id: 'model.sg.enterprises',
      resource_type: 'model',
      name: 'enterprises',
      schema: 'marts',
      description: 'One row per enterprise.',
      meta: { title: '企业主题表' },
      depends_on: { nodes: ['model.sg.stg_commerce__enterprises', 'seed.sg.ref_regions'] },
    },
    'test.sg.unique_enterprises_uscc': {
      unique_id: 'test.sg.unique_enterprises_uscc',
      resource_type: 'test',
      name: 'unique_enterprises_uscc',
      schema: 'marts_dbt_test__audit',
      depends_on: { nodes: ['model.sg.enterprises'] },
    },
  },
  sources: {
    'source.sg.raw_commerce.enterprises': {
      unique_id: 'source.sg.raw_commerce.enterprises',
      source_name: 'raw_commerce',
      name: 'enterprises',
      schema: 'raw_commerce',
      identifier: 'enterprises',
    },
  },
});

describe('dbtResources', () => {
  it('lists models and seeds (not tests) with relation, title, dependencies and sources read', () => {
    expect(dbtResources(MANIFEST)).toEqual([
      {
        uniqueId: 'model.sg.stg_commerce__enterprises',
        kind: 'model',
        name: 'stg_commerce__enterprises',
        schema: 'staging',
        relationName: 'stg_commerce__enterprises',
        description: 'One row per enterprise, from its latest landing.',
        title: '工商企业登记信息（标准化）',
        dependsOn: [],
        sources: ['raw_commerce.enterprises'],
      },
      {
        uniqueId: 'seed.sg.ref_regions',
        kind: 'seed',
        name: 'ref_regions',
        schema: 'reference',
        relationName: 'ref_regions',
        description: 'One row per region.',
        title: '',
        dependsOn: [],
        sources: [],
      },
      {
        uniqueId: 'model.sg.enterprises',
        kind: 'model',
        name: 'enterprises',
        schema: 'marts',
        relationName: 'enterprises',
        description: 'One row per enterprise.',
        title: '企业主题表',
        dependsOn: ['model.sg.stg_commerce__enterprises', 'seed.sg.ref_regions'],
        sources: [],
      },
    ]);
  });

  it('refuses a manifest without nodes or sources', () => {
    expect(dbtManifestSchema.safeParse({ nodes: {} }).success).toBe(false);
  });
});
