/**
 * The snapshot client: answers from recorded vendor responses, for tests without a server.
 * A snapshot is JSON: `{ description?, exchanges: [{ request, httpStatus, body, retryAfterMs? }] }`
 * where `request` is 'GET <path>?<canonical query>' (see describeRequest). Record one by passing
 * `createSnapshotRecorder().onExchange` to the live client. Responses are interpreted exactly like
 * live ones (vendor-responses.ts), so recorded errors surface as the same CommerceApiError.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { CommerceSourceClient } from './client.ts';
import { clientOverExchange } from './client-over-exchange.ts';
import { describeRequest, vendorUrl } from './live-client.ts';
import { commerceError, interpretResponse } from './vendor-responses.ts';
import type { VendorExchange } from './vendor-responses.ts';
import type { VendorRequest } from './vendor-requests.ts';

export const commerceSnapshotSchema = z.object({
  description: z.string().optional(),
  exchanges: z.array(
    z.object({
      request: z.string().regex(/^GET \//),
      httpStatus: z.int().min(100).max(599),
      body: z.unknown(),
      retryAfterMs: z.int().min(0).optional(),
    }),
  ),
});
export type CommerceSnapshot = z.output<typeof commerceSnapshotSchema>;

/** Any base URL works: only path and query identify a recording. */
const SNAPSHOT_BASE_URL = 'http://snapshot.invalid';

export function createSnapshotCommerceClient(snapshot: CommerceSnapshot): CommerceSourceClient {
  const byRequest = new Map<string, VendorExchange>();
  for (const exchange of snapshot.exchanges) {
    byRequest.set(exchange.request, {
      request: exchange.request,
      httpStatus: exchange.httpStatus,
      body: exchange.body,
      ...(exchange.retryAfterMs === undefined ? {} : { retryAfterMs: exchange.retryAfterMs }),
    });
  }

  function replay<T>(vendorRequest: VendorRequest, schema: z.ZodType<T>): Promise<T> {
    const request = describeRequest('GET', vendorUrl(SNAPSHOT_BASE_URL, vendorRequest));
    const exchange = byRequest.get(request);
    if (exchange === undefined) return Promise.reject(commerceError('not_recorded', { request }));
    try {
      return Promise.resolve(interpretResponse(exchange, schema));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  return clientOverExchange(replay);
}

export async function loadCommerceSnapshot(path: string): Promise<CommerceSnapshot> {
  return commerceSnapshotSchema.parse(JSON.parse(await readFile(path, 'utf8')) as unknown);
}

/** Collects a live client's exchanges into a snapshot (later exchanges of a request win). */
export function createSnapshotRecorder(description?: string): {
  readonly onExchange: (exchange: VendorExchange) => void;
  snapshot(): CommerceSnapshot;
  save(path: string): Promise<void>;
} {
  const exchanges = new Map<string, VendorExchange>();
  const snapshot = (): CommerceSnapshot => ({
    ...(description === undefined ? {} : { description }),
    exchanges: [...exchanges.values()],
  });
  return {
    onExchange: (exchange) => {
      exchanges.set(exchange.request, exchange);
    },
    snapshot,
    save: (path) => writeFile(path, `${JSON.stringify(snapshot(), null, 2)}\n`, 'utf8'),
  };
}
