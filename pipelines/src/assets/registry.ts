// The asset registry: every asset the pipelines materialise, in one place (Dagster's
// `Definitions`). Workflows derive what to run from it; the data console reads it.
import { defineAssetGraph } from './asset-definition.ts';
import type { AssetDefinition, AssetGraph } from './asset-definition.ts';

/** The sources the pipelines land, in landing order. */
export const LANDING_SOURCES = ['commerce', 'business', 'tax', 'bank'] as const;
export type SourceName = (typeof LANDING_SOURCES)[number];

/** The key of a source's raw table, e.g. `raw_tax.vat_invoices`. */
export function landingAssetKey(source: SourceName, entity: string): string {
  return `raw_${source}.${entity}`;
}

export const RAW_COMMERCE_ENTERPRISES = 'raw_commerce.enterprises';
export const STG_COMMERCE_ENTERPRISES = 'stg_commerce__enterprises';
export const MARTS_ENTERPRISES = 'marts.enterprises';
export const REF_REGIONS = 'reference.ref_regions';
export const REF_INDUSTRIES = 'reference.ref_industries';

/** [entity, Chinese title, English description whose first sentence states the grain]. */
type LandingSpec = readonly [entity: string, title: string, description: string];

const COMMERCE_LANDINGS: readonly LandingSpec[] = [
  [
    'enterprises',
    '工商企业登记信息（原始落地）',
    'One row per enterprise per landing window, as returned by the commerce-data API. ' +
      'A full window holds every enterprise the vendor lists, an incremental one those the ' +
      'change feed named; rows failing validation or type casts go to the quarantine table.',
  ],
  [
    'shareholders',
    '工商股东信息（原始落地）',
    'One row per shareholder of an enterprise per landing window, from the vendor’s ' +
      'shareholder list of each enterprise pulled in that window.',
  ],
  [
    'executives',
    '工商主要人员（原始落地）',
    'One row per executive (person and position) of an enterprise per landing window.',
  ],
  [
    'changes',
    '工商变更记录（原始落地）',
    'One row per registration change record of an enterprise per landing window.',
  ],
  [
    'penalties',
    '行政处罚（原始落地）',
    'One row per administrative penalty decision against an enterprise per landing window.',
  ],
  [
    'abnormal_operations',
    '经营异常名录（原始落地）',
    'One row per listing of an enterprise in the abnormal-operations register per landing ' +
      'window, with its removal date when removed.',
  ],
  [
    'court_cases',
    '司法案件（原始落地）',
    'One row per court case and role of an enterprise per landing window.',
  ],
  [
    'enforcements',
    '被执行人信息（原始落地）',
    'One row per enforcement case against an enterprise per landing window, flagging ' +
      'dishonest judgment debtors (失信).',
  ],
  [
    'change_feed',
    '工商变更通知流（原始落地）',
    'One row per change-feed entry (enterprise and change time) read in a landing window; ' +
      'its latest feed_cursor is where the next incremental landing resumes.',
  ],
];

const BUSINESS_LANDINGS: readonly LandingSpec[] = [
  [
    't_bank_partner',
    '合作银行（业务系统原始落地）',
    'One row per partner bank per landing window.',
  ],
  [
    't_customer',
    '客户（业务系统原始落地）',
    'One row per customer (enterprise, individual business, cooperative or farmer) changed or ' +
      'new in a landing window (every customer in a full window).',
  ],
  [
    't_application',
    '担保申请（业务系统原始落地）',
    'One row per guarantee application changed or new in a landing window.',
  ],
  [
    't_project',
    '评审项目（业务系统原始落地）',
    'One row per review project (investigation and committee decision) changed or new in a ' +
      'landing window.',
  ],
  [
    't_guarantee_contract',
    '担保合同（业务系统原始落地）',
    'One row per guarantee contract changed or new in a landing window; amounts in fen.',
  ],
  [
    't_counter_guarantee',
    '反担保措施（业务系统原始落地）',
    'One row per counter-guarantee (mortgage, pledge or guarantor) changed or new in a landing ' +
      'window.',
  ],
  [
    't_fee',
    '收费记录（业务系统原始落地）',
    'One row per fee charged (guarantee fee, review fee, deposit) per landing window; the table ' +
      'has no updated_at, so every window holds it in full.',
  ],
  [
    't_loan',
    '放款记录（业务系统原始落地）',
    'One row per bank loan under a guarantee contract changed or new in a landing window.',
  ],
  [
    't_repayment',
    '还款记录（业务系统原始落地）',
    'One row per loan repayment changed or new in a landing window.',
  ],
  [
    't_post_check',
    '保后检查（业务系统原始落地）',
    'One row per post-guarantee check changed or new in a landing window.',
  ],
  [
    't_risk_class',
    '风险分类（业务系统原始落地）',
    'One row per quarterly five-level risk classification of a contract per landing window ' +
      '(in full every window).',
  ],
  [
    't_compensation',
    '代偿记录（业务系统原始落地）',
    'One row per compensation paid to a bank per landing window (in full every window).',
  ],
  [
    't_recovery',
    '追偿记录（业务系统原始落地）',
    'One row per recovery after a compensation per landing window (in full every window).',
  ],
  [
    't_release',
    '解保记录（业务系统原始落地）',
    'One row per guarantee release per landing window (in full every window).',
  ],
  [
    'deletions',
    '业务系统删除记录',
    'One row per source row found hard-deleted in a landing window (table and primary key, ' +
      'with the last window that landed it).',
  ],
  [
    'schema_drift',
    '业务系统表结构漂移',
    'One row per schema difference (added, removed or retyped column, missing table) between ' +
      'the legacy database and the declared mapping, found in a landing window.',
  ],
];

