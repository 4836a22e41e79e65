// Test support for the SvelteKit apps and the servers they call: build an app when its sources are
// newer than its build, start Node programs as child processes on free ports, wait for HTTP.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

export interface RunningProcess {
  readonly child: ChildProcess;
  /** Everything the process printed (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/** Spawns `node <args>` with Node 24 (the running one) and the given environment. */
export function startNode(
  name: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): RunningProcess {
  const child = spawn(process.execPath, [...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return {
    child,
    output: () => `[${name}]\n${output}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Polls `url` until it answers with `status`, or fails with the process output. */
export async function waitForHttp(
  url: string,
  process_: RunningProcess,
  { status = 200, timeoutMs = 30_000 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (process_.child.exitCode !== null) {
      throw new Error(`process exited early (${process_.child.exitCode})\n${process_.output()}`);
    }
    try {
      const response = await fetch(url);
      if (response.status === status) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${url}\n${process_.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce(
      (max, entry) => Math.max(max, statSync(path.join(entry.parentPath, entry.name)).mtimeMs),
      0,
    );
}

/** True when build/ is missing or older than any source of the app. */
export function buildIsStale(appDir: string): boolean {
  const built = newestMtime(path.join(appDir, 'build', 'index.js'));
  const sources = ['src', 'vite.config.ts', 'package.json'].map((p) =>
    newestMtime(path.join(appDir, p)),
  );
  return built === 0 || Math.max(...sources) > built;
}

/** Runs `vite build` in the app folder with Node 24. */
export async function buildApp(appDir: string): Promise<void> {
  const vite = path.join(appDir, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = startNode('vite build', [vite, 'build'], { cwd: appDir, env: process.env });
  const code = await new Promise<number | null>((resolve) => build.child.once('exit', resolve));
  if (code !== 0) throw new Error(`vite build failed (${String(code)})\n${build.output()}`);
}
