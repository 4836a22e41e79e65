// Resources: everything activities need to reach the outside world, chosen per environment by one
// function. Local: SQLite-catalogued lake under $SG_DATA_DIR, the commerce simulator, the embedded
// legacy business database, and the tax and bank inbox folders under $SG_DATA_DIR.
// Production: whatever the environment names (PostgreSQL catalog, object storage, the real API,
// the client's legacy database, the folders the exchanges deliver into); nothing is defaulted.
import path from 'node:path';
import { businessClientConfigFromEnv } from '@sg/connector-business';
import type { BusinessClientConfig } from '@sg/connector-business';
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
  /** The legacy business database (PostgreSQL, MariaDB or the embedded PGlite server). */
  readonly business: BusinessClientConfig;
  /** Folders the file-delivering sources drop into (absolute paths). */
  readonly inboxes: SourceInboxes;
  readonly dbt: DbtRunner;
}

export interface SourceInboxes {
  /** The tax bureau's monthly drops, one folder per period and sequence (`2025-05_01`). */
  readonly tax: string;
  /** The partner banks' statement and loan-record drops, one folder per delivery. */
  readonly bank: string;
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

/**
 * The legacy business database (SG_BUSINESS_DB_URL, read by the connector). Locally it defaults to
 * the embedded PGlite server of `just up` on SG_BUSINESS_DB_PORT (5434); production requires it.
 */
export function businessConfigForEnvironment(
  env: Env,
  environment: PipelineEnvironment,
): BusinessClientConfig {
  const defined = definedOnly(env);
  if (environment === 'production' && defined['SG_BUSINESS_DB_URL'] === undefined) {
    throw new ResourceConfigError(
      '业务系统数据库配置不完整：生产环境必须设置 SG_BUSINESS_DB_URL（postgres:// 或 mariadb://）',
    );
  }
  try {
    return businessClientConfigFromEnv(defined);
  } catch (error) {
    // The connector validates the URL with zod: report its Chinese messages, not the issue JSON.
    const issues = (error as { issues?: readonly { message: string }[] }).issues;
    if (issues === undefined) throw error;
    throw new ResourceConfigError(
      `业务系统数据库配置无效：${issues.map((issue) => issue.message).join('；')}`,
      { cause: error },
    );
  }
}

/** The inbox of each file source and its variable; local defaults sit under $SG_DATA_DIR. */
const INBOX_SETTINGS = {
  tax: { variable: 'SG_TAX_INBOX_DIR', local: ['tax', 'inbox'], title: '税务月度文件投递目录' },
  bank: { variable: 'SG_BANK_INBOX_DIR', local: ['bank', 'inbox'], title: '银行文件投递目录' },
} as const;

/**
 * SG_TAX_INBOX_DIR and SG_BANK_INBOX_DIR, resolved to absolute paths. Locally they default to
 * `$SG_DATA_DIR/tax/inbox` and `$SG_DATA_DIR/bank/inbox` (where `just up` writes the simulators'
 * drops); production requires both.
 */
export function inboxesForEnvironment(
  env: Env,
  environment: PipelineEnvironment,
  dataDir: string,
): SourceInboxes {
  const defined = definedOnly(env);
  const inbox = (source: keyof typeof INBOX_SETTINGS): string => {
    const setting = INBOX_SETTINGS[source];
    const value = defined[setting.variable];
    if (value !== undefined) return path.resolve(value);
    if (environment === 'production') {
      throw new ResourceConfigError(`${setting.title}未配置：生产环境必须设置 ${setting.variable}`);
    }
    return path.join(dataDir, ...setting.local);
  };
  return { tax: inbox('tax'), bank: inbox('bank') };
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
    business: businessConfigForEnvironment(env, environment),
    inboxes: inboxesForEnvironment(env, environment, lake.dataDir),
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
