// How a failed request is answered. Saturation is answered Cube's way: a request that waited the
// queue's limit for a connection gets `200 {"error":"Continue wait"}` (Cube's long-poll answer,
// which @cubejs-client/core re-sends by itself); a full queue or a shutting-down server is a 503
// with Retry-After; a query past its timeout is a 504. Never an abort.
import { QueryError } from '../query/query-errors.ts';
import { PoolClosedError, PoolSaturatedError, PoolWaitTimeoutError } from './connection-pool.ts';
import { QueryTimeoutError } from './query-runner.ts';

/** Cube's answer to "not ready yet, ask again" (matched by the client with `includes`). */
export const CONTINUE_WAIT = 'Continue wait';

export class HttpError extends Error {
  override name = 'HttpError';
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface ErrorResponse {
  readonly status: number;
  readonly body: { readonly error: string };
  readonly headers: Readonly<Record<string, string>>;
  /** An unexpected failure (logged), rather than the client's or the load's. */
  readonly unexpected: boolean;
}

const answer = (
  status: number,
  error: string,
  headers: Record<string, string> = {},
  unexpected = false,
): ErrorResponse => ({ status, body: { error }, headers, unexpected });

export function errorResponse(error: unknown): ErrorResponse {
  if (error instanceof QueryError) return answer(400, error.message);
  if (error instanceof HttpError) return answer(error.status, error.message);
  if (error instanceof PoolWaitTimeoutError) return answer(200, CONTINUE_WAIT);
  if (error instanceof PoolSaturatedError) {
    return answer(503, `The semantic server is busy. ${error.message}`, { 'Retry-After': '1' });
  }
  if (error instanceof PoolClosedError) {
    return answer(503, error.message, { 'Retry-After': '1', Connection: 'close' });
  }
  if (error instanceof QueryTimeoutError) return answer(504, error.message);
  return answer(500, error instanceof Error ? error.message : String(error), {}, true);
}
