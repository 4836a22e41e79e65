// The HTTP server of a simulator: requests under the control prefix (the simulator's own
// `/_sim/` endpoints: totals, faults, clock…) go to `control`, every other request to `api`; a
// handler that throws is logged and answered with the simulator's own internal-error response
// (or the connection is cut when the response had begun). Shared by the source simulators.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';

/** What a simulator's API handler reads of a request (its handlers are pure functions of it). */
export interface SimulatorApiRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
}

export function simulatorApiRequest(req: IncomingMessage, url: URL): SimulatorApiRequest {
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
  };
}

export interface SimulatorHttpHandlers {
  /** Names the simulator in the log line of a failed request, e.g. `sim-tax`. */
  readonly name: string;
  /** Path prefix of the control endpoints, e.g. `/v1/_sim/`. */
  readonly controlPrefix: string;
  control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
  api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  /** Answers a request whose handler threw before anything was sent (the source's 500). */
  internalError(res: ServerResponse): void;
}

export function createSimulatorHttpServer(handlers: SimulatorHttpHandlers): Server {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    if (url.pathname.startsWith(handlers.controlPrefix)) {
      await handlers.control(req, res, url.pathname);
    } else {
      await handlers.api(req, res, url);
    }
  };
  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(`${handlers.name}: request failed`, error);
      if (!res.headersSent) handlers.internalError(res);
      else res.destroy();
    });
  });
}
