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

/** Chinese title and English description (grain first) of each declared legacy table. */
const TABLE_DOCS: Readonly<Record<string, readonly [string, string]>> = {
  t_bank_partner: ['合作银行（业务系统原始落地）', 'One row per partner bank per landing window.'],
  t_customer: [
    '客户（业务系统原始落地）',
    'One row per customer (enterprise, individual business, cooperative or farmer) changed or ' +
      'new in a landing window (every customer in a full window).',
  ],
  t_application: [
    '担保申请（业务系统原始落地）',
    'One row per guarantee application changed or new in a landing window.',
  ],
  t_project: [
    '评审项目（业务系统原始落地）',
    'One row per review project (investigation and committee decision) changed or new in a ' +
      'landing window.',
  ],
  t_guarantee_contract: [
    '担保合同（业务系统原始落地）',
    'One row per guarantee contract changed or new in a landing window; amounts in fen.',
  ],
  t_counter_guarantee: [
    '反担保措施（业务系统原始落地）',
    'One row per counter-guarantee (mortgage, pledge or guarantor) changed or new in a landing ' +
      'window.',
  ],
  t_fee: [
    '收费记录（业务系统原始落地）',
    'One row per fee charged (guarantee fee, review fee, deposit) per landing window; the table ' +
      'has no updated_at, so every window holds it in full.',
  ],
  t_loan: [
    '放款记录（业务系统原始落地）',
    'One row per bank loan under a guarantee contract changed or new in a landing window.',
  ],
  t_repayment: [
    '还款记录（业务系统原始落地）',
    'One row per loan repayment changed or new in a landing window.',
  ],
  t_post_check: [
    '保后检查（业务系统原始落地）',
    'One row per post-guarantee check changed or new in a landing window.',
  ],
  t_risk_class: [
    '风险分类（业务系统原始落地）',
    'One row per quarterly five-level risk classification of a contract per landing window ' +
      '(in full every window).',
  ],
  t_compensation: [
    '代偿记录（业务系统原始落地）',
    'One row per compensation paid to a bank per landing window (in full every window).',
  ],
  t_recovery: [
    '追偿记录（业务系统原始落地）',
    'One row per recovery after a compensation per landing window (in full every window).',
  ],
  t_release: [
    '解保记录（业务系统原始落地）',
    'One row per guarantee release per landing window (in full every window).',
  ],
};

/** The raw tables `landBusinessWindow` writes: every declared table, then deletions and drift. */
export const BUSINESS_RAW_TABLES: readonly RawTableDefinition[] = [
  ...BUSINESS_TABLES.map((mapped) => {
    const [title, description] = TABLE_DOCS[mapped.table] ?? ['', ''];
    return { entity: mapped.table, title, description, columns: rawColumnSpecs(mapped) };
  }),
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
