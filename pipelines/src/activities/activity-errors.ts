// How connector errors become activity failures. Temporal retries every activity failure by the
// workflow's retry policy unless the failure is non-retryable: errors that a retry cannot fix
// (rejected credentials, a refused file, an invalid argument) must fail for good at once, with a
// message an operator can act on; everything else (network, 5xx, rate limits, a busy catalog, a
// database still starting) is rethrown unchanged and retried. Which connector errors are which is
// each error's own business (`SourceError.retryable`, `failureType`…): no connector is named here.
import { ApplicationFailure } from '@temporalio/common';
import { SourceError } from '@sg/source-contract';

/** An argument the connector rejected (e.g. an invalid window). */
export const INVALID_ARGUMENT = 'RangeError';

/** A failure that retrying cannot fix, described for operators. */
export interface PermanentFailure {
  readonly type: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The permanent failure `error` is, if any: a non-retryable source error or a RangeError. */
export function permanentFailureOf(error: unknown): PermanentFailure | undefined {
  if (error instanceof SourceError && !error.retryable) {
    const details = error.failureDetails;
    return {
      type: error.failureType,
      message: error.failureMessage,
      ...(details === undefined ? {} : { details }),
    };
  }
  if (error instanceof RangeError) return { type: INVALID_ARGUMENT, message: error.message };
  return undefined;
}

/**
 * What an activity throws for `error`: a non-retryable ApplicationFailure (typed, with the
 * original error as its cause) when retrying cannot fix it, otherwise `error` itself, which the
 * workflow's retry policy retries.
 */
export function asActivityError(error: unknown): unknown {
  if (error instanceof ApplicationFailure) return error;
  const failure = permanentFailureOf(error);
  if (failure === undefined) return error;
  return ApplicationFailure.create({
    message: failure.message,
    type: failure.type,
    nonRetryable: true,
    ...(failure.details === undefined ? {} : { details: [failure.details] }),
    ...(error instanceof Error ? { cause: error } : {}),
  });
}
