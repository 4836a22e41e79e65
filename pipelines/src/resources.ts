// Resources: everything activities need to reach the outside world, chosen per environment by one
// function. Local: SQLite-catalogued lake under $SG_DATA_DIR, and each source's local default as
// its definition gives it (the commerce simulator, the embedded legacy business database, the tax
// and bank inbox folders under $SG_DATA_DIR). Production: whatever the environment names
// (PostgreSQL catalog, object storage, the real API, the client's legacy database, the folders the
// exchanges deliver into); nothing is defaulted.
import { lakeConfigFromEnv } from '@sg/lake';
import type { LakeConfig } from '@sg/lake';
import { parseDbtProject, runDbt } from '@sg/dbt-cli';
import type { DbtManifest, DbtRunSummary } from '@sg/dbt-cli';
import type { SourceDefinition } from '@sg/source-contract';
import { SOURCES } from './assets/registry.ts';

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
  /**
   * Each registered source's settings, by source name, as its definition read them from the
   * environment (`configFromEnvironment`): what its `land` is given.
   */
  readonly sources: Readonly<Record<string, unknown>>;
  readonly dbt: DbtRunner;
  /** The dbt project as `dbt parse` reads it (models, seeds, sources, descriptions). */
  readonly dbtManifest: () => Promise<DbtManifest>;
}

export type Env = Readonly<Record<string, string | undefined>>;

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

function definedOnly(env: Env): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

/**
 * Each source's settings read by its own definition: locally every one has a default (the
 * simulators, the inboxes under $SG_DATA_DIR); in production each is required.
 */
export function sourceConfigsFromEnv(
  env: Env,
  environment: PipelineEnvironment,
  dataDir: string,
  sources: readonly SourceDefinition[] = SOURCES,
): Record<string, unknown> {
  const settings = { environment, env: definedOnly(env), dataDir };
  return Object.fromEntries(
    sources.map((source) => [source.name, source.configFromEnvironment(settings)]),
  );
}

/** The one place where activities' resources are chosen, from environment variables only. */
export function resourcesFromEnv(env: Env): PipelineResources {
  const environment = pipelineEnvironmentFromEnv(env);
  const lake = lakeConfigFromEnv(definedOnly(env));
  return {
    environment,
    lake,
    sources: sourceConfigsFromEnv(env, environment, lake.dataDir),
    dbt: serialised((args, { signal }) =>
      runDbt([...args], {
        lakeConfig: lake,
        env: definedOnly(env),
        ...(signal === undefined ? {} : { signal }),
      }),
    ),
    dbtManifest: () => parseDbtProject({ lakeConfig: lake, env: definedOnly(env) }),
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
