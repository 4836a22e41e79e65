// Cube's REST API (/cubejs-api/v1/load, /sql, /meta) over node:http, answered by our compiler and
// DuckDB. Authorisation: a Cube-style HS256 JWT in the Authorization header. CORS for the BI apps.
// A request's queries run in one session of the runner's connection pool; a busy server answers
// "Continue wait" or 503 (error-responses.ts). drain() stops it within a bounded time (SIGTERM).
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { loadResult, metaResponse, multiLoadResponse, sqlResponse } from '../api/cube-responses.ts';
import { verifyAuthorization } from '@sg/api-token';
import type { SemanticModel } from '../model/semantic-model.ts';
import { compileQuery, parseCubeQuery } from '../query/compile-query.ts';
import type { CompiledQuery } from '../query/compile-query.ts';
import { QueryError } from '../query/query-errors.ts';
import { ARROW_STREAM_MEDIA_TYPE, arrowIpcStream } from './arrow-ipc.ts';
import { HttpError, errorResponse } from './error-responses.ts';
import { PoolClosedError } from './connection-pool.ts';
import { classifyQueryFailure } from './query-runner.ts';
import type { QueryRunner, QuerySession } from './query-runner.ts';

export const API_BASE_PATH = '/cubejs-api/v1';
const MAX_BODY_BYTES = 1_000_000;

export interface SemanticServerOptions {
  readonly model: SemanticModel;
  readonly runner: QueryRunner;
  readonly secret: string;
  /** Browser origins allowed by CORS (exact match), e.g. http://localhost:5173; '*' allows any. */
  readonly corsOrigins: readonly string[];
  readonly log?: (line: string) => void;
}

/** How a drain ended: `forced` when requests were still running at the deadline. */
export interface DrainReport {
  readonly forced: boolean;
  /** Requests still unanswered when the drain gave up on them. */
  readonly abandoned: number;
  readonly ms: number;
}

export interface SemanticServer {
  readonly http: Server;
  /** Requests being answered now. */
  inFlight(): number;
  /**
   * Stops accepting connections and lets in-flight requests finish for `graceMs`; then interrupts
   * the queries still running and waits briefly for their answers. Closes the runner either way.
   */
  drain(graceMs: number): Promise<DrainReport>;
}

const SHUTTING_DOWN = 'The semantic server is shutting down';

/** After the grace period, how long interrupted queries get to answer. */
const INTERRUPTED_ANSWER_MS = 2_000;

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function applyCors(req: IncomingMessage, res: ServerResponse, origins: readonly string[]): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  if (origins.includes('*') || origins.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader(
      'Access-Control-Allow-Headers',
      'Authorization, Content-Type, X-Request-Id, Accept',
    );
    res.setHeader('Access-Control-Max-Age', '600');
  }
  res.setHeader('Vary', 'Origin');
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Request body too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'Request body is not valid JSON');
  }
}

/** The `query` parameter of a GET (JSON text) or POST (object or JSON text) request. */
async function requestQuery(
  req: IncomingMessage,
  url: URL,
): Promise<{ query: unknown; multi: boolean }> {
  if (req.method === 'POST') {
    const body = await readBody(req);
    const record =
      typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const raw = record['query'];
    return {
      query: typeof raw === 'string' ? parseJsonParam(raw) : raw,
      multi: record['queryType'] === 'multi',
    };
  }
  const raw = url.searchParams.get('query');
  return {
    query: raw === null ? undefined : parseJsonParam(raw),
    multi: url.searchParams.get('queryType') === 'multi',
  };
}

function parseJsonParam(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new HttpError(400, 'Query param "query" is not valid JSON');
  }
}

type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

function apiRoutes(model: SemanticModel, runner: QueryRunner): Record<string, Route> {
  const compile = async (req: IncomingMessage, url: URL) => {
    const { query, multi } = await requestQuery(req, url);
    if (query === undefined) throw new QueryError('Query param "query" is required');
    return { compiled: compileQuery(model, parseCubeQuery(query)), multi };
  };

  const total = async (
    session: QuerySession,
    compiled: CompiledQuery,
  ): Promise<number | undefined> => {
    if (compiled.totalSql === undefined) return undefined;
    const rows = await session.run(compiled.totalSql, compiled.params);
    return Number(rows[0]?.['total'] ?? 0);
  };

  return {
    '/meta': (_req, res) => {
      sendJson(res, 200, metaResponse(model));
      return Promise.resolve();
    },
    '/sql': async (req, res, url) => {
      const { compiled } = await compile(req, url);
      sendJson(res, 200, sqlResponse(compiled));
    },
    '/load': async (req, res, url) => {
      const { compiled, multi } = await compile(req, url);
      // One connection for the request's queries, one after another.
      const { rows, lastRefreshTime, count } = await runner.session(async (session) => ({
        rows: await session.run(compiled.sql, compiled.params),
        count: await total(session, compiled),
        lastRefreshTime: await session.lastRefreshTime(),
      }));
      if ((req.headers.accept ?? '').includes(ARROW_STREAM_MEDIA_TYPE)) {
        const bytes = arrowIpcStream(compiled, rows);
        res.writeHead(200, {
          'Content-Type': ARROW_STREAM_MEDIA_TYPE,
          'Content-Length': bytes.byteLength,
        });
        res.end(bytes);
        return;
      }
      const result = loadResult(compiled, rows, lastRefreshTime, count);
      sendJson(res, 200, multi ? multiLoadResponse(result) : result);
    },
  };
}

