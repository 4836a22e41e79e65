export { callWithRetries } from './call-with-retries.ts';
export type { CallWithRetriesOptions, RetriableError } from './call-with-retries.ts';
export { attemptJson } from './json-exchange.ts';
export type { JsonAttempt, JsonAttemptOptions, JsonExchange } from './json-exchange.ts';
export {
  DEFAULT_RETRY_POLICY,
  parseRetryAfterMs,
  retryAfterDelayMs,
  retryDelayMs,
  type RetryPolicy,
} from './retry-policy.ts';
export { DEFAULT_REQUEST_TIMEOUT_MS, resolveClientTransport } from './client-transport.ts';
export type { ClientTransport, ClientTransportOptions } from './client-transport.ts';
