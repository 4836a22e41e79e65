// The commerce source, declared once: its raw tables, where its settings come from and how it
// lands a window (landCommerceSource). The pipelines register it by this one definition.
import { LOCAL_PORTS } from '@sg/runtime-env';
import type {
  JsonValue,
  RawTableDefinition,
  SourceDefinition,
  SourceEnvironment,
} from '@sg/source-contract';
import { CHANGE_FEED_ENTITY, COMMERCE_SOURCE, ENTERPRISES_ENTITY } from './extract-source.ts';
import { landCommerceSource } from './land-source.ts';
import { commerceClientConfigFromEnv, createCommerceClient } from './live-client.ts';
import type { CommerceClientConfig } from './live-client.ts';
import { RELATED_ENTITIES } from './related-entities.ts';
import {
  COMMERCE_CHANGE_FEED_COLUMNS,
  commerceEnterpriseColumnSpecs,
  toColumnSpecs,
} from './type-mapping.ts';

/**
 * Locally, the commerce API is the simulator (simulators/commerce): its default port and dev
 * credentials (the connector never imports the simulator, so they are repeated here).
 */
export const LOCAL_COMMERCE_DEFAULTS = {
  port: LOCAL_PORTS.commerceSimulator.port,
  apiKey: 'sg-dev-commerce-key',
  apiSecret: 'sg-dev-commerce-secret',
} as const;

/** The raw tables `landCommerceSource` writes, in landing order (`change_feed` last). */
export const COMMERCE_RAW_TABLES: readonly RawTableDefinition[] = [
  {
    entity: ENTERPRISES_ENTITY,
    title: '工商企业登记信息（原始落地）',
    description:
      'One row per enterprise per landing window, as returned by the commerce-data API. ' +
      'A full window holds every enterprise the vendor lists, an incremental one those the ' +
      'change feed named; rows failing validation or type casts go to the quarantine table.',
    columns: commerceEnterpriseColumnSpecs(),
  },
  ...RELATED_ENTITIES.map((related) => ({
    entity: related.entity,
    title: related.title,
    description: related.description,
    columns: toColumnSpecs(related.columns),
  })),
  {
    entity: CHANGE_FEED_ENTITY,
    title: '工商变更通知流（原始落地）',
    description:
      'One row per change-feed entry (enterprise and change time) read in a landing window; ' +
      'its latest feed_cursor is where the next incremental landing resumes.',
    columns: toColumnSpecs(COMMERCE_CHANGE_FEED_COLUMNS),
  },
];

/**
 * SG_COMMERCE_BASE_URL, SG_COMMERCE_API_KEY, SG_COMMERCE_API_SECRET. Locally each defaults to the
 * simulator's (its port from SG_SIM_COMMERCE_PORT); in production all three are required.
 */
function commerceConfigFromEnvironment({
  environment,
  env,
}: SourceEnvironment): CommerceClientConfig {
  const local =
    environment === 'production'
      ? {}
      : {
          SG_COMMERCE_BASE_URL: `http://127.0.0.1:${env['SG_SIM_COMMERCE_PORT'] ?? String(LOCAL_COMMERCE_DEFAULTS.port)}`,
          SG_COMMERCE_API_KEY: LOCAL_COMMERCE_DEFAULTS.apiKey,
          SG_COMMERCE_API_SECRET: LOCAL_COMMERCE_DEFAULTS.apiSecret,
        };
  return commerceClientConfigFromEnv({ ...local, ...env });
}

/**
 * The commerce-data vendor: enterprises, their seven related lists and the change feed, each into
 * `raw_commerce.<entity>`, incrementally from the lake's feed cursor (in full the first time).
 */
export const commerceSource: SourceDefinition<CommerceClientConfig> = {
  name: COMMERCE_SOURCE,
  title: '工商数据',
  partitioning: 'window',
  rawTables: COMMERCE_RAW_TABLES,
  configFromEnvironment: commerceConfigFromEnvironment,
  async land(lake, config, { window, signal, onProgress }) {
    const result = await landCommerceSource(lake, createCommerceClient(config), window, {
      ...(signal === undefined ? {} : { signal }),
      ...(onProgress === undefined
        ? {}
        : {
            onLanded: (entity) => {
              onProgress(entity);
            },
          }),
    });
    const details: Record<string, JsonValue> = {
      mode: result.mode,
      since: result.since,
      feedCursor: result.feedCursor,
      enterprisesPulled: result.enterprisesPulled,
      enterprisesGone: result.enterprisesGone,
    };
    return {
      landings: Object.entries(result.landings).map(([entity, landing]) => ({
        entity,
        window,
        result: landing,
      })),
      details,
      note: `${result.mode === 'full' ? '全量' : '增量'}，${String(result.enterprisesPulled)} 家企业`,
      refused: null,
    };
  },
};
