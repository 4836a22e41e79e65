// Resources: everything activities need to reach the outside world, chosen per environment by one
// function. Local: SQLite-catalogued lake under $SG_DATA_DIR and the commerce simulator.
// Production: whatever the environment names (PostgreSQL catalog, object storage, the real API).
import { commerceClientConfigFromEnv } from '@sg/connector-commerce';
import type { CommerceClientConfig } from '@sg/connector-commerce';
import { lakeConfigFromEnv } from '@sg/lake';
import type { LakeConfig } from '@sg/lake';
import { runDbt } from '@sg/dbt-cli';
import type { DbtRunSummary } from '@sg/dbt-cli';

export type PipelineEnvironment = 'local' | 'production';

/**
 * Runs the dbt CLI with `args` against the lake of these resources; rejects with @sg/dbt-cli's
 * DbtRunError when dbt exits non-zero. `signal` stops dbt (activity cancellation).
 */
export type DbtRunner = (
  args: readonly string[],
  options: { readonly signal?: AbortSignal },
) => Promise<DbtRunSummary>;

export interface PipelineResources {
  readonly environment: PipelineEnvironment;
  readonly lake: LakeConfig;
  readonly commerce: CommerceClientConfig;
  readonly dbt: DbtRunner;
}

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Locally, the commerce API is the simulator (simulators/commerce): its default port and dev
 * credentials. Repeated here because pipelines may not import the simulator package.
 */
export const LOCAL_COMMERCE_DEFAULTS = {
  port: 7301,
  apiKey: 'sg-dev-commerce-key',
  apiSecret: 'sg-dev-commerce-secret',
} as const;

export class ResourceConfigError extends Error {
  override readonly name = 'ResourceConfigError';
}

/** `SG_ENV`: `local` (the default) or `production`. */
export function pipelineEnvironmentFromEnv(env: Env): PipelineEnvironment {
  const value = env['SG_ENV'] ?? 'local';
  if (value === 'local' || value === 'production') return value;
  throw new ResourceConfigError(
    `SG_ENV must be "local" or "production", got ${JSON.stringify(value)}`,
  );
}

/**
 * The commerce API client configuration (SG_COMMERCE_BASE_URL, SG_COMMERCE_API_KEY,
 * SG_COMMERCE_API_SECRET, read by the connector). Locally each defaults to the simulator's (its port
 * from SG_SIM_COMMERCE_PORT); in production all three are required.
 */
export function commerceConfigForEnvironment(
  env: Env,
  environment: PipelineEnvironment,
): CommerceClientConfig {
  if (environment === 'production') return commerceClientConfigFromEnv(definedOnly(env));
  const simulatorPort = env['SG_SIM_COMMERCE_PORT'] ?? String(LOCAL_COMMERCE_DEFAULTS.port);
  return commerceClientConfigFromEnv({
    SG_COMMERCE_BASE_URL: `http://127.0.0.1:${simulatorPort}`,
    SG_COMMERCE_API_KEY: LOCAL_COMMERCE_DEFAULTS.apiKey,
    SG_COMMERCE_API_SECRET: LOCAL_COMMERCE_DEFAULTS.apiSecret,
    ...definedOnly(env),
  });
}

function definedOnly(env: Env): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

/** The one place where activities' resources are chosen, from environment variables only. */
export function resourcesFromEnv(env: Env): PipelineResources {
  const environment = pipelineEnvironmentFromEnv(env);
  const lake = lakeConfigFromEnv(definedOnly(env));
  return {
    environment,
    lake,
    commerce: commerceConfigForEnvironment(env, environment),
    dbt: serialised((args, { signal }) =>
      runDbt([...args], {
        lakeConfig: lake,
        env: definedOnly(env),
        ...(signal === undefined ? {} : { signal }),
      }),
    ),
  };
}

/**
 * One dbt invocation at a time per process: dbt writes target/run_results.json in the shared
 * project folder, so two builds at once would read each other's results.
 */
function serialised(run: DbtRunner): DbtRunner {
  let queue: Promise<unknown> = Promise.resolve();
  return (args, options) => {
    const result = queue.then(() => run(args, options));
    queue = result.catch(() => undefined);
    return result;
  };
}
