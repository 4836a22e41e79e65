/**
 * The live commerce client: signed HTTPS/HTTP requests to the vendor (or anything speaking its
 * protocol), zod-validated envelopes, and bounded retries with backoff on 429 (honouring
 * Retry-After), 5xx, network errors and malformed bodies. Configuration comes from the caller or
 * from the environment (SG_COMMERCE_BASE_URL, SG_COMMERCE_API_KEY, SG_COMMERCE_API_SECRET).
 */
import { SourceConfigError } from '@sg/source-contract';
import { z } from 'zod';
import type { CommerceSourceClient } from './client.ts';
import { clientOverExchange } from './client-over-exchange.ts';
import { CommerceApiError } from './commerce-errors.ts';
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  attemptJson,
  callWithRetries,
  resolveClientTransport,
} from '@sg/http-retry';
import type { ClientTransportOptions } from '@sg/http-retry';
import { canonicalQuery, signRequest } from '@sg/request-signature';
import { commerceError, interpretResponse } from './vendor-responses.ts';
import type { VendorExchange } from './vendor-responses.ts';
import type { VendorRequest } from './vendor-requests.ts';

export interface CommerceClientConfig extends ClientTransportOptions {
  /** e.g. https://api.vendor.example/open — endpoint paths (/v1/…) are appended to it. */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** Called with every response that reached the interpretation step (recording snapshots). */
  readonly onExchange?: (exchange: VendorExchange) => void;
}

export const DEFAULT_TIMEOUT_MS = DEFAULT_REQUEST_TIMEOUT_MS;

const commerceEnvSchema = z.object({
  SG_COMMERCE_BASE_URL: z.url({
    error: 'SG_COMMERCE_BASE_URL 应为接口地址，例如 https://api.vendor.example',
  }),
  SG_COMMERCE_API_KEY: z.string({ error: '缺少 SG_COMMERCE_API_KEY' }).min(1),
  SG_COMMERCE_API_SECRET: z.string({ error: '缺少 SG_COMMERCE_API_SECRET' }).min(1),
});

/** Reads the three SG_COMMERCE_* variables; throws SourceConfigError naming any that is missing. */
export function commerceClientConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): CommerceClientConfig {
  const parsed = commerceEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new SourceConfigError(
      `工商数据接口配置不完整：${parsed.error.issues.map((i) => i.message).join('；')}`,
    );
  }
  return {
    baseUrl: parsed.data.SG_COMMERCE_BASE_URL,
    apiKey: parsed.data.SG_COMMERCE_API_KEY,
    apiSecret: parsed.data.SG_COMMERCE_API_SECRET,
  };
}

/** Base URL + endpoint path + query, keeping any path prefix of the base URL. */
export function vendorUrl(baseUrl: string, request: VendorRequest): URL {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}${request.path}`);
  for (const [name, value] of request.query) url.searchParams.append(name, value);
  return url;
}

export function describeRequest(method: string, url: URL): string {
  const query = canonicalQuery(url.searchParams);
  return `${method} ${url.pathname}${query === '' ? '' : `?${query}`}`;
}

export function createCommerceClient(config: CommerceClientConfig): CommerceSourceClient {
  const { policy, timeoutMs, fetch: doFetch, now, sleep, random } = resolveClientTransport(config);

  /** One attempt: the exchange, or a CommerceApiError for network failures and non-JSON bodies. */
  async function attempt(url: URL, request: string): Promise<VendorExchange> {
    const result = await attemptJson(
      url,
      {
        method: 'GET',
        headers: {
          Accept: 'application/json',
          ...signRequest(config, { method: 'GET', url }, now()),
        },
      },
      { request, timeoutMs, now, fetch: doFetch },
    );
    if (result.outcome === 'network') {
      throw commerceError('network', { request }, result.detail, { cause: result.cause });
    }
    if (result.outcome === 'malformed_response') {
      throw commerceError('malformed_response', result.exchange, result.detail, {
        cause: result.cause,
      });
    }
    config.onExchange?.(result.exchange);
    return result.exchange;
  }

  async function call<T>(vendorRequest: VendorRequest, schema: z.ZodType<T>): Promise<T> {
    const url = vendorUrl(config.baseUrl, vendorRequest);
    const request = describeRequest('GET', url);
    return callWithRetries({
      policy,
      sleep,
      random,
      isFailure: (error): error is CommerceApiError => error instanceof CommerceApiError,
      prepare: () => Promise.resolve(),
      attempt: async () => interpretResponse(await attempt(url, request), schema),
    });
  }

  return clientOverExchange(call);
}
