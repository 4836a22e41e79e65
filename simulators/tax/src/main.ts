/**
 * CLI of the tax platform simulator.
 *
 *   node simulators/tax/src/main.ts
 *     serves the authorised-query API and prints one JSON line:
 *     {"service":"sim-tax","url":"http://127.0.0.1:7302","worldDir":"…","asOf":"2025-06-30"}
 *   node simulators/tax/src/main.ts drop --period 2025-05 [--sequence 2]
 *     writes the period's monthly drop into the outbox and prints its manifest as one JSON line
 *
 * Environment (all optional):
 *   SG_SIM_TAX_WORLD_DIR      a generated world (manifest.json + sources/tax/); default: the small
 *                             fixture world bundled in src/fixtures/tiny-tax-world
 *   SG_SIM_TAX_OUTBOX_DIR     default $SG_DATA_DIR/tax-outbox (SG_DATA_DIR default <repo>/.data)
 *   SG_SIM_TAX_HOST           default 127.0.0.1
 *   SG_SIM_TAX_PORT           default 7302; 0 picks a free port
 *   SG_SIM_TAX_CLIENT_ID      default sg-dev-guarantee
 *   SG_SIM_TAX_CLIENT_SECRET  default sg-dev-tax-secret
 *   SG_SIM_TAX_RATE_LIMIT     requests per second per client, default 20; 0 turns it off
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LOCAL_PORTS, dataDirFromEnv } from '@sg/runtime-env';
import { z } from 'zod';
import { writeMonthlyDrop } from './monthly-drop.ts';
import {
  DEFAULT_TAX_RATE_LIMIT,
  DEV_TAX_CLIENT_ID,
  DEV_TAX_CLIENT_SECRET,
  startTaxSimulator,
} from './server.ts';

export const DEFAULT_SIM_TAX_PORT = LOCAL_PORTS.taxSimulator.port;
export const FIXTURE_WORLD_DIR = new URL('./fixtures/tiny-tax-world', import.meta.url).pathname;

const envSchema = z.object({
  SG_SIM_TAX_WORLD_DIR: z.string().min(1).default(FIXTURE_WORLD_DIR),
  SG_SIM_TAX_OUTBOX_DIR: z.string().min(1).optional(),
  SG_SIM_TAX_HOST: z.string().min(1).default('127.0.0.1'),
  SG_SIM_TAX_PORT: z.coerce.number().int().min(0).max(65_535).default(DEFAULT_SIM_TAX_PORT),
  SG_SIM_TAX_CLIENT_ID: z.string().min(1).default(DEV_TAX_CLIENT_ID),
  SG_SIM_TAX_CLIENT_SECRET: z.string().min(1).default(DEV_TAX_CLIENT_SECRET),
  SG_SIM_TAX_RATE_LIMIT: z.coerce.number().min(0).default(DEFAULT_TAX_RATE_LIMIT.refillPerSecond),
});

const env = envSchema.parse(process.env);
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { period: { type: 'string' }, sequence: { type: 'string' } },
});

if (positionals[0] === 'drop') {
  const period = z.string().parse(values.period, { error: () => '需要 --period yyyy-MM' });
  const outboxDir = env.SG_SIM_TAX_OUTBOX_DIR ?? join(dataDirFromEnv(process.env), 'tax-outbox');
  const { dropDir, manifest } = await writeMonthlyDrop({
    worldDir: env.SG_SIM_TAX_WORLD_DIR,
    outboxDir,
    period,
    sequence: z.coerce
      .number()
      .int()
      .min(1)
      .parse(values.sequence ?? '1'),
  });
  console.log(JSON.stringify({ service: 'sim-tax', dropDir, manifest }));
} else {
  const simulator = await startTaxSimulator({
    worldDir: env.SG_SIM_TAX_WORLD_DIR,
    host: env.SG_SIM_TAX_HOST,
    port: env.SG_SIM_TAX_PORT,
    clientId: env.SG_SIM_TAX_CLIENT_ID,
    clientSecret: env.SG_SIM_TAX_CLIENT_SECRET,
    rateLimit:
      env.SG_SIM_TAX_RATE_LIMIT === 0
        ? null
        : {
            capacity: Math.max(1, Math.ceil(env.SG_SIM_TAX_RATE_LIMIT)),
            refillPerSecond: env.SG_SIM_TAX_RATE_LIMIT,
          },
  });
  console.log(
    JSON.stringify({
      service: 'sim-tax',
      url: simulator.url,
      worldDir: env.SG_SIM_TAX_WORLD_DIR,
      asOf: simulator.totals().asOf,
    }),
  );
  const stop = () => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
