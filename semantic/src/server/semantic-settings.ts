// Server settings from the environment.
import { DEV_SEMANTIC_SECRET } from '@sg/api-token';

export const DEFAULT_SEMANTIC_PORT = 4000;

/** The BI app's origins in development (vite dev 5173) and production (node build 3000). */
const DEFAULT_CORS_ORIGINS = [
  'http://localhost:5173',
  'http://127.0.0.1:5173',
  'http://localhost:3000',
  'http://127.0.0.1:3000',
];

export interface SemanticSettings {
  readonly port: number;
  readonly host: string;
  readonly secret: string;
  readonly usesDevSecret: boolean;
  readonly corsOrigins: readonly string[];
  readonly modelDirectory: string | undefined;
}

/**
 * SG_SEMANTIC_PORT (default 4000), SG_SEMANTIC_HOST (default 127.0.0.1), SG_SEMANTIC_SECRET
 * (default DEV_SEMANTIC_SECRET, development only), SG_SEMANTIC_CORS_ORIGINS (comma-separated),
 * SG_SEMANTIC_MODEL_DIR (default: the package's model/ folder).
 */
export function semanticSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SemanticSettings {
  const portText = env['SG_SEMANTIC_PORT'] ?? '';
  const port = portText === '' ? DEFAULT_SEMANTIC_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`SG_SEMANTIC_PORT must be a port number (got '${portText}')`);
  }
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
  };
}
