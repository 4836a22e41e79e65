// The SvelteKit server hook every app installs (typed by shape, so this package needs no SvelteKit):
// a request id, the RpcContext in event.locals, the id echoed in the response, one log line.
import type { RpcContext } from '@sg/rpc';
import { requestIdOf, requestLogLine } from './request-id.ts';

export interface SessionEvent {
  readonly request: Request;
  readonly url: URL;
  readonly locals: { rpcContext: RpcContext };
}

export interface SessionHandleOptions {
  /** Usually `(headers, id) => rpcContextFromHeaders(dependencies, headers, id)`. */
  readonly contextOf: (headers: Headers, requestId: string) => Promise<RpcContext>;
  readonly log?: (line: string) => void;
}

export function createSessionHandle(options: SessionHandleOptions) {
  const log =
    options.log ??
    ((line: string) => {
      console.info(line);
    });
  return async <E extends SessionEvent>({
    event,
    resolve,
  }: {
    readonly event: E;
    readonly resolve: (event: E) => Response | Promise<Response>;
  }): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdOf(event.request.headers);
    event.locals.rpcContext = await options.contextOf(event.request.headers, requestId);
    const response = await resolve(event);
    response.headers.set('x-request-id', requestId);
    log(
      requestLogLine(requestId, {
        method: event.request.method,
        path: event.url.pathname,
        status: response.status,
        user: event.locals.rpcContext.user?.login ?? null,
        ms: Math.round(performance.now() - started),
      }),
    );
    return response;
  };
}
