import { join } from 'node:path';
import type { LakeConfig } from '@sg/lake';
import { lakeConfigToEnv } from '@sg/lake';

/** dbt commands that commit to the lake (models, seeds, snapshots, stored test failures). */
const COMMITTING_COMMANDS = new Set([
  'build',
  'run',
  'seed',
  'snapshot',
  'test',
  'run-operation',
  'retry',
  'clone',
]);

export type CommitLockMode = 'auto' | 'hold' | 'none';

export interface DbtInvocationInput {
  args: string[];
  lakeConfig: LakeConfig;
  repoRoot: string;
  /** Default `<repoRoot>/models`. */
  projectDir?: string;
  /** Default `<repoRoot>/.venv/bin/dbt`. */
  dbtExecutable?: string;
  /** Base environment (default: none; runDbt passes process.env). */
  env?: NodeJS.ProcessEnv;
  commitLock?: CommitLockMode;
  /**
   * Names this invocation's own target and log folders under `<dataDir>/dbt/runs/<runId>/`, so
   * concurrent runs never read each other's run_results.json (default `latest`).
   */
  runId?: string;
}

export interface DbtInvocation {
  executable: string;
  argv: string[];
  cwd: string;
  env: Record<string, string>;
  projectDir: string;
  /** This invocation's own folder (target/ and logs/ inside): runDbt removes it afterwards. */
  runDir: string;
  runResultsPath: string;
  /** Whether runDbt holds the lake commit lock for the whole process. */
  holdsCommitLock: boolean;
}

/**
 * Whether dbt must hold the lake's commit lock. On a SQLite catalog every committing command does:
 * dbt commits dozens of times per build (each seed, model and swap), and a Node writer committing
 * between two of them makes that dbt statement fail ("database is locked"), which dbt-duckdb
 * cannot retry as a transaction. A PostgreSQL catalog takes concurrent writers: no lock.
 */
export function needsCommitLock(
  args: readonly string[],
  config: LakeConfig,
  mode: CommitLockMode,
): boolean {
  if (mode === 'none') return false;
  if (mode === 'hold') return true;
  const command = args.find((arg) => !arg.startsWith('-'));
  return (
    config.catalog.kind === 'sqlite' && command !== undefined && COMMITTING_COMMANDS.has(command)
  );
}

/** How to start dbt for these arguments: pure, so tests can check it without Python. */
export function dbtInvocation(input: DbtInvocationInput): DbtInvocation {
  const projectDir = input.projectDir ?? join(input.repoRoot, 'models');
  const runDir = join(input.lakeConfig.dataDir, 'dbt', 'runs', input.runId ?? 'latest');
  const inherited: Record<string, string> = {};
  for (const [key, value] of Object.entries(input.env ?? {})) {
    if (value !== undefined) inherited[key] = value;
  }
  return {
    executable: input.dbtExecutable ?? join(input.repoRoot, '.venv', 'bin', 'dbt'),
    argv: [...input.args, '--project-dir', projectDir, '--profiles-dir', projectDir],
    cwd: input.repoRoot,
    env: {
      ...inherited,
      ...lakeConfigToEnv(input.lakeConfig),
      SG_LAKE_CATALOG_KIND: input.lakeConfig.catalog.kind,
      // Offline machines: no telemetry, no colour codes in captured output.
      DBT_SEND_ANONYMOUS_USAGE_STATS: 'false',
      DO_NOT_TRACK: '1',
      DBT_USE_COLORS: 'false',
      PYTHONUNBUFFERED: '1',
      DBT_TARGET_PATH: join(runDir, 'target'),
      DBT_LOG_PATH: join(runDir, 'logs'),
    },
    projectDir,
    runDir,
    runResultsPath: join(runDir, 'target', 'run_results.json'),
    holdsCommitLock: needsCommitLock(input.args, input.lakeConfig, input.commitLock ?? 'auto'),
  };
}
