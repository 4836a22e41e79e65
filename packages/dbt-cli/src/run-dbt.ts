import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CommitLockOptions, LakeConfig } from '@sg/lake';
import { withCatalogCommitLock } from '@sg/lake';
import { findRepoRoot } from '@sg/runtime-env';
import { dbtInvocation } from './dbt-invocation.ts';
import { dbtManifestSchema } from './dbt-manifest.ts';
import type { DbtManifest } from './dbt-manifest.ts';
import type { CommitLockMode, DbtInvocation } from './dbt-invocation.ts';
import { describeFailure, runResultsSchema, summariseRun } from './run-results.ts';
import type { DbtRunSummary, RunResults } from './run-results.ts';

export interface RunDbtOptions {
  lakeConfig: LakeConfig;
  /** Base environment for dbt (default process.env); the lake settings are added to it. */
  env?: NodeJS.ProcessEnv;
  /** Default: the repository root found from this file. */
  repoRoot?: string;
  /** Default `<repoRoot>/models` (tests pass a copy of the project). */
  projectDir?: string;
  dbtExecutable?: string;
  /** 'auto' (default): hold the lake commit lock for committing commands on a SQLite catalog. */
  commitLock?: CommitLockMode;
  lock?: CommitLockOptions;
  /** Each line dbt prints (stdout and stderr). */
  onOutput?: (line: string) => void;
  /** Stops dbt (SIGTERM) when aborted, e.g. on activity cancellation. */
  signal?: AbortSignal;
  /** Reads what dbt wrote into its target folder (manifest.json…) before the folder is removed. */
  readTarget?: (targetDir: string) => Promise<void>;
}

/** dbt exited non-zero. `summary` has every node's result when dbt got as far as running nodes. */
export class DbtRunError extends Error {
  readonly summary: DbtRunSummary;
  readonly outputTail: string;
  constructor(summary: DbtRunSummary, outputTail: string) {
    super(describeFailure(summary, outputTail));
    this.name = 'DbtRunError';
    this.summary = summary;
    this.outputTail = outputTail;
  }
}

const TAIL_LINES = 60;

function spawnDbt(
  invocation: DbtInvocation,
  options: RunDbtOptions,
): Promise<{ exitCode: number; outputTail: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(invocation.executable, invocation.argv, {
      cwd: invocation.cwd,
      env: invocation.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    const tail: string[] = [];
    const collect = (stream: NodeJS.ReadableStream): void => {
      let pending = '';
      stream.on('data', (chunk: Buffer) => {
        pending += chunk.toString();
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          tail.push(line);
          if (tail.length > TAIL_LINES) tail.shift();
          options.onOutput?.(line);
        }
      });
    };
    collect(child.stdout);
    collect(child.stderr);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({ exitCode: code ?? (signal === null ? 1 : 128), outputTail: tail.join('\n') });
    });
  });
}

async function readRunResults(path: string): Promise<RunResults | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  return runResultsSchema.parse(JSON.parse(text));
}

/**
 * Runs `<repo>/.venv/bin/dbt <args> --project-dir models --profiles-dir models` against the lake
 * in `lakeConfig` and returns the summary parsed from target/run_results.json. Throws DbtRunError
 * (naming each failing node) when dbt exits non-zero. On a SQLite catalog, committing commands run
 * while holding the lake commit lock, so Node landings wait for the build instead of failing it.
 */
export async function runDbt(args: string[], options: RunDbtOptions): Promise<DbtRunSummary> {
  const repoRoot = options.repoRoot ?? findRepoRoot();
  const invocation = dbtInvocation({
    args,
    lakeConfig: options.lakeConfig,
    repoRoot,
    env: options.env ?? process.env,
    ...(options.projectDir === undefined ? {} : { projectDir: options.projectDir }),
    ...(options.dbtExecutable === undefined ? {} : { dbtExecutable: options.dbtExecutable }),
    ...(options.commitLock === undefined ? {} : { commitLock: options.commitLock }),
    runId: randomUUID(),
  });
  const requested = performance.now();
  let lockWaitMs = 0;
  const run = async (): Promise<{ exitCode: number; outputTail: string; wallMs: number }> => {
    lockWaitMs = performance.now() - requested;
    const started = performance.now();
    const outcome = await spawnDbt(invocation, options);
    return { ...outcome, wallMs: performance.now() - started };
  };
  const outcome = invocation.holdsCommitLock
    ? await withCatalogCommitLock(
        options.lakeConfig.catalog,
        `dbt ${args.join(' ')}`,
        run,
        options.lock,
      )
    : await run();
  const runResults = await readRunResults(invocation.runResultsPath);
  try {
    if (outcome.exitCode === 0) await options.readTarget?.(dirname(invocation.runResultsPath));
  } finally {
    await rm(invocation.runDir, { recursive: true, force: true });
  }
  const summary = summariseRun({
    args,
    exitCode: outcome.exitCode,
    wallMs: Math.round(outcome.wallMs),
    lockWaitMs: invocation.holdsCommitLock ? Math.round(lockWaitMs) : 0,
    runResults,
  });
  if (!summary.success) throw new DbtRunError(summary, outcome.outputTail);
  return summary;
}

/**
 * `dbt parse` of the project: the manifest dbt writes (its models, seeds and sources). Needs no
 * connection to the lake, only the profile's settings (from `lakeConfig`).
 */
export async function parseDbtProject(options: RunDbtOptions): Promise<DbtManifest> {
  let manifest: DbtManifest | undefined;
  await runDbt(['parse'], {
    ...options,
    readTarget: async (targetDir) => {
      const text = await readFile(join(targetDir, 'manifest.json'), 'utf8');
      manifest = dbtManifestSchema.parse(JSON.parse(text));
    },
  });
  if (manifest === undefined) throw new Error('dbt parse wrote no target/manifest.json');
  return manifest;
}
