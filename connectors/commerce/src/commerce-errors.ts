/**
 * The one error type the commerce clients throw. `kind` says what went wrong and whether a retry
 * could help; messages are Chinese (they surface in the data console), the details are fields.
 */

export type CommerceErrorKind =
  /** 401: wrong key, wrong secret or clock skew beyond the vendor's window. Not retried. */
  | 'authentication'
  /** 400 / 405: the request itself is wrong. Not retried. */
  | 'bad_request'
  /** 404 on an endpoint that must exist. (getEnterprise returns null instead.) */
  | 'not_found'
  /** 429 after every attempt, or a Retry-After longer than the client will wait. */
  | 'rate_limited'
  /** 5xx after every attempt. */
  | 'server'
  /** Connection refused, reset or cut mid-body, or a timeout, after every attempt. */
  | 'network'
  /** A body that is not JSON, after every attempt. */
  | 'malformed_response'
  /** JSON that does not match the vendor's documented shape. Not retried. */
  | 'protocol'
  /** The snapshot client has no recording of the request. */
  | 'not_recorded';

export const RETRYABLE_KINDS: ReadonlySet<CommerceErrorKind> = new Set([
  'rate_limited',
  'server',
  'network',
  'malformed_response',
]);

export interface CommerceErrorDetails {
  readonly kind: CommerceErrorKind;
  /** Method and path with query, e.g. 'GET /v1/enterprises?pageSize=100'. */
  readonly request: string;
  readonly httpStatus?: number;
  readonly vendorCode?: number;
  readonly requestId?: string;
  /** Milliseconds the vendor asked us to wait (Retry-After). */
  readonly retryAfterMs?: number;
  readonly attempts?: number;
  readonly cause?: unknown;
}

export class CommerceApiError extends Error {
  override readonly name = 'CommerceApiError';
  readonly kind: CommerceErrorKind;
  readonly request: string;
  readonly httpStatus: number | undefined;
  readonly vendorCode: number | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly attempts: number;

  constructor(message: string, details: CommerceErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = details.kind;
    this.request = details.request;
    this.httpStatus = details.httpStatus;
    this.vendorCode = details.vendorCode;
    this.requestId = details.requestId;
    this.retryAfterMs = details.retryAfterMs;
    this.attempts = details.attempts ?? 1;
  }

  get retryable(): boolean {
    return RETRYABLE_KINDS.has(this.kind);
  }

  /** The same error, annotated with how many attempts were made. */
  withAttempts(attempts: number): CommerceApiError {
    const message = attempts > 1 ? `${this.message}（已尝试${attempts}次）` : this.message;
    return new CommerceApiError(message, {
      kind: this.kind,
      request: this.request,
      ...(this.httpStatus === undefined ? {} : { httpStatus: this.httpStatus }),
      ...(this.vendorCode === undefined ? {} : { vendorCode: this.vendorCode }),
      ...(this.requestId === undefined ? {} : { requestId: this.requestId }),
      ...(this.retryAfterMs === undefined ? {} : { retryAfterMs: this.retryAfterMs }),
      attempts,
      cause: this.cause,
    });
  }
}
