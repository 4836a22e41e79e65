// Cube's REST API (/cubejs-api/v1/load, /sql, /meta) over node:http, answered by our compiler and
// DuckDB. Authorisation: a Cube-style HS256 JWT in the Authorization header. CORS for the BI apps.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { loadResult, metaResponse, multiLoadResponse, sqlResponse } from '../api/cube-responses.ts';
import { verifyAuthorization } from '@sg/api-token';
import type { SemanticModel } from '../model/semantic-model.ts';
import { compileQuery, parseCubeQuery } from '../query/compile-query.ts';
import type { CompiledQuery } from '../query/compile-query.ts';
import { QueryError } from '../query/query-errors.ts';
import { ARROW_STREAM_MEDIA_TYPE, arrowIpcStream } from './arrow-ipc.ts';
import type { QueryRunner } from './query-runner.ts';

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

class HttpError extends Error {
  override name = 'HttpError';
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
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

export function createSemanticServer(options: SemanticServerOptions): Server {
  const { model, runner, secret, corsOrigins } = options;
  const log = options.log ?? (() => undefined);

  const compile = async (req: IncomingMessage, url: URL) => {
    const { query, multi } = await requestQuery(req, url);
    if (query === undefined) throw new QueryError('Query param "query" is required');
    return { compiled: compileQuery(model, parseCubeQuery(query)), multi };
  };

  const total = async (compiled: CompiledQuery): Promise<number | undefined> => {
    if (compiled.totalSql === undefined) return undefined;
    const rows = await runner.run(compiled.totalSql, compiled.params);
    return Number(rows[0]?.['total'] ?? 0);
  };

  const routes: Record<
    string,
    (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>
  > = {
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
      const [rows, lastRefreshTime, count] = await Promise.all([
        runner.run(compiled.sql, compiled.params),
        runner.lastRefreshTime(),
        total(compiled),
      ]);
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

  return createServer((req, res) => {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    applyCors(req, res, corsOrigins);
    const handle = async (): Promise<void> => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
        return;
      }
      if (url.pathname === '/readyz' || url.pathname === '/livez') {
        sendJson(res, 200, { health: 'HEALTH' });
        return;
      }
      const route = url.pathname.startsWith(`${API_BASE_PATH}/`)
        ? routes[url.pathname.slice(API_BASE_PATH.length)]
        : undefined;
      if (route === undefined) throw new HttpError(404, `Not found: ${url.pathname}`);
      if (req.method !== 'GET' && req.method !== 'POST') {
        throw new HttpError(405, `Method ${req.method ?? ''} not allowed`);
      }
      const auth = verifyAuthorization(req.headers.authorization, secret);
      if (!auth.ok) throw new HttpError(auth.status, auth.error);
      await route(req, res, url);
    };
    handle()
      .catch((error: unknown) => {
        if (error instanceof QueryError) {
          sendJson(res, 400, { error: error.message });
        } else if (error instanceof HttpError) {
          sendJson(res, error.status, { error: error.message });
        } else {
          log(`error ${req.method ?? ''} ${url.pathname}: ${String(error)}`);
          sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
        }
      })
      .finally(() => {
        log(`${req.method ?? ''} ${url.pathname} ${res.statusCode} ${Date.now() - started}ms`);
      });
  });
}
