// Test fixture: the semantic server started the way `just up` starts it (node semantic/src/main.ts)
// as a child process, so a test can see it crash, time its exit and send it signals.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const MAIN = join(import.meta.dirname, '..', 'main.ts');

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  readonly child: ChildProcess;
  /** e.g. http://127.0.0.1:41234/cubejs-api/v1 */
  readonly apiUrl: string;
  /** Resolves when the process has exited (how it ended). */
  readonly exited: Promise<Exit>;
  /** Everything the process printed so far (stdout and stderr), for failure messages. */
  output(): string;
  isRunning(): boolean;
}

/** Starts the server on a free port with `env` added and waits until it prints its URL. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, SG_SEMANTIC_PORT: '0', SG_SEMANTIC_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exit: Exit | undefined;
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });
  const lines = createInterface({ input: child.stdout });
  const apiUrl = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      output += `${line}\n`;
      const url = /listening on (http:\/\/\S+)/.exec(line)?.[1];
      if (url !== undefined) resolve(url);
    });
    void exited.then(({ code, signal }) => {
      reject(new Error(`server exited (${String(code ?? signal)}) before listening:\n${output}`));
    });
  });
  return {
    child,
    apiUrl,
    exited,
    output: () => output,
    isRunning: () => exit === undefined,
  };
}