const TAX_LANDINGS: readonly LandingSpec[] = [
  [
    'vat_invoices',
    '增值税发票（税务月度文件原始落地）',
    'One row per VAT invoice per tax period, from the monthly file drop of that period ' +
      '(window = period; a corrected drop replaces the period); amounts in fen.',
  ],
  [
    'tax_payments',
    '税款缴纳（税务月度文件原始落地）',
    'One row per tax payment (taxpayer, period, tax type) per tax period, from the monthly ' +
      'file drop of that period (window = period).',
  ],
];

const BANK_LANDINGS: readonly LandingSpec[] = [
  [
    'accounts',
    '银行账户（银行文件原始落地）',
    'One row per bank account per landing window, from the account lists in the banks’ drops ' +
      '(the copy from the latest drop kept).',
  ],
  [
    'loans',
    '银行贷款（银行文件原始落地）',
    'One row per bank loan per landing window, from the loan records in the banks’ drops.',
  ],
  [
    'loan_schedules',
    '贷款还款计划（银行文件原始落地）',
    'One row per instalment (loan and period number) of a loan schedule per landing window.',
  ],
  [
    'repayments',
    '贷款还款记录（银行文件原始落地）',
    'One row per repayment (loan, period number and paid date) per landing window.',
  ],
  [
    'transactions',
    '银行流水（银行文件原始落地）',
    'One row per account transaction (bank and transaction key) per landing window, from the ' +
      'statement files of every layout in the banks’ drops; amounts in fen, times in UTC.',
  ],
];

function landingAssets(
  source: SourceName,
  specs: readonly LandingSpec[],
  partitioning: AssetDefinition['partitioning'],
): AssetDefinition[] {
  return specs.map(([entity, title, description]) => ({
    key: landingAssetKey(source, entity),
    title,
    description,
    kind: 'landing',
    upstream: [],
    partitioning,
    relation: `lake.raw_${source}.${entity}`,
  }));
}

const ASSETS: readonly AssetDefinition[] = [
  ...landingAssets('commerce', COMMERCE_LANDINGS, { by: 'window' }),
  ...landingAssets('business', BUSINESS_LANDINGS, { by: 'window' }),
  ...landingAssets('tax', TAX_LANDINGS, { by: 'period' }),
  ...landingAssets('bank', BANK_LANDINGS, { by: 'window' }),
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

/** The landing assets (raw tables) of one source, in declaration order. */
export function landingAssetsOf(source: SourceName): readonly AssetDefinition[] {
  const prefix = `raw_${source}.`;
  return assetGraph.assets.filter(
    (asset) => asset.kind === 'landing' && asset.key.startsWith(prefix),
  );
}

/** The sources whose landing assets are upstream of `key`, in landing order. */
export function sourcesUpstreamOf(key: string): readonly SourceName[] {
  const upstream = new Set(assetGraph.upstreamOf(key));
  return LANDING_SOURCES.filter((source) =>
    landingAssetsOf(source).some((asset) => upstream.has(asset.key)),
  );
}

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
