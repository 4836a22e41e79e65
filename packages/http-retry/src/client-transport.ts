/**
 * The transport options every HTTP JSON source client takes (retry policy, timeout, and the
 * injection points tests use), and their defaults resolved once when the client is created.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { DEFAULT_RETRY_POLICY } from './retry-policy.ts';
import type { RetryPolicy } from './retry-policy.ts';

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface ClientTransportOptions {
  readonly retry?: Partial<RetryPolicy>;
  /** Per attempt, including reading the body. Default 30 s. */
  readonly timeoutMs?: number;
  /** Injection points for tests. */
  readonly fetch?: typeof globalThis.fetch;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

export interface ClientTransport {
  readonly policy: RetryPolicy;
  readonly timeoutMs: number;
  readonly fetch: typeof globalThis.fetch;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
}

export function resolveClientTransport(options: ClientTransportOptions): ClientTransport {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  if (!(policy.maxAttempts >= 1)) throw new RangeError('retry.maxAttempts must be at least 1');
  return {
    policy,
    timeoutMs: options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    fetch: options.fetch ?? globalThis.fetch,
    now: options.now ?? Date.now,
    sleep: options.sleep ?? ((ms: number) => delay(ms)),
    random: options.random ?? Math.random,
  };
}
