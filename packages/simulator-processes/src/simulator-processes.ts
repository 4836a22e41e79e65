// The simulators as child processes, for tests (connectors and pipelines may not import simulator
// packages; they may run them): `node simulators/<name>/src/main.ts …`, either to its end (the world
// generator, drop writers, the business seeder) or kept running until its first stdout line, its
// JSON banner (the commerce and tax APIs, the embedded business database).
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { findRepoRoot } from '@sg/runtime-env';

export type SimulatorName = 'world' | 'commerce' | 'business' | 'tax' | 'bank' | 'finance';

const run = promisify(execFile);

/** `simulators/<name>/src/main.ts` of this repository. */
export function simulatorMain(simulator: SimulatorName): string {
  return path.join(findRepoRoot(), 'simulators', simulator, 'src', 'main.ts');
}

/** Runs `node simulators/<simulator>/src/main.ts …args` to its end; resolves with its stdout. */
export async function runSimulatorCli(
  simulator: SimulatorName,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<string> {
  const { stdout } = await run(process.execPath, [simulatorMain(simulator), ...args], {
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** Generates a world with the world generator's CLI (`--size`, `--seed`, `--out`). */
export async function generateWorldCli(options: {
  readonly outDir: string;
  readonly size?: 'tiny' | 'demo' | 'large';
  readonly seed?: number;
}): Promise<void> {
  const seed = options.seed === undefined ? [] : ['--seed', String(options.seed)];
  await runSimulatorCli('world', [
    '--size',
    options.size ?? 'tiny',
    ...seed,
    '--out',
    options.outDir,
  ]);
}

export interface RunningSimulator {
  /** The first line it printed, parsed as JSON (its banner: url, service, …). */
  readonly banner: Readonly<Record<string, unknown>>;
  /** What it wrote to stderr so far (when `stderr` is `'capture'`). */
  readonly stderr: () => string;
  /** SIGTERM, then resolves once it has exited (at once if it already has). */
  readonly stop: () => Promise<void>;
}

/**
 * Starts `node simulators/<simulator>/src/main.ts …args` with `env` added to this process's, and
 * resolves with its JSON banner once it prints it; rejects (after stopping it) when it exits first
 * or prints something that is not a JSON object.
 */
export async function startSimulatorProcess(
  simulator: SimulatorName,
  options: {
    readonly args?: readonly string[];
    readonly env?: Readonly<Record<string, string>>;
    /** `inherit` (default): the test's stderr; `capture`: kept for `stderr()` and errors. */
    readonly stderr?: 'inherit' | 'capture';
  } = {},
): Promise<RunningSimulator> {
  const capture = options.stderr === 'capture';
  const child = spawn(process.execPath, [simulatorMain(simulator), ...(options.args ?? [])], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', capture ? 'pipe' : 'inherit'],
  });
  const stdout = child.stdout;
  if (stdout === null) throw new Error('spawn gave no stdout pipe');
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = once(child, 'exit');
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  };
  try {
    const lines = createInterface({ input: stdout });
    const firstLine = await Promise.race([
      once(lines, 'line').then(([line]) => String(line)),
      exited.then(([code]) => {
        throw new Error(
          `simulators/${simulator} exited with code ${String(code)} before printing its banner` +
            (stderr === '' ? '' : `: ${stderr}`),
        );
      }),
    ]);
    lines.close();
    stdout.resume();
    const banner: unknown = JSON.parse(firstLine);
    if (typeof banner !== 'object' || banner === null || Array.isArray(banner)) {
      throw new Error(`unexpected banner from simulators/${simulator}: ${firstLine}`);
    }
    return { banner: banner as Record<string, unknown>, stderr: () => stderr, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
