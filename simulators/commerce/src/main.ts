/**
 * CLI: starts the commerce-data vendor simulator and prints one JSON line with its URL, e.g.
 *   {"service":"sim-commerce","url":"http://127.0.0.1:7301","seed":640000,"enterpriseCount":120}
 *
 * Environment (all optional):
 *   SG_SIM_COMMERCE_HOST        default 127.0.0.1
 *   SG_SIM_COMMERCE_PORT        default 7301; 0 picks a free port
 *   SG_SIM_COMMERCE_SEED        default 640000
 *   SG_SIM_COMMERCE_ENTERPRISES default 120
 *   SG_SIM_COMMERCE_AS_OF       default 2025-06-30 (the world's "today")
 *   SG_SIM_COMMERCE_API_KEY     default sg-dev-commerce-key
 *   SG_SIM_COMMERCE_API_SECRET  default sg-dev-commerce-secret
 *   SG_SIM_COMMERCE_RATE_LIMIT  requests per second per key, default 20; 0 turns it off
 *   SG_WORLD_DIR                a generated world (simulators/world): serve its
 *                               sources/commerce/*.ndjson instead of the built-in generator
 *                               (seed, enterprise count and asOf then come from the world)
 */
import { LOCAL_PORTS } from '@sg/runtime-env';
import { z } from 'zod';
import { DEFAULT_AS_OF, DEFAULT_ENTERPRISE_COUNT } from './enterprise-generator.ts';
import {
  DEFAULT_COMMERCE_SEED,
  DEFAULT_RATE_LIMIT,
  DEV_COMMERCE_API_KEY,
  DEV_COMMERCE_API_SECRET,
  startCommerceSimulator,
} from './server.ts';

export const DEFAULT_SIM_COMMERCE_PORT = LOCAL_PORTS.commerceSimulator.port;

const envSchema = z.object({
  SG_SIM_COMMERCE_HOST: z.string().min(1).default('127.0.0.1'),
  SG_SIM_COMMERCE_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65_535)
    .default(DEFAULT_SIM_COMMERCE_PORT),
  SG_SIM_COMMERCE_SEED: z.coerce.number().int().default(DEFAULT_COMMERCE_SEED),
  SG_SIM_COMMERCE_ENTERPRISES: z.coerce.number().int().min(0).default(DEFAULT_ENTERPRISE_COUNT),
  SG_SIM_COMMERCE_AS_OF: z.iso.date().default(DEFAULT_AS_OF),
  SG_SIM_COMMERCE_API_KEY: z.string().min(1).default(DEV_COMMERCE_API_KEY),
  SG_SIM_COMMERCE_API_SECRET: z.string().min(1).default(DEV_COMMERCE_API_SECRET),
  SG_SIM_COMMERCE_RATE_LIMIT: z.coerce.number().min(0).default(DEFAULT_RATE_LIMIT.refillPerSecond),
  SG_WORLD_DIR: z.string().optional(),
});

const env = envSchema.parse(process.env);
const simulator = await startCommerceSimulator({
  host: env.SG_SIM_COMMERCE_HOST,
  port: env.SG_SIM_COMMERCE_PORT,
  seed: env.SG_SIM_COMMERCE_SEED,
  enterpriseCount: env.SG_SIM_COMMERCE_ENTERPRISES,
  asOf: env.SG_SIM_COMMERCE_AS_OF,
  ...(env.SG_WORLD_DIR === undefined || env.SG_WORLD_DIR === ''
    ? {}
    : { worldDir: env.SG_WORLD_DIR }),
  apiKey: env.SG_SIM_COMMERCE_API_KEY,
  apiSecret: env.SG_SIM_COMMERCE_API_SECRET,
  rateLimit:
    env.SG_SIM_COMMERCE_RATE_LIMIT === 0
      ? null
      : {
          capacity: Math.max(1, Math.ceil(env.SG_SIM_COMMERCE_RATE_LIMIT)),
          refillPerSecond: env.SG_SIM_COMMERCE_RATE_LIMIT,
        },
});

const totals = simulator.totals();
console.log(
  JSON.stringify({
    service: 'sim-commerce',
    url: simulator.url,
    source: totals.source,
    ...(totals.worldDir === null ? {} : { worldDir: totals.worldDir }),
    seed: totals.seed,
    asOf: totals.asOf,
    enterpriseCount: totals.enterpriseCount,
  }),
);

const shutdown = (): void => {
  simulator.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('sim-commerce: close failed', error);
      process.exit(1);
    },
  );
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
