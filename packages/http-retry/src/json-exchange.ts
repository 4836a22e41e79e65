/**
 * One HTTP attempt of a JSON source client, without the client's error types: the response as an
 * exchange (status, parsed body, Retry-After), or why there is none — the network failed (refused,
 * reset, cut mid-body, timed out) or the body is not JSON. A 5xx or 429 whose body is not JSON (an
 * HTML error page) is still an exchange with body null: its status says what happened.
 */
import { parseRetryAfterMs } from './retry-policy.ts';

export interface JsonExchange {
  /** 'GET /v1/enterprises?pageSize=100': what the client's errors name. */
  readonly request: string;
  readonly httpStatus: number;
  readonly body: unknown;
  /** From Retry-After, when the server sent one. */
  readonly retryAfterMs?: number;
}

export type JsonAttempt =
  | { readonly outcome: 'exchange'; readonly exchange: JsonExchange }
  | { readonly outcome: 'network'; readonly detail: string; readonly cause: unknown }
  | {
      readonly outcome: 'malformed_response';
      readonly exchange: JsonExchange;
      /** 'HTTP 200，17 字节' (Chinese, for the error message). */
      readonly detail: string;
      readonly cause: unknown;
    };

export interface JsonAttemptOptions {
  readonly request: string;
  readonly timeoutMs: number;
  readonly now: () => number;
  readonly fetch: typeof globalThis.fetch;
}

export async function attemptJson(
  url: URL,
  init: RequestInit,
  options: JsonAttemptOptions,
): Promise<JsonAttempt> {
  let response: Response;
  let text: string;
  try {
    response = await options.fetch(url, {
      ...init,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    text = await response.text();
  } catch (cause) {
    return {
      outcome: 'network',
      detail: cause instanceof Error ? cause.message : String(cause),
      cause,
    };
  }
  const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), options.now());
  const exchange = (body: unknown): JsonExchange => ({
    request: options.request,
    httpStatus: response.status,
    body,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
  try {
    return { outcome: 'exchange', exchange: exchange(JSON.parse(text) as unknown) };
  } catch (cause) {
    if (response.status >= 500 || response.status === 429) {
      return { outcome: 'exchange', exchange: exchange(null) };
    }
    return {
      outcome: 'malformed_response',
      exchange: exchange(null),
      detail: `HTTP ${String(response.status)}，${String(text.length)} 字节`,
      cause,
    };
  }
}
