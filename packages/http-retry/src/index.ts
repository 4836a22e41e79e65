export {
  DEFAULT_RETRY_POLICY,
  backoffDelayMs,
  parseRetryAfterMs,
  retryAfterDelayMs,
  retryDelayMs,
  type RetryPolicy,
} from './retry-policy.ts';
