/**
 * The retry loop of an HTTP source client, over the client's own error type: an attempt that
 * fails with a retryable error is repeated after the policy's wait (Retry-After when the server
 * sent one, else backoff with jitter) until the attempts run out or the server asks for a wait
 * longer than the policy allows; the error that ends the call says how many attempts were made.
 */
import { retryDelayMs } from './retry-policy.ts';
import type { RetryPolicy } from './retry-policy.ts';

/** What the loop needs to know of a client's error. */
export interface RetriableError {
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  /** The same error, its message saying how many attempts were made. */
  withAttempts(attempts: number): Error;
}

export interface CallWithRetriesOptions<Prepared, Result, Failure extends RetriableError> {
  readonly policy: RetryPolicy;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  /** The client's error type; anything else is thrown through at once. */
  readonly isFailure: (error: unknown) => error is Failure;
  /**
   * Before every attempt, outside the retries (e.g. an access token, which has its own): its
   * failure ends the call as it is.
   */
  readonly prepare: () => Promise<Prepared>;
  readonly attempt: (prepared: Prepared) => Promise<Result>;
  /** A failure to repeat at once without counting an attempt (e.g. an expired token, once). */
  readonly repeatAtOnce?: (failure: Failure) => boolean;
}

export async function callWithRetries<Prepared, Result, Failure extends RetriableError>(
  options: CallWithRetriesOptions<Prepared, Result, Failure>,
): Promise<Result> {
  const { policy } = options;
  for (let attemptNo = 1; ; attemptNo += 1) {
    const prepared = await options.prepare();
    let failure: Failure;
    try {
      return await options.attempt(prepared);
    } catch (caught) {
      if (!options.isFailure(caught)) throw caught;
      failure = caught;
    }
    if (options.repeatAtOnce?.(failure) === true) {
      attemptNo -= 1;
      continue;
    }
    if (!failure.retryable || attemptNo >= policy.maxAttempts)
      throw failure.withAttempts(attemptNo);
    if (failure.retryAfterMs !== undefined && failure.retryAfterMs > policy.maxRetryAfterMs) {
      throw failure.withAttempts(attemptNo);
    }
    await options.sleep(retryDelayMs(policy, attemptNo, failure.retryAfterMs, options.random));
  }
}
