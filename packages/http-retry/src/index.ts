export { callWithRetries } from './call-with-retries.ts';
export type { CallWithRetriesOptions, RetriableError } from './call-with-retries.ts';
export { attemptJson } from './json-exchange.ts';
export type { JsonAttempt, JsonAttemptOptions, JsonExchange } from './json-exchange.ts';
export {
  DEFAULT_RETRY_POLICY,
  backoffDelayMs,
  parseRetryAfterMs,
  retryAfterDelayMs,
  retryDelayMs,
  type RetryPolicy,
} from './retry-policy.ts';
