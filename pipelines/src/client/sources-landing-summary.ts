// Operator-facing summary of a sources landing (Chinese, one line per source and one for dbt),
// printed by run-sources-landing.ts beside the full JSON result.
import type { DbtBuildMetadata } from '../activities/activity-metadata.ts';
import { LANDING_SOURCES } from '../assets/registry.ts';
import type { SourceName } from '../assets/registry.ts';
import type {
  SourceLandings,
  SourcesLandingAndBuildResult,
  SourcesLandingOutcome,
} from '../workflows/sources-landing-and-build.ts';

const SOURCE_TITLES: Readonly<Record<SourceName, string>> = {
  commerce: '工商数据',
  business: '业务系统',
  tax: '税务文件',
  bank: '银行文件',
};

type AnySourceMetadata = SourceLandings[keyof SourceLandings];

function landedLine(metadata: AnySourceMetadata): string {
  const rows = metadata.landings.reduce((sum, landing) => sum + landing.rowCount, 0);
  const quarantined = metadata.landings.reduce((sum, landing) => sum + landing.quarantinedCount, 0);
  const tables = new Set(metadata.landings.map((landing) => landing.asset)).size;
  return `${String(tables)} 张表，落地 ${String(rows)} 行，隔离 ${String(quarantined)} 行${sourceNote(metadata)}`;
}

function sourceNote(metadata: AnySourceMetadata): string {
  switch (metadata.source) {
    case 'commerce': {
      const mode = metadata.mode === 'full' ? '全量' : '增量';
      return `（${mode}，${String(metadata.enterprisesPulled)} 家企业）`;
    }
    case 'business': {
      const incremental = metadata.tables.filter((table) => table.mode === 'incremental').length;
      return `（增量 ${String(incremental)} 张，结构漂移 ${String(metadata.driftFindings)} 项）`;
    }
    case 'tax': {
      const periods = metadata.periods.map((period) => period.period);
      const range = periods.length === 0 ? '' : `：${periods[0] ?? ''}…${periods.at(-1) ?? ''}`;
      return `（${String(periods.length)} 个所属期${range}）`;
    }
    case 'bank':
      return `（${String(metadata.dropIds.length)} 个投递批次，${String(metadata.fileCount)} 个文件）`;
  }
}

function dbtLine(dbt: DbtBuildMetadata): string {
  const counts = dbt.assets.map((asset) => `${asset.asset} ${String(asset.rowCount)} 行`);
  return `dbt 构建 ${dbt.select}：成功${counts.length === 0 ? '' : `，${counts.join('，')}`}`;
}

/** One line per source (landed, or failed with its message) and one for the dbt build. */
export function summariseSourcesLanding(
  result: SourcesLandingAndBuildResult | SourcesLandingOutcome,
): string[] {
  const sources: Partial<SourceLandings> = result.sources;
  const failures = 'failures' in result ? result.failures : [];
  const lines = LANDING_SOURCES.map((source) => {
    const metadata = sources[source];
    if (metadata !== undefined) return `${SOURCE_TITLES[source]}：${landedLine(metadata)}`;
    const failure = failures.find((f) => f.step === source);
    return `${SOURCE_TITLES[source]}：失败 — ${failure?.message ?? '未运行'}`;
  });
  if (result.dbt !== null) {
    lines.push(dbtLine(result.dbt));
  } else if ('dbtSkipped' in result && result.dbtSkipped !== null) {
    lines.push(`dbt 构建：未运行 — ${result.dbtSkipped}`);
  } else {
    const failure = failures.find((f) => f.step === 'dbt');
    lines.push(`dbt 构建：失败 — ${failure?.message ?? '未知原因'}`);
  }
  return lines;
}
