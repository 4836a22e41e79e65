/**
 * The tax platform simulator: an HTTP server (node:http) over a world's tax view, speaking the
 * authorised-query protocol (api-handler.ts), with the commerce simulator's fault injector and
 * rate limiter (from @sg/simulator-kit) and simulator-only control endpoints:
 *   GET  /api/_sim/totals   record counts of the served world (for reconciliation tests)
 *   POST /api/_sim/faults   queue a fault (`{"kind":"status","status":429,"retryAfterSeconds":1}`,
 *                           `{"kind":"malformed-json"}`, `{"kind":"cut-connection"}`)
 *   POST /api/_sim/clock    advance the world clock: `{"advanceSeconds": 86400}`
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createFaultInjector,
  createRateLimiter,
  createSimulatorHttpServer,
  simulatorApiRequest,
  faultSchema,
  listenOn,
  statusFaultHeaders,
} from '@sg/simulator-kit';
import type { Fault, FaultInjector, RateLimit } from '@sg/simulator-kit';
import { z } from 'zod';
import { createAccessTokenIssuer } from './access-tokens.ts';
import { handleTaxRequest } from './api-handler.ts';
import { createAuthorizationRegistry } from './authorization-registry.ts';
import { codeOfStatus, failure, success } from './tax-envelope.ts';
import type { TaxResponse } from './tax-envelope.ts';
import { loadTaxWorld } from './tax-world.ts';
import { createWorldClock } from './world-clock.ts';
import type { WorldClock } from './world-clock.ts';

/** Development client credentials (the guarantee company as the platform's client). */
export const DEV_TAX_CLIENT_ID = 'sg-dev-guarantee';
export const DEV_TAX_CLIENT_SECRET = 'sg-dev-tax-secret';
export const DEFAULT_TAX_RATE_LIMIT: RateLimit = { capacity: 20, refillPerSecond: 20 };

export interface TaxSimulatorOptions {
  /** A world directory (manifest.json + sources/tax/). */
  readonly worldDir: string;
  readonly port?: number;
  readonly host?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** `null` turns rate limiting off. */
  readonly rateLimit?: RateLimit | null;
  readonly accessTokenTtlSeconds?: number;
}

export interface TaxTotals {
  readonly asOf: string;
  readonly seed: number;
  readonly taxpayers: number;
  readonly creditGrades: number;
  readonly vatInvoices: number;
  readonly taxPayments: number;
  readonly arrears: number;
  readonly authorizations: number;
}

export interface TaxSimulator {
  readonly url: string;
  readonly port: number;
  readonly faults: FaultInjector;
  readonly clock: WorldClock;
  totals(): TaxTotals;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024;
const clockRequestSchema = z.object({ advanceSeconds: z.int() });

function send(res: ServerResponse, response: TaxResponse, fault?: Fault): void {
  const body = JSON.stringify(response.envelope);
  const bytes = Buffer.from(
    fault?.kind === 'malformed-json' ? body.slice(0, Math.floor(body.length / 2)) : body,
    'utf8',
  );
  res.writeHead(response.status, {
    ...response.headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(
      fault?.kind === 'cut-connection' ? Buffer.byteLength(body) : bytes.length,
    ),
  });
  if (fault?.kind === 'cut-connection') {
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => {
      res.socket?.destroy();
    });
    return;
  }
  res.end(bytes);
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export async function startTaxSimulator(options: TaxSimulatorOptions): Promise<TaxSimulator> {
  const world = await loadTaxWorld(options.worldDir);
  const clientId = options.clientId ?? DEV_TAX_CLIENT_ID;
  const clock = createWorldClock(world.asOf);
  const registry = createAuthorizationRegistry({
    seed: world.seed,
    defaultClientId: clientId,
    records: world.authorizations,
  });
  const tokens = createAccessTokenIssuer({
    clients: new Map([[clientId, options.clientSecret ?? DEV_TAX_CLIENT_SECRET]]),
    ...(options.accessTokenTtlSeconds === undefined
      ? {}
      : { ttlSeconds: options.accessTokenTtlSeconds }),
  });
  const faults = createFaultInjector();
  const rateLimit = options.rateLimit === undefined ? DEFAULT_TAX_RATE_LIMIT : options.rateLimit;
  const rateLimiter = rateLimit === null ? undefined : createRateLimiter(rateLimit, Date.now);
  const totals = (): TaxTotals => ({
    asOf: world.asOf,
    seed: world.seed,
    ...world.counts,
    authorizations: registry.size(),
  });

  const handleControl = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const requestId = randomUUID();
    if (req.method === 'GET' && path === '/api/_sim/totals') {
      send(res, success(totals(), requestId));
    } else if (req.method === 'POST' && path === '/api/_sim/faults') {
      const parsed = faultSchema.safeParse(await readJsonBody(req));
      if (!parsed.success) send(res, failure('100400', requestId, parsed.error.message));
      else {
        faults.inject(parsed.data);
        send(res, success({ pending: faults.pendingCount() }, requestId));
      }
    } else if (req.method === 'POST' && path === '/api/_sim/clock') {
      const parsed = clockRequestSchema.safeParse(await readJsonBody(req));
      if (!parsed.success) send(res, failure('100400', requestId, '需要 advanceSeconds'));
      else {
        clock.advance(parsed.data.advanceSeconds);
        send(res, success({ now: new Date(clock.now()).toISOString() }, requestId));
      }
    } else {
      send(res, failure('100404', requestId, `接口不存在：${path}`));
    }
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const requestId = randomUUID();
    const body = req.method === 'POST' ? await readJsonBody(req) : undefined;
    const fault = faults.takeNext();
    if (fault?.kind === 'status') {
      const headers = statusFaultHeaders(fault);
      send(res, failure(codeOfStatus(fault.status), requestId, undefined, headers));
      return;
    }
    const response = handleTaxRequest(
      { ...simulatorApiRequest(req, url), body },
      { world, registry, tokens, rateLimiter, now: clock.now(), requestId },
    );
    send(res, response, fault);
  };

  const server = createSimulatorHttpServer({
    name: 'sim-tax',
    controlPrefix: '/api/_sim/',
    control: handleControl,
    api: handleApi,
    internalError: (res) => {
      send(res, failure('100500', randomUUID()));
    },
  });
  const listening = await listenOn(server, options);
  return {
    url: listening.url,
    port: listening.port,
    faults,
    clock,
    totals,
    close: () => listening.close(),
  };
}
