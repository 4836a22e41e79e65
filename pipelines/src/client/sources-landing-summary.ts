// Operator-facing summary of a sources landing (Chinese, one line per source and one for dbt),
// printed by run-sources-landing.ts beside the full JSON result.
import type { DbtBuildMetadata, SourceLandingMetadata } from '../activities/activity-metadata.ts';
import type {
  SourcesLandingAndBuildResult,
  SourcesLandingOutcome,
} from '../workflows/sources-landing-and-build.ts';

function landedLine(metadata: SourceLandingMetadata): string {
  const rows = metadata.landings.reduce((sum, landing) => sum + landing.rowCount, 0);
  const quarantined = metadata.landings.reduce((sum, landing) => sum + landing.quarantinedCount, 0);
  const tables = new Set(metadata.landings.map((landing) => landing.asset)).size;
  const note = metadata.note === '' ? '' : `（${metadata.note}）`;
  return `${String(tables)} 张表，落地 ${String(rows)} 行，隔离 ${String(quarantined)} 行${note}`;
}

function dbtLine(dbt: DbtBuildMetadata): string {
  const counts = dbt.assets.map((asset) => `${asset.asset} ${String(asset.rowCount)} 行`);
  return `dbt 构建 ${dbt.select}：成功${counts.length === 0 ? '' : `，${counts.join('，')}`}`;
}

/** One line per source (landed, or failed with its message) and one for the dbt build. */
export function summariseSourcesLanding(
  result: SourcesLandingAndBuildResult | SourcesLandingOutcome,
): string[] {
  const failures = 'failures' in result ? result.failures : [];
  const lines = result.planned.map(({ name, title }) => {
    const metadata = result.sources[name];
    if (metadata !== undefined) return `${title}：${landedLine(metadata)}`;
    const failure = failures.find((f) => f.step === name);
    return `${title}：失败 — ${failure?.message ?? '未运行'}`;
  });
  if (result.dbt !== null) {
    lines.push(dbtLine(result.dbt));
  } else if ('dbtSkipped' in result && result.dbtSkipped !== null) {
    lines.push(`dbt 构建：未运行 — ${result.dbtSkipped}`);
  } else if (failures.some((f) => f.step === 'dbt')) {
    lines.push(`dbt 构建：失败 — ${failures.find((f) => f.step === 'dbt')?.message ?? ''}`);
  } else {
    lines.push('dbt 构建：未运行 — 没有读取这些数据源的 dbt 模型');
  }
  return lines;
}
