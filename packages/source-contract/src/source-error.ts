// The one error base every source connector's errors extend: whoever runs a landing (the pipelines'
// activities) asks `retryable` and nothing else to decide between retrying and failing for good,
// and reports a permanent failure by the error's own `failureType`, `failureMessage` and
// `failureDetails` — so the orchestrator names no connector's error class.

/** A source error's type when its class names none: a retry cannot help. */
export const SOURCE_REJECTED = 'SourceRejected';

/** An error raised by a source connector. `retryable`: could the same call succeed later? */
export abstract class SourceError extends Error {
  abstract readonly retryable: boolean;

  /** The type an orchestrator fails a step with when a retry cannot help (e.g. `TaxDropRefused`). */
  get failureType(): string {
    return SOURCE_REJECTED;
  }

  /** The failure described for operators. */
  get failureMessage(): string {
    return `${this.name}: ${this.message}`;
  }

  /** Facts an operator acts on (kind, file, SQLSTATE…), when there are any. */
  get failureDetails(): Readonly<Record<string, unknown>> | undefined {
    return undefined;
  }
}

/** What can go wrong with a request to any source's HTTP API (a client adds its own kinds). */
export type HttpApiFailureKind =
  /** 400 / 405: the request itself is wrong. Not retried. */
  | 'bad_request'
  /** 404: unknown record or endpoint. */
  | 'not_found'
  /** 429 after every attempt, or a Retry-After longer than the client will wait. */
  | 'rate_limited'
  /** 5xx after every attempt. */
  | 'server'
  /** Connection refused, reset or cut mid-body, or a timeout, after every attempt. */
  | 'network'
  /** A body that is not JSON, after every attempt. */
  | 'malformed_response'
  /** JSON that does not match the documented shape. Not retried. */
  | 'protocol';

/** The HTTP API failures a retry can fix: the same for every source. */
export const RETRYABLE_HTTP_API_FAILURES: ReadonlySet<HttpApiFailureKind> = new Set([
  'rate_limited',
  'server',
  'network',
  'malformed_response',
]);

/**
 * What an API client knows about a failed request. `K` is the client's own list of kinds; a
 * client adds its own fields (the vendor's code…) by extending this.
 */
export interface SourceApiErrorDetails<K extends string> {
  readonly kind: K;
  /** Method and path with query, e.g. `GET /v1/enterprises?pageSize=100`. */
  readonly request: string;
  readonly httpStatus?: number;
  readonly requestId?: string;
  /** Milliseconds the source asked us to wait (Retry-After). */
  readonly retryAfterMs?: number;
  readonly attempts?: number;
  readonly cause?: unknown;
}

/**
 * A failed request to a source's API. Subclasses name their kinds and say which are retryable;
 * the fields, the retry count and `withAttempts` are the same for every API.
 */
export abstract class SourceApiError<K extends string> extends SourceError {
  readonly kind: K;
  readonly request: string;
  readonly httpStatus: number | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly attempts: number;
  /** The details this error was made from (withAttempts copies them). */
  protected readonly details: SourceApiErrorDetails<K>;

  constructor(message: string, details: SourceApiErrorDetails<K>) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.details = details;
    this.kind = details.kind;
    this.request = details.request;
    this.httpStatus = details.httpStatus;
    this.requestId = details.requestId;
    this.retryAfterMs = details.retryAfterMs;
    this.attempts = details.attempts ?? 1;
  }

  /** The kinds a retry can fix (rate limits, 5xx, network…). */
  protected abstract get retryableKinds(): ReadonlySet<K>;

  override get failureMessage(): string {
    return `${this.name}: ${this.message} (${this.kind}, ${this.request})`;
  }

  override get failureDetails(): Readonly<Record<string, unknown>> {
    return { kind: this.kind, request: this.request, httpStatus: this.httpStatus ?? null };
  }

  get retryable(): boolean {
    return this.retryableKinds.has(this.kind);
  }

  /** The same error (same class), annotated with how many attempts were made. */
  withAttempts(attempts: number): this {
    const message = attempts > 1 ? `${this.message}（已尝试${String(attempts)}次）` : this.message;
    const Class = this.constructor as new (
      message: string,
      details: SourceApiErrorDetails<K>,
    ) => this;
    return new Class(message, { ...this.details, attempts, cause: this.cause });
  }
}

/** A source's inbox folder does not exist (configuration or a missing mount). */
export const SOURCE_INBOX_MISSING = 'SourceInboxMissing';

/**
 * A source's inbox folder does not exist: a configuration error or a missing mount, which a retry
 * within minutes does not fix.
 */
export class SourceInboxMissingError extends SourceError {
  override readonly name = 'SourceInboxMissingError';
  readonly inboxDir: string;

  constructor(title: string, inboxDir: string) {
    super(`${title}不存在：${inboxDir}`);
    this.inboxDir = inboxDir;
  }

  readonly retryable = false;

  override get failureType(): string {
    return SOURCE_INBOX_MISSING;
  }

  override get failureMessage(): string {
    return this.message;
  }

  override get failureDetails(): Readonly<Record<string, unknown>> {
    return { inboxDir: this.inboxDir };
  }
}

/** A source's settings are missing or invalid (named in Chinese): fix the environment. */
export class SourceConfigError extends SourceError {
  override readonly name = 'SourceConfigError';

  readonly retryable = false;
}
