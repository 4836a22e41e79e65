/**
 * The commerce-data vendor simulator: an HTTP server (node:http) serving either a generated world's
 * commerce files (`worldDir`, world-catalog.ts) or the built-in generator's enterprises through the
 * vendor protocol (api-handler.ts), with fault injection and simulator-only control endpoints that
 * a real vendor does not have:
 *   GET  /v1/_sim/totals   what the world holds (for reconciliation tests)
 *   POST /v1/_sim/faults   queue a fault (body: a @sg/simulator-kit `FaultInput`)
 *   GET  /v1/_sim/faults   how many requests will still fail ({ pending })
 */
import { randomUUID } from 'node:crypto';
import {
  createFaultInjector,
  createRateLimiter,
  createSimulatorHttpServer,
  simulatorApiRequest,
  faultSchema,
  listenOn,
  statusFaultHeaders,
} from '@sg/simulator-kit';
import type { Fault, FaultInjector, ListeningServer, RateLimit } from '@sg/simulator-kit';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleApiRequest } from './api-handler.ts';
import type { ApiResponse } from './api-handler.ts';
import {
  DEFAULT_AS_OF,
  DEFAULT_ENTERPRISE_COUNT,
  iterateCommerceEnterprises,
} from './enterprise-generator.ts';
import { builtInCatalog, emptyRelatedCounts } from './commerce-catalog.ts';
import type { CommerceCatalog, RelatedSection } from './commerce-catalog.ts';
import { createEnterpriseStore } from './enterprise-store.ts';
import { errorEnvelope, successEnvelope } from './vendor-envelope.ts';
import { openWorldCatalog } from './world-catalog.ts';

/** Development credentials. Never valid against a real vendor; override in any shared setup. */
export const DEV_COMMERCE_API_KEY = 'sg-dev-commerce-key';
export const DEV_COMMERCE_API_SECRET = 'sg-dev-commerce-secret';
export const DEFAULT_COMMERCE_SEED = 640_000;
export const DEFAULT_TIMESTAMP_TOLERANCE_SECONDS = 300;
export const DEFAULT_RATE_LIMIT: RateLimit = { capacity: 20, refillPerSecond: 20 };

export interface CommerceSimulatorOptions {
  /** 0 picks a free port. Default 0. */
  readonly port?: number;
  readonly host?: string;
  readonly seed?: number;
  readonly enterpriseCount?: number;
  /**
   * A generated world (simulators/world): serve `<worldDir>/sources/commerce/*.ndjson` instead of
   * the built-in generator (`seed`, `enterpriseCount` and `asOf` then come from its manifest).
   */
  readonly worldDir?: string;
  /** The world's "today" (YYYY-MM-DD). */
  readonly asOf?: string;
  readonly apiKey?: string;
  readonly apiSecret?: string;
  /** `null` turns rate limiting off. */
  readonly rateLimit?: RateLimit | null;
  readonly timestampToleranceSeconds?: number;
  /** Clock in ms since the epoch (timestamp window and rate limiter). */
  readonly now?: () => number;
}

export interface CommerceTotals {
  /** Where the data comes from: the built-in generator or a world directory. */
  readonly source: 'generator' | 'world';
  readonly worldDir: string | null;
  readonly seed: number;
  readonly asOf: string;
  /** Distinct enterprises (by normalised code). */
  readonly enterpriseCount: number;
  readonly byRegistrationStatus: Record<string, number>;
  /** Rows of each related list over all enterprises (URL segment → rows). */
  readonly relatedRows: Record<RelatedSection, number>;
  /** Related rows whose enterprise code is not in the enterprise file (the API cannot reach them). */
  readonly orphanRelatedRows: Record<RelatedSection, number>;
  /** Enterprises in the change feed. */
  readonly changeFeedSize: number;
}

export interface CommerceSimulator {
  readonly url: string;
  readonly port: number;
  readonly faults: FaultInjector;
  totals(): CommerceTotals;
  close(): Promise<void>;
}

const MAX_CONTROL_BODY_BYTES = 16 * 1024;

function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
  });
  res.end(body);
}

