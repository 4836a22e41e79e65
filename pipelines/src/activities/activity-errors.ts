// How connector errors become activity failures. Temporal retries every activity failure by the
// workflow's retry policy unless the failure is non-retryable: errors that a retry cannot fix
// (rejected credentials, a refused file, an invalid argument) must fail for good at once, with a
// message an operator can act on; everything else (network, 5xx, rate limits, a busy catalog, a
// database still starting) is rethrown unchanged and retried.
import { ApplicationFailure } from '@temporalio/common';
import { BankFileError } from '@sg/connector-bank';
import { BusinessDatabaseError } from '@sg/connector-business';
import { CommerceApiError } from '@sg/connector-commerce';
import { TAX_DROP_REFUSED, TaxFileError } from '@sg/connector-tax';
import { SourceError, SourceInboxMissingError } from '@sg/source-contract';

/** A commerce API failure that retrying cannot fix (credentials, protocol…). */
export const COMMERCE_API_REJECTED = 'CommerceApiRejected';
/** The legacy business database refused the login, the database or the query. */
export const BUSINESS_DATABASE_REJECTED = 'BusinessDatabaseRejected';
/** A monthly tax drop the connector refused (checksum, encoding, missing column…). */
export { TAX_DROP_REFUSED };
/** A bank drop or file the connector refused (checksum, unknown layout, encoding…). */
export const BANK_DROP_REFUSED = 'BankDropRefused';
/** A source's inbox folder does not exist (configuration or a missing mount). */
export const SOURCE_INBOX_MISSING = 'SourceInboxMissing';
/** Any other source error a retry cannot fix (SourceError with `retryable` false). */
export const SOURCE_REJECTED = 'SourceRejected';
/** An argument the connector rejected (e.g. an invalid window). */
export const INVALID_ARGUMENT = 'RangeError';

/** A failure that retrying cannot fix, described for operators. */
export interface PermanentFailure {
  readonly type: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Recognises one kind of permanent failure; `undefined` when `error` is not of that kind. */
export type PermanentFailureRule = (error: unknown) => PermanentFailure | undefined;

const commerceApiRejected: PermanentFailureRule = (error) =>
  error instanceof CommerceApiError && !error.retryable
    ? {
        type: COMMERCE_API_REJECTED,
        message: `commerce API: ${error.message} (${error.kind}, ${error.request})`,
        details: { kind: error.kind, request: error.request, httpStatus: error.httpStatus ?? null },
      }
    : undefined;

const taxDropRefused: PermanentFailureRule = (error) =>
  error instanceof TaxFileError
    ? {
        type: TAX_DROP_REFUSED,
        message: `tax drop refused: ${error.message} (${error.kind})`,
        details: { kind: error.kind },
      }
    : undefined;

const bankDropRefused: PermanentFailureRule = (error) =>
  error instanceof BankFileError
    ? {
        type: BANK_DROP_REFUSED,
        message: `bank drop refused: ${error.message} (${error.kind})`,
        details: { kind: error.kind, file: error.file ?? null },
      }
    : undefined;

const businessDatabaseRejected: PermanentFailureRule = (error) =>
  error instanceof BusinessDatabaseError && !error.retryable
    ? {
        type: BUSINESS_DATABASE_REJECTED,
        message: `business database: ${error.message} (SQLSTATE ${error.sqlState})`,
        details: { sqlState: error.sqlState },
      }
    : undefined;

const sourceInboxMissing: PermanentFailureRule = (error) =>
  error instanceof SourceInboxMissingError
    ? { type: SOURCE_INBOX_MISSING, message: error.message, details: { inboxDir: error.inboxDir } }
    : undefined;

/** Any other source error that says a retry cannot help (a source's own error, its settings…). */
const sourceRejected: PermanentFailureRule = (error) =>
  error instanceof SourceError && !error.retryable
    ? { type: SOURCE_REJECTED, message: `${error.name}: ${error.message}` }
    : undefined;

const invalidArgument: PermanentFailureRule = (error) =>
  error instanceof RangeError ? { type: INVALID_ARGUMENT, message: error.message } : undefined;

/** Every rule, tried in order. */
export const PERMANENT_FAILURE_RULES: readonly PermanentFailureRule[] = [
  commerceApiRejected,
  businessDatabaseRejected,
  taxDropRefused,
  bankDropRefused,
  sourceInboxMissing,
  sourceRejected,
  invalidArgument,
];

/** The permanent failure `error` is, if any. */
export function permanentFailureOf(error: unknown): PermanentFailure | undefined {
  for (const rule of PERMANENT_FAILURE_RULES) {
    const failure = rule(error);
    if (failure !== undefined) return failure;
  }
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
