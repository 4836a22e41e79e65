export { DbtRunError, parseDbtProject, runDbt } from './run-dbt.ts';
export { dbtManifestSchema, dbtResources } from './dbt-manifest.ts';
export type { DbtManifest, DbtResource } from './dbt-manifest.ts';
export type { RunDbtOptions } from './run-dbt.ts';
export { dbtInvocation, needsCommitLock } from './dbt-invocation.ts';
export type { CommitLockMode, DbtInvocation, DbtInvocationInput } from './dbt-invocation.ts';
export { describeFailure, runResultsSchema, summariseRun } from './run-results.ts';
export type { DbtNodeResult, DbtRunSummary, RunResults } from './run-results.ts';
