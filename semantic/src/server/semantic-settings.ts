// Server settings from the environment.
import { DEV_SEMANTIC_SECRET } from '@sg/api-token';
import { DEFAULT_RUNNER_LIMITS } from './query-runner.ts';
import type { RunnerLimits } from './query-runner.ts';

export const DEFAULT_SEMANTIC_PORT = 4000;

/** The BI app's origins in development (vite dev 5173) and production (node build 3000). */
const DEFAULT_CORS_ORIGINS = [
  'http://localhost:5173',
  'http://127.0.0.1:5173',
  'http://localhost:3000',
  'http://127.0.0.1:3000',
];

/** On SIGTERM, in-flight requests get this long before their queries are interrupted. */
export const DEFAULT_DRAIN_MS = 10_000;

export interface SemanticSettings {
  readonly port: number;
  readonly host: string;
  readonly secret: string;
  readonly usesDevSecret: boolean;
  readonly corsOrigins: readonly string[];
  readonly modelDirectory: string | undefined;
  readonly limits: RunnerLimits;
  /** On SIGTERM: how long in-flight requests may finish before their queries are interrupted. */
  readonly drainMs: number;
}

function integerSetting(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const text = (env[name] ?? '').trim();
  if (text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(
      `${name} must be an integer from ${String(min)} to ${String(max)} (got '${text}')`,
    );
  }
  return value;
}

/**
 * SG_SEMANTIC_PORT (default 4000), SG_SEMANTIC_HOST (default 127.0.0.1), SG_SEMANTIC_SECRET
 * (default DEV_SEMANTIC_SECRET, development only), SG_SEMANTIC_CORS_ORIGINS (comma-separated),
 * SG_SEMANTIC_MODEL_DIR (default: the package's model/ folder), and the limits
 * SG_SEMANTIC_POOL_SIZE, SG_SEMANTIC_QUEUE_SIZE, SG_SEMANTIC_QUEUE_WAIT_MS,
 * SG_SEMANTIC_QUERY_TIMEOUT_MS, SG_SEMANTIC_DRAIN_MS (defaults: DEFAULT_RUNNER_LIMITS, DEFAULT_DRAIN_MS).
 */
export function semanticSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SemanticSettings {
  const port = integerSetting(env, 'SG_SEMANTIC_PORT', DEFAULT_SEMANTIC_PORT, 0, 65_535);
  const secret = env['SG_SEMANTIC_SECRET'] ?? '';
  const origins = (env['SG_SEMANTIC_CORS_ORIGINS'] ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  const modelDirectory = env['SG_SEMANTIC_MODEL_DIR'] ?? '';
  return {
    port,
    host: env['SG_SEMANTIC_HOST'] ?? '127.0.0.1',
    secret: secret === '' ? DEV_SEMANTIC_SECRET : secret,
    usesDevSecret: secret === '',
    corsOrigins: origins.length > 0 ? origins : DEFAULT_CORS_ORIGINS,
    modelDirectory: modelDirectory === '' ? undefined : modelDirectory,
    limits: {
      size: integerSetting(env, 'SG_SEMANTIC_POOL_SIZE', DEFAULT_RUNNER_LIMITS.size, 1, 64),
      maxWaiting: integerSetting(
        env,
        'SG_SEMANTIC_QUEUE_SIZE',
        DEFAULT_RUNNER_LIMITS.maxWaiting,
        0,
      ),
      maxWaitMs: integerSetting(
        env,
        'SG_SEMANTIC_QUEUE_WAIT_MS',
        DEFAULT_RUNNER_LIMITS.maxWaitMs,
        1,
      ),
      queryTimeoutMs: integerSetting(
        env,
        'SG_SEMANTIC_QUERY_TIMEOUT_MS',
        DEFAULT_RUNNER_LIMITS.queryTimeoutMs,
        1,
      ),
    },
    drainMs: integerSetting(env, 'SG_SEMANTIC_DRAIN_MS', DEFAULT_DRAIN_MS, 0),
  };
}
