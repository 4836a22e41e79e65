import { RETRYABLE_HTTP_API_FAILURES, SourceApiError } from '@sg/source-contract';
import type { HttpApiFailureKind, SourceApiErrorDetails } from '@sg/source-contract';

/**
 * The one error type the commerce clients throw (on the shared SourceApiError base). `kind` says what went wrong and whether a retry
 * could help; messages are Chinese (they surface in the data console), the details are fields.
 */

export type CommerceErrorKind =
  | HttpApiFailureKind
  /** 401: wrong key, wrong secret or clock skew beyond the vendor's window. Not retried. */
  | 'authentication'
  /** The snapshot client has no recording of the request. */
  | 'not_recorded';

export const RETRYABLE_KINDS: ReadonlySet<CommerceErrorKind> = RETRYABLE_HTTP_API_FAILURES;

export interface CommerceErrorDetails extends SourceApiErrorDetails<CommerceErrorKind> {
  /** The vendor's own error code in the envelope. */
  readonly vendorCode?: number;
}

/** A commerce API failure that retrying cannot fix (credentials, protocol…). */
export const COMMERCE_API_REJECTED = 'CommerceApiRejected';

export class CommerceApiError extends SourceApiError<CommerceErrorKind> {
  override readonly name = 'CommerceApiError';
  readonly vendorCode: number | undefined;

  constructor(message: string, details: CommerceErrorDetails) {
    super(message, details);
    this.vendorCode = details.vendorCode;
  }

  protected get retryableKinds(): ReadonlySet<CommerceErrorKind> {
    return RETRYABLE_KINDS;
  }

  override get failureType(): string {
    return COMMERCE_API_REJECTED;
  }

  override get failureMessage(): string {
    return `commerce API: ${this.message} (${this.kind}, ${this.request})`;
  }
}
