// CLI: `node pipelines/src/client/run-commerce-landing.ts [--window <window>] [--rerun]`
// Starts (or joins, or returns the finished) commerce landing for one window and prints the result
// as JSON. Needs a running Temporal server (TEMPORAL_ADDRESS) and a pipelines worker.
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { NAMESPACE, temporalAddressFromEnv } from '../temporal-settings.ts';
import { runCommerceLanding } from './commerce-landing-run.ts';
import { defaultLandingWindow } from './default-landing-window.ts';

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
  console.error(`commerce landing: window ${window} via ${address}`);
  const run = await runCommerceLanding(client, { window, rerun: values.rerun });
  console.log(JSON.stringify(run, null, 2));
} catch (error) {
  console.error(`commerce landing failed: ${describeError(error)}`);
  process.exitCode = 1;
} finally {
  await connection.close();
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // WorkflowFailedError's cause holds the workflow's own message naming the failed step.
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}
