import { LOCAL_HOST, LOCAL_PORTS } from '@sg/runtime-env';
import type { Env } from './resources.ts';

/** The task queue every pipelines worker polls. */
export const TASK_QUEUE = 'sg-pipelines';
export const NAMESPACE = 'default';
export const DEFAULT_TEMPORAL_ADDRESS = `${LOCAL_HOST}:${String(LOCAL_PORTS.temporal.port)}`;

/** `TEMPORAL_ADDRESS` (host:port of the Temporal frontend), default 127.0.0.1:7233. */
export function temporalAddressFromEnv(env: Env): string {
  const address = env['TEMPORAL_ADDRESS'];
  return address === undefined || address === '' ? DEFAULT_TEMPORAL_ADDRESS : address;
}
