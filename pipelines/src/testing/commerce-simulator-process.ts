// The commerce simulator as a child process (@sg/simulator-processes) on a free port, with the
// fields of its banner the tests use.
import { startSimulatorProcess } from '@sg/simulator-processes';

export interface SimulatorProcess {
  readonly url: string;
  readonly enterpriseCount: number;
  readonly apiKey: string;
  readonly apiSecret: string;
  stop(): Promise<void>;
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
  const simulator = await startSimulatorProcess('commerce', {
    env: {
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
  });
  const { url, enterpriseCount } = simulator.banner;
  if (typeof url !== 'string' || typeof enterpriseCount !== 'number') {
    await simulator.stop();
    throw new Error(`unexpected commerce simulator banner: ${JSON.stringify(simulator.banner)}`);
  }
  return {
    url,
    enterpriseCount,
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    stop: simulator.stop,
  };
}
