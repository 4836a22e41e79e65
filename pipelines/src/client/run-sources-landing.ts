// CLI: `node pipelines/src/client/run-sources-landing.ts [--window <window>] [--rerun]`
// Starts (or joins, or returns the finished) landing of all four sources and the dbt build for one
// window; prints a Chinese summary per source on stderr and the result as JSON on stdout (on
// failure: the outcome — what landed, what failed — as JSON, and exit code 1). Needs a running
// Temporal server (TEMPORAL_ADDRESS) and a pipelines worker.
import { parseArgs } from 'node:util';
import { Client, Connection, WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { NAMESPACE, temporalAddressFromEnv } from '../temporal-settings.ts';
import type { SourcesLandingOutcome } from '../workflows/sources-landing-and-build.ts';
import { defaultLandingWindow } from './default-landing-window.ts';
import { summariseSourcesLanding } from './sources-landing-summary.ts';
import { runSourcesLanding } from './sources-landing-run.ts';

const { values } = parseArgs({
  options: {
    window: { type: 'string' },
    rerun: { type: 'boolean', default: false },
  },
});
const window = values.window ?? defaultLandingWindow(new Date());
const address = temporalAddressFromEnv(process.env);
const connection = await Connection.connect({ address });
try {
  const client = new Client({ connection, namespace: NAMESPACE });
  console.error(`数据源落地：窗口 ${window}，Temporal ${address}`);
  const run = await runSourcesLanding(client, { window, rerun: values.rerun });
  if (run.outcome === 'completed-earlier')
    console.error('该窗口已完成，返回上次结果（--rerun 重新落地）');
  for (const line of summariseSourcesLanding(run.result)) console.error(`  ${line}`);
  console.log(JSON.stringify(run, null, 2));
} catch (error) {
  const outcome = outcomeOf(error);
  console.error(`数据源落地失败：${describeError(error)}`);
  if (outcome !== undefined) {
    for (const line of summariseSourcesLanding(outcome)) console.error(`  ${line}`);
    console.log(JSON.stringify(outcome, null, 2));
  }
  process.exitCode = 1;
} finally {
  await connection.close();
}

/** The workflow's outcome (what landed, what failed) from its failure details, if it failed. */
function outcomeOf(error: unknown): SourcesLandingOutcome | undefined {
  if (!(error instanceof WorkflowFailedError)) return undefined;
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure)) return undefined;
  const [details] = cause.details ?? [];
  return typeof details === 'object' && details !== null && 'failures' in details
    ? (details as SourcesLandingOutcome)
    : undefined;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // WorkflowFailedError's cause holds the workflow's own message naming every failed step.
  return error.cause instanceof Error ? error.cause.message : error.message;
}
