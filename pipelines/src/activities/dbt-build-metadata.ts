// Pure: from @sg/dbt-cli's run summary to the metadata the workflow returns.
import type { DbtRunSummary } from '@sg/dbt-cli';
import type {
  AssetRowCount,
  DbtBuildMetadata,
  DbtNodeProblem,
  DbtNodeStatus,
} from './activity-metadata.ts';

const COUNTED_STATUSES: readonly DbtNodeStatus[] = [
  'success',
  'pass',
  'warn',
  'error',
  'fail',
  'skipped',
];
const PROBLEM_STATUSES = new Set(['warn', 'error', 'fail', 'runtime error']);

function isCountedStatus(status: string): status is DbtNodeStatus {
  return (COUNTED_STATUSES as readonly string[]).includes(status);
}

/** Node counts per status; dbt's other statuses are summed under `other`. */
export function countStatuses(
  counts: Readonly<Record<string, number>>,
): Readonly<Record<DbtNodeStatus, number>> {
  const result: Record<DbtNodeStatus, number> = {
    success: 0,
    pass: 0,
    warn: 0,
    error: 0,
    fail: 0,
    skipped: 0,
    other: 0,
  };
  for (const [status, count] of Object.entries(counts)) {
    result[isCountedStatus(status) ? status : 'other'] += count;
  }
  return result;
}

/** Failed and warning nodes, each with the first line of dbt's message. */
export function dbtProblems(summary: DbtRunSummary): DbtNodeProblem[] {
  return summary.nodes
    .filter((node) => PROBLEM_STATUSES.has(node.status))
    .map((node) => ({
      uniqueId: node.uniqueId,
      status: node.status,
      message: (node.message ?? '').split('\n')[0] ?? '',
    }));
}

export function dbtBuildMetadata(
  select: string,
  summary: DbtRunSummary,
  assets: readonly AssetRowCount[],
): DbtBuildMetadata {
  return {
    select,
    invocationId: summary.invocationId,
    success: summary.success,
    elapsedSeconds: summary.elapsedSeconds ?? summary.wallMs / 1000,
    statusCounts: countStatuses(summary.counts),
    problems: dbtProblems(summary),
    assets,
  };
}