/** Counts requests being answered and tells waiters when none is left. */
function inFlightCounter() {
  let count = 0;
  const idleWaiters = new Set<() => void>();
  return {
    count: () => count,
    start: () => {
      count += 1;
    },
    end: () => {
      count -= 1;
      if (count === 0) for (const wake of [...idleWaiters]) wake();
    },
    /** True once no request is in flight, false if `ms` passes first. */
    whenIdle: (ms: number) =>
      new Promise<boolean>((resolve) => {
        if (count === 0) {
          resolve(true);
          return;
        }
        const wake = (): void => {
          clearTimeout(timer);
          idleWaiters.delete(wake);
          resolve(true);
        };
        const timer = setTimeout(() => {
          idleWaiters.delete(wake);
          resolve(false);
        }, ms);
        idleWaiters.add(wake);
      }),
  };
}

export function createSemanticServer(options: SemanticServerOptions): SemanticServer {
  const { runner, secret, corsOrigins } = options;
  const log = options.log ?? (() => undefined);
  const routes = apiRoutes(options.model, runner);
  const requests = inFlightCounter();
  let draining = false;

  const handle = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/readyz' || url.pathname === '/livez') {
      sendJson(res, draining ? 503 : 200, { health: draining ? 'DRAINING' : 'HEALTH' });
      return;
    }
    const route = url.pathname.startsWith(`${API_BASE_PATH}/`)
      ? routes[url.pathname.slice(API_BASE_PATH.length)]
      : undefined;
    if (route === undefined) throw new HttpError(404, `Not found: ${url.pathname}`);
    if (req.method !== 'GET' && req.method !== 'POST') {
      throw new HttpError(405, `Method ${req.method ?? ''} not allowed`);
    }
    if (draining) throw new PoolClosedError(SHUTTING_DOWN);
    const auth = verifyAuthorization(req.headers.authorization, secret);
    if (!auth.ok) throw new HttpError(auth.status, auth.error);
    await route(req, res, url);
  };

  const http = createServer((req, res) => {
    const started = Date.now();
    requests.start();
    const url = new URL(req.url ?? '/', 'http://localhost');
    applyCors(req, res, corsOrigins);
    // A draining server closes each connection after its answer.
    if (draining) res.setHeader('Connection', 'close');
    handle(req, res, url)
      .catch((error: unknown) => {
        // A query interrupted by the drain: the request was cut short by the shutdown.
        const shutDown = draining && classifyQueryFailure(error) === 'interrupted';
        const answer = errorResponse(shutDown ? new PoolClosedError(SHUTTING_DOWN) : error);
        if (answer.unexpected) log(`error ${req.method ?? ''} ${url.pathname}: ${String(error)}`);
        if (!res.headersSent) sendJson(res, answer.status, answer.body, answer.headers);
      })
      .finally(() => {
        requests.end();
        log(`${req.method ?? ''} ${url.pathname} ${res.statusCode} ${Date.now() - started}ms`);
      });
  });

  return {
    http,
    inFlight: requests.count,
    drain: async (graceMs) => {
      const started = Date.now();
      draining = true;
      http.close();
      http.closeIdleConnections();
      const drained = await requests.whenIdle(graceMs);
      if (!drained) {
        log(`drain: ${requests.count()} requests still running after ${graceMs} ms: interrupting`);
        runner.interrupt();
      }
      // Waiting requests are refused; idle connections close, busy ones once their query ends.
      await runner.close();
      if (!drained) await requests.whenIdle(INTERRUPTED_ANSWER_MS);
      const abandoned = requests.count();
      http.closeAllConnections();
      return { forced: !drained, abandoned, ms: Date.now() - started };
    },
  };
}
