// The legacy business database as a source, declared once: its raw tables (the declared legacy
// tables, deletions, schema drift), where its settings come from and how it lands a window
// (landBusinessWindow). The pipelines register it by this one definition.
import type { RawTableDefinition, SourceDefinition, SourceEnvironment } from '@sg/source-contract';
import { SourceConfigError } from '@sg/source-contract';
import { asBusinessDatabaseError } from './business-errors.ts';
import { BUSINESS_SOURCE, DELETIONS_ENTITY, SCHEMA_DRIFT_ENTITY } from './lake-state.ts';
import { DELETION_COLUMNS, SCHEMA_DRIFT_COLUMNS, landBusinessWindow } from './land.ts';
import { businessClientConfigFromEnv, createBusinessClient } from './live-client.ts';
import type { BusinessClientConfig } from './schemas.ts';
import { BUSINESS_TABLES, rawColumnSpecs } from './type-mapping.ts';

/** The raw tables `landBusinessWindow` writes: every declared table, then deletions and drift. */
export const BUSINESS_RAW_TABLES: readonly RawTableDefinition[] = [
  ...BUSINESS_TABLES.map((mapped) => ({
    entity: mapped.table,
    title: mapped.title,
    description: mapped.description,
    columns: rawColumnSpecs(mapped),
  })),
  {
    entity: DELETIONS_ENTITY,
    title: '业务系统删除记录',
    description:
      'One row per source row found hard-deleted in a landing window (table and primary key, ' +
      'with the last window that landed it).',
    columns: DELETION_COLUMNS,
  },
  {
    entity: SCHEMA_DRIFT_ENTITY,
    title: '业务系统表结构漂移',
    description:
      'One row per schema difference (added, removed or retyped column, missing table) between ' +
      'the legacy database and the declared mapping, found in a landing window.',
    columns: SCHEMA_DRIFT_COLUMNS,
  },
];

/**
 * SG_BUSINESS_DB_URL (`postgres://` or `mariadb://`, a read-only account). Locally it defaults to
 * the embedded PGlite server of `just up` on SG_BUSINESS_DB_PORT (5434); production requires it.
 */
function businessConfigFromEnvironment({
  environment,
  env,
}: SourceEnvironment): BusinessClientConfig {
  if (environment === 'production' && env['SG_BUSINESS_DB_URL'] === undefined) {
    throw new SourceConfigError(
      '业务系统数据库配置不完整：生产环境必须设置 SG_BUSINESS_DB_URL（postgres:// 或 mariadb://）',
    );
  }
  try {
    return businessClientConfigFromEnv(env);
  } catch (error) {
    // The URL is validated with zod: report its Chinese messages, not the issue JSON.
    const issues = (error as { issues?: readonly { message: string }[] }).issues;
    if (issues === undefined) throw error;
    throw new SourceConfigError(
      `业务系统数据库配置无效：${issues.map((issue) => issue.message).join('；')}`,
      { cause: error },
    );
  }
}

/**
 * The legacy business database: every declared table (in full the first time, then by
 * watermark) into `raw_business.<t_table>`, then the window's deletions and schema drift, all read
 * in one consistent snapshot of the source.
 */
export const businessSource: SourceDefinition<BusinessClientConfig> = {
  name: BUSINESS_SOURCE,
  title: '业务系统',
  partitioning: 'window',
  rawTables: BUSINESS_RAW_TABLES,
  configFromEnvironment: businessConfigFromEnvironment,
  async land(lake, config, { window }) {
    try {
      const client = await createBusinessClient(config);
      try {
        const result = await landBusinessWindow(lake, client, { window });
        const incremental = result.tables.filter((table) => table.mode === 'incremental').length;
        return {
          landings: [
            ...result.tables.map((table) => ({
              entity: table.table,
              window,
              result: table.landing,
            })),
            { entity: DELETIONS_ENTITY, window, result: result.deletions },
            { entity: SCHEMA_DRIFT_ENTITY, window, result: result.drift },
          ],
          details: {
            tables: result.tables.map((table) => ({
              table: table.table,
              mode: table.mode,
              updatedSince: table.updatedSince,
              receivedCount: table.receivedCount,
              deletedCount: table.deletedCount,
            })),
            driftFindings: result.driftFindings.length,
          },
          note: `增量 ${String(incremental)} 张，结构漂移 ${String(result.driftFindings.length)} 项`,
          refused: null,
        };
      } finally {
        await client.close();
      }
    } catch (error) {
      throw asBusinessDatabaseError(error);
    }
  },
};