function sendWithFault(res: ServerResponse, response: ApiResponse, fault: Fault | undefined): void {
  const body = JSON.stringify(response.envelope);
  if (fault?.kind === 'malformed-json') {
    sendJson(res, response.status, body.slice(0, Math.floor(body.length / 2)), response.headers);
    return;
  }
  if (fault?.kind === 'cut-connection') {
    // Promise the whole body, send half of it, then drop the connection.
    const bytes = Buffer.from(body, 'utf8');
    res.writeHead(response.status, {
      ...response.headers,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(bytes.length),
    });
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => {
      res.socket?.destroy();
    });
    return;
  }
  sendJson(res, response.status, body, response.headers);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_CONTROL_BODY_BYTES) throw new RangeError('control request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startCommerceSimulator(
  options: CommerceSimulatorOptions = {},
): Promise<CommerceSimulator> {
  const now = options.now ?? (() => Date.now());
  const world =
    options.worldDir === undefined ? undefined : await openWorldCatalog(options.worldDir);
  const seed = world?.manifest.seed ?? options.seed ?? DEFAULT_COMMERCE_SEED;
  const asOf = world?.manifest.asOf ?? options.asOf ?? DEFAULT_AS_OF;
  const catalog: CommerceCatalog =
    world ??
    builtInCatalog(
      createEnterpriseStore(
        iterateCommerceEnterprises(seed, options.enterpriseCount ?? DEFAULT_ENTERPRISE_COUNT, {
          asOf,
        }),
      ),
    );
  const faults = createFaultInjector();
  const rateLimit = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
  const rateLimiter = rateLimit === null ? undefined : createRateLimiter(rateLimit, now);
  const credentials = new Map([
    [options.apiKey ?? DEV_COMMERCE_API_KEY, options.apiSecret ?? DEV_COMMERCE_API_SECRET],
  ]);
  const totals = (): CommerceTotals => ({
    source: world === undefined ? 'generator' : 'world',
    worldDir: world?.worldDir ?? null,
    seed,
    asOf,
    enterpriseCount: catalog.size,
    byRegistrationStatus: catalog.countByStatus(),
    relatedRows: catalog.relatedCounts(),
    orphanRelatedRows: world?.orphanCounts() ?? emptyRelatedCounts(),
    changeFeedSize: catalog.changeFeedSize,
  });

  const handleControl = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const requestId = randomUUID();
    if (req.method === 'GET' && path === '/v1/_sim/totals') {
      sendJson(res, 200, JSON.stringify(successEnvelope(totals(), requestId)));
      return;
    }
    if (req.method === 'GET' && path === '/v1/_sim/faults') {
      sendJson(
        res,
        200,
        JSON.stringify(successEnvelope({ pending: faults.pendingCount() }, requestId)),
      );
      return;
    }
    if (req.method === 'POST' && path === '/v1/_sim/faults') {
      try {
        faults.inject(faultSchema.parse(JSON.parse(await readBody(req)) as unknown));
        sendJson(
          res,
          200,
          JSON.stringify(successEnvelope({ pending: faults.pendingCount() }, requestId)),
        );
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        sendJson(res, 400, JSON.stringify(errorEnvelope(400, requestId, detail)));
      }
      return;
    }
    sendJson(res, 404, JSON.stringify(errorEnvelope(404, requestId, `接口不存在：${path}`)));
  };

  const handleApi = (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const requestId = randomUUID();
    const fault = faults.takeNext(url.pathname);
    if (fault?.kind === 'status') {
      const body = JSON.stringify(errorEnvelope(fault.status, requestId));
      sendJson(res, fault.status, body, statusFaultHeaders(fault));
      return Promise.resolve();
    }
    const response = handleApiRequest(simulatorApiRequest(req, url), {
      catalog,
      credentials,
      timestampToleranceSeconds:
        options.timestampToleranceSeconds ?? DEFAULT_TIMESTAMP_TOLERANCE_SECONDS,
      rateLimiter,
      now,
      requestId,
    });
    sendWithFault(res, response, fault);
    return Promise.resolve();
  };

  const server = createSimulatorHttpServer({
    name: 'sim-commerce',
    controlPrefix: '/v1/_sim/',
    control: handleControl,
    api: handleApi,
    internalError: (res) => {
      sendJson(res, 500, JSON.stringify(errorEnvelope(500, randomUUID())));
    },
  });

  let listening: ListeningServer;
  try {
    listening = await listenOn(server, options);
  } catch (error) {
    world?.close();
    throw error;
  }
  return {
    url: listening.url,
    port: listening.port,
    faults,
    totals,
    close: async () => {
      try {
        await listening.close();
      } finally {
        world?.close();
      }
    },
  };
}
