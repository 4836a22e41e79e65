// Server settings from the environment.
import { DEV_SEMANTIC_SECRET } from '@sg/api-token';
import { LOCAL_HOST, LOCAL_PORTS, localPort } from '@sg/runtime-env';
import { DEFAULT_RUNNER_LIMITS } from './query-runner.ts';
import type { RunnerLimits } from './query-runner.ts';

/** Vite's development server port (`npm run dev` of an app); not a platform port. */
const VITE_DEV_PORT = 5173;

/** The BI app's origins in development (vite dev) and as `just up` serves it (LOCAL_PORTS.bi). */
const DEFAULT_CORS_ORIGINS = [VITE_DEV_PORT, LOCAL_PORTS.bi.port].flatMap((port) => [
  `http://localhost:${String(port)}`,
  `http://127.0.0.1:${String(port)}`,
]);

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
 * SG_SEMANTIC_PORT (default LOCAL_PORTS.semantic), SG_SEMANTIC_HOST (default 127.0.0.1), SG_SEMANTIC_SECRET
 * (default DEV_SEMANTIC_SECRET, development only), SG_SEMANTIC_CORS_ORIGINS (comma-separated),
 * SG_SEMANTIC_MODEL_DIR (default: the package's model/ folder), and the limits
 * SG_SEMANTIC_POOL_SIZE, SG_SEMANTIC_QUEUE_SIZE, SG_SEMANTIC_QUEUE_WAIT_MS,
 * SG_SEMANTIC_QUERY_TIMEOUT_MS, SG_SEMANTIC_DRAIN_MS (defaults: DEFAULT_RUNNER_LIMITS, DEFAULT_DRAIN_MS).
 */
export function semanticSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SemanticSettings {
  const port = localPort('semantic', env);
  const secret = env['SG_SEMANTIC_SECRET'] ?? '';
  const origins = (env['SG_SEMANTIC_CORS_ORIGINS'] ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  const modelDirectory = env['SG_SEMANTIC_MODEL_DIR'] ?? '';
  return {
    port,
    host: env['SG_SEMANTIC_HOST'] ?? LOCAL_HOST,
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
