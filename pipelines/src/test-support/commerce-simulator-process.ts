// The commerce simulator as a child process (pipelines may not import simulator packages; they
// may run them): `node simulators/commerce/src/main.ts` on a free port, read its JSON banner line.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { findRepoRoot } from '@sg/runtime-env';

export interface SimulatorProcess {
  readonly url: string;
  readonly enterpriseCount: number;
  readonly apiKey: string;
  readonly apiSecret: string;
  stop(): Promise<void>;
}

interface SimulatorBanner {
  readonly url: string;
  readonly enterpriseCount: number;
}

function parseBanner(line: string): SimulatorBanner {
  const banner: unknown = JSON.parse(line);
  if (
    typeof banner === 'object' &&
    banner !== null &&
    'url' in banner &&
    typeof banner.url === 'string' &&
    'enterpriseCount' in banner &&
    typeof banner.enterpriseCount === 'number'
  ) {
    return { url: banner.url, enterpriseCount: banner.enterpriseCount };
  }
  throw new Error(`unexpected commerce simulator banner: ${line}`);
}

export async function startCommerceSimulatorProcess(options: {
  /** Enterprises of the built-in generator (ignored when `worldDir` is given). */
  readonly enterpriseCount?: number;
  /** Serve a generated world's sources/commerce instead of the built-in generator. */
  readonly worldDir?: string;
  /** Requests per second per key; 0 turns the limit off. Default: the simulator's. */
  readonly rateLimit?: number;
  readonly apiKey: string;
  readonly apiSecret: string;
}): Promise<SimulatorProcess> {
  const main = path.join(findRepoRoot(), 'simulators', 'commerce', 'src', 'main.ts');
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      SG_SIM_COMMERCE_PORT: '0',
      ...(options.enterpriseCount === undefined
        ? {}
        : { SG_SIM_COMMERCE_ENTERPRISES: String(options.enterpriseCount) }),
      SG_WORLD_DIR: options.worldDir ?? '',
      ...(options.rateLimit === undefined
        ? {}
        : { SG_SIM_COMMERCE_RATE_LIMIT: String(options.rateLimit) }),
      SG_SIM_COMMERCE_API_KEY: options.apiKey,
      SG_SIM_COMMERCE_API_SECRET: options.apiSecret,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  };
  try {
    const lines = createInterface({ input: child.stdout });
    const firstLine = await Promise.race([
      once(lines, 'line').then(([line]) => String(line)),
      exited.then(([code]) => {
        throw new Error(
          `commerce simulator exited with code ${String(code)} before printing its URL`,
        );
      }),
    ]);
    lines.close();
    child.stdout.resume();
    const banner = parseBanner(firstLine);
    return { ...banner, apiKey: options.apiKey, apiSecret: options.apiSecret, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
