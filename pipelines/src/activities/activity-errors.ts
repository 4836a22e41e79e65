// How connector errors become activity failures. Temporal retries every activity failure by the
// workflow's retry policy unless the failure is non-retryable: errors that a retry cannot fix
// (rejected credentials, a refused file, an invalid argument) must fail for good at once, with a
// message an operator can act on; everything else (network, 5xx, rate limits, a busy catalog, a
// database still starting) is rethrown unchanged and retried.
import { ApplicationFailure } from '@temporalio/common';
import { BankFileError } from '@sg/connector-bank';
import { CommerceApiError } from '@sg/connector-commerce';
import { TaxFileError } from '@sg/connector-tax';

/** A commerce API failure that retrying cannot fix (credentials, protocol…). */
export const COMMERCE_API_REJECTED = 'CommerceApiRejected';
/** The legacy business database refused the login, the database or the query. */
export const BUSINESS_DATABASE_REJECTED = 'BusinessDatabaseRejected';
/** A monthly tax drop the connector refused (checksum, encoding, missing column…). */
export const TAX_DROP_REFUSED = 'TaxDropRefused';
/** A bank drop or file the connector refused (checksum, unknown layout, encoding…). */
export const BANK_DROP_REFUSED = 'BankDropRefused';
/** A source's inbox folder does not exist (configuration or a missing mount). */
export const SOURCE_INBOX_MISSING = 'SourceInboxMissing';
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

/**
 * SQLSTATE classes of the legacy database that a retry cannot fix: 28 invalid authorisation
 * (wrong password, unknown user), 3D unknown database, 42 access rule violation (no privilege,
 * syntax), 0A feature not supported. Connection problems (08), a server starting or shutting down
 * (57), lock or serialisation conflicts (40) and resource limits (53) are retried.
 */
const PERMANENT_SQLSTATE_CLASSES: ReadonlySet<string> = new Set(['28', '3D', '42', '0A']);

/** The SQLSTATE of a PostgreSQL (`code` + `severity`) or MariaDB (`sqlState`) driver error. */
export function sqlStateOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const fields = error as { sqlState?: unknown; code?: unknown; severity?: unknown };
  if (typeof fields.sqlState === 'string') return fields.sqlState;
  if (typeof fields.severity === 'string' && typeof fields.code === 'string') return fields.code;
  return undefined;
}

const businessDatabaseRejected: PermanentFailureRule = (error) => {
  const sqlState = sqlStateOf(error);
  if (sqlState === undefined || !PERMANENT_SQLSTATE_CLASSES.has(sqlState.slice(0, 2))) {
    return undefined;
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    type: BUSINESS_DATABASE_REJECTED,
    message: `business database: ${message} (SQLSTATE ${sqlState})`,
    details: { sqlState },
  };
};

const invalidArgument: PermanentFailureRule = (error) =>
  error instanceof RangeError ? { type: INVALID_ARGUMENT, message: error.message } : undefined;

/** Every rule, tried in order. */
export const PERMANENT_FAILURE_RULES: readonly PermanentFailureRule[] = [
  commerceApiRejected,
  businessDatabaseRejected,
  taxDropRefused,
  bankDropRefused,
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
