// Tests run workflows against a real Temporal dev server: the `temporal` CLI from the project
// virtualenv, never a downloaded binary.
import path from 'node:path';
import { MockActivityEnvironment, TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { findRepoRoot } from '@sg/runtime-env';

export const TEMPORAL_CLI = path.join(findRepoRoot(), '.venv', 'bin', 'temporal');

/** A fresh in-memory dev server on a free port (about a second to start). */
export async function startLocalTemporal(): Promise<TestWorkflowEnvironment> {
  // Worker state changes are INFO and expected activity failures WARN: keep test output to errors.
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  return TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: TEMPORAL_CLI }, ip: '127.0.0.1' },
  });
}

/** For bundleWorkflowCode and MockActivityEnvironment in tests: report errors only. */
export const quietLogger = new DefaultLogger('ERROR');

/** Runs `fn` as an activity (Context.current() works) in a MockActivityEnvironment. */
export function runInActivityContext<R>(fn: () => Promise<R>): Promise<R> {
  return new MockActivityEnvironment(undefined, { logger: quietLogger }).run<
    [],
    R,
    () => Promise<R>
  >(fn);
}
