import { z } from 'zod';

/**
 * dbt's target/run_results.json (schema v6, dbt 1.11): only the fields we read. Unknown fields are
 * ignored, so newer minor versions still parse.
 */
export const runResultsSchema = z.object({
  metadata: z.object({
    dbt_version: z.string(),
    invocation_id: z.string().nullish(),
    generated_at: z.string(),
  }),
  elapsed_time: z.number(),
  results: z.array(
    z.object({
      unique_id: z.string(),
      status: z.string(),
      execution_time: z.number(),
      message: z.string().nullish(),
      failures: z.number().nullish(),
      relation_name: z.string().nullish(),
    }),
  ),
});

export type RunResults = z.infer<typeof runResultsSchema>;

/** One node of a dbt invocation: a model, seed, test, unit test or snapshot. */
export interface DbtNodeResult {
  uniqueId: string;
  /** `model`, `seed`, `test`, `unit_test`, `snapshot`, … (the unique_id's first part). */
  resourceType: string;
  /** The node's name (the unique_id's last part). */
  name: string;
  /** dbt's status: success, error, skipped (models); pass, fail, warn, error, skipped (tests). */
  status: string;
  executionTimeSeconds: number;
  message: string | null;
  failures: number | null;
  relationName: string | null;
}

export interface DbtRunSummary {
  /** The dbt arguments as given, e.g. ['build', '--select', '+enterprises']. */
  args: string[];
  exitCode: number;
  success: boolean;
  dbtVersion: string | null;
  invocationId: string | null;
  /** dbt's own elapsed time (s), from run_results. */
  elapsedSeconds: number | null;
  /** Wall time of the process (ms), from spawn to exit. */
  wallMs: number;
  /** Time spent waiting for the lake commit lock (ms; 0 when not taken). */
  lockWaitMs: number;
  /** Node count per status. */
  counts: Record<string, number>;
  nodes: DbtNodeResult[];
  /** Nodes with status error or fail. */
  failedNodes: DbtNodeResult[];
}

const FAILED_STATUSES = new Set(['error', 'fail', 'runtime error']);

export function nodeFromResult(result: RunResults['results'][number]): DbtNodeResult {
  const parts = result.unique_id.split('.');
  return {
    uniqueId: result.unique_id,
    resourceType: parts[0] ?? 'unknown',
    name: parts.at(-1) ?? result.unique_id,
    status: result.status,
    executionTimeSeconds: result.execution_time,
    message: result.message ?? null,
    failures: result.failures ?? null,
    relationName: result.relation_name ?? null,
  };
}

/** The summary of one dbt invocation, from its exit code and (when written) its run results. */
export function summariseRun(input: {
  args: string[];
  exitCode: number;
  wallMs: number;
  lockWaitMs: number;
  runResults: RunResults | undefined;
}): DbtRunSummary {
  const nodes = (input.runResults?.results ?? []).map(nodeFromResult);
  const counts: Record<string, number> = {};
  for (const node of nodes) counts[node.status] = (counts[node.status] ?? 0) + 1;
  return {
    args: input.args,
    exitCode: input.exitCode,
    success: input.exitCode === 0,
    dbtVersion: input.runResults?.metadata.dbt_version ?? null,
    invocationId: input.runResults?.metadata.invocation_id ?? null,
    elapsedSeconds: input.runResults?.elapsed_time ?? null,
    wallMs: input.wallMs,
    lockWaitMs: input.lockWaitMs,
    counts,
    nodes,
    failedNodes: nodes.filter((node) => FAILED_STATUSES.has(node.status)),
  };
}

/**
 * The gist of a node's message: its first line, and for a runtime error (whose first line only
 * names the model) the database's own error from the next line, e.g. `Runtime Error in model x
 * (path) — Catalog Error: Table with name y does not exist!`.
 */
export function nodeMessageGist(message: string): string {
  const [first = '', second] = message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return first.startsWith('Runtime Error') && second !== undefined ? `${first} — ${second}` : first;
}

/** A one-paragraph explanation of a failed run, naming every failing node. */
export function describeFailure(summary: DbtRunSummary, outputTail: string): string {
  const head = `dbt ${summary.args.join(' ')} failed (exit ${summary.exitCode})`;
  if (summary.failedNodes.length === 0) {
    return `${head}; no node failed, so dbt stopped before running any (see its output):\n${outputTail}`;
  }
  const lines = summary.failedNodes.map(
    (node) =>
      `  - ${node.uniqueId} [${node.status}]${node.message === null ? '' : `: ${nodeMessageGist(node.message)}`}`,
  );
  return `${head}; ${summary.failedNodes.length} failing node(s):\n${lines.join('\n')}`;
}
