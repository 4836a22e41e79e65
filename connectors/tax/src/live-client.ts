/**
 * The live tax client: client credentials → cached bearer access token (fetched again when the
 * platform says it expired), the enterprise's authorisation code on every taxpayer query,
 * zod-validated envelopes, bounded retries with backoff on 429 (honouring Retry-After), 5xx,
 * network errors and malformed bodies. Authorisation errors (expired, revoked, missing, another
 * taxpayer's) and rejected credentials fail at once with a Chinese message: only the enterprise
 * or an administrator can fix them. Configuration from the caller or SG_TAX_* variables.
 */
import { z } from 'zod';
import type { PeriodRange, TaxClient } from './client.ts';
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  attemptJson,
  callWithRetries,
  resolveClientTransport,
} from '@sg/http-retry';
import type { ClientTransportOptions } from '@sg/http-retry';
import {
  accessTokenSchema,
  authorizationListSchema,
  taxpayerItemsSchema,
  taxpayerSchema,
} from './schemas.ts';
import { TaxApiError, taxError } from './tax-errors.ts';
import { ACCESS_TOKEN_INVALID_CODE, interpretResponse } from './tax-responses.ts';
import type { TaxExchange } from './tax-responses.ts';

export interface TaxClientConfig extends ClientTransportOptions {
  /** e.g. https://tax-gateway.bank.example/yszh — endpoint paths (/api/v1/…) are appended. */
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export const DEFAULT_TAX_TIMEOUT_MS = DEFAULT_REQUEST_TIMEOUT_MS;
/** Fetch a new access token this long before the platform's expiry. */
const TOKEN_MARGIN_MS = 60_000;
const TOKEN_PATH = '/api/v1/oauth/token';

const taxEnvSchema = z.object({
  SG_TAX_BASE_URL: z.url({ error: 'SG_TAX_BASE_URL 应为接口地址，例如 https://tax.example/yszh' }),
  SG_TAX_CLIENT_ID: z.string({ error: '缺少 SG_TAX_CLIENT_ID' }).min(1),
  SG_TAX_CLIENT_SECRET: z.string({ error: '缺少 SG_TAX_CLIENT_SECRET' }).min(1),
});

export function taxClientConfigFromEnv(env: NodeJS.ProcessEnv = process.env): TaxClientConfig {
  const parsed = taxEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`税务接口配置不完整：${parsed.error.issues.map((i) => i.message).join('；')}`);
  }
  return {
    baseUrl: parsed.data.SG_TAX_BASE_URL,
    clientId: parsed.data.SG_TAX_CLIENT_ID,
    clientSecret: parsed.data.SG_TAX_CLIENT_SECRET,
  };
}

interface Call {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly query?: readonly (readonly [string, string])[];
  readonly authCode?: string;
  readonly body?: unknown;
}

function rangeQuery(range: PeriodRange | undefined): [string, string][] {
  const query: [string, string][] = [];
  if (range?.fromPeriod !== undefined) query.push(['fromPeriod', range.fromPeriod]);
  if (range?.toPeriod !== undefined) query.push(['toPeriod', range.toPeriod]);
  return query;
}

function taxpayerPath(uscc: string, resource?: string): string {
  const base = `/api/v1/taxpayers/${encodeURIComponent(uscc)}`;
  return resource === undefined ? base : `${base}/${resource}`;
}

export function createTaxClient(config: TaxClientConfig): TaxClient {
  const { policy, timeoutMs, fetch: doFetch, now, sleep, random } = resolveClientTransport(config);
  const base = config.baseUrl.replace(/\/+$/, '');
  let token: { value: string; refreshAtMs: number } | undefined;

  async function attempt(call: Call, bearer: string | undefined): Promise<TaxExchange> {
    const url = new URL(`${base}${call.path}`);
    for (const [name, value] of call.query ?? []) url.searchParams.append(name, value);
    const request = `${call.method} ${url.pathname}${url.search}`;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (bearer !== undefined) headers['Authorization'] = `Bearer ${bearer}`;
    if (call.authCode !== undefined) headers['X-Auth-Code'] = call.authCode;
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    const result = await attemptJson(
      url,
      {
        method: call.method,
        headers,
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      },
      { request, timeoutMs, now, fetch: doFetch },
    );
    if (result.outcome === 'network') {
      throw taxError('network', request, result.detail, { cause: result.cause });
    }
    if (result.outcome === 'malformed_response') {
      throw taxError('malformed_response', request, result.detail, {
        httpStatus: result.exchange.httpStatus,
        cause: result.cause,
      });
    }
    return result.exchange;
  }

  /** One call with retries; `bearer` is looked up per attempt (a refreshed token is used). */
  async function withRetries<T>(
    call: Call,
    schema: z.ZodType<T>,
    bearer: () => Promise<string | undefined>,
  ): Promise<T> {
    let refreshed = false;
    return callWithRetries({
      policy,
      sleep,
      random,
      isFailure: (error): error is TaxApiError => error instanceof TaxApiError,
      // Outside the retries: a failed token request has had its own retries and ends the call.
      prepare: bearer,
      attempt: async (bearerValue) => interpretResponse(await attempt(call, bearerValue), schema),
      repeatAtOnce: (failure) => {
        if (
          failure.platformCode !== ACCESS_TOKEN_INVALID_CODE ||
          refreshed ||
          call.path === TOKEN_PATH
        ) {
          return false;
        }
        // The access token ran out (or the platform restarted): fetch a new one, once, at once.
        refreshed = true;
        token = undefined;
        return true;
      },
    });
  }

  async function accessToken(): Promise<string> {
    if (token !== undefined && now() < token.refreshAtMs) return token.value;
    const issued = await withRetries(
      {
        method: 'POST',
        path: TOKEN_PATH,
        body: {
          grantType: 'client_credentials',
          clientId: config.clientId,
          clientSecret: config.clientSecret,
        },
      },
      accessTokenSchema,
      () => Promise.resolve(undefined),
    );
    token = {
      value: issued.accessToken,
      refreshAtMs: now() + Math.max(0, issued.expiresIn * 1000 - TOKEN_MARGIN_MS),
    };
    return token.value;
  }

  const query = <T>(call: Call, schema: z.ZodType<T>) => withRetries(call, schema, accessToken);

  return {
    listAuthorizations: async () =>
      (await query({ method: 'GET', path: '/api/v1/authorizations' }, authorizationListSchema))
        .items,
    getTaxpayer: (uscc, authCode) =>
      query({ method: 'GET', path: taxpayerPath(uscc), authCode }, taxpayerSchema),
    getCreditGrades: (uscc, authCode) =>
      query(
        { method: 'GET', path: taxpayerPath(uscc, 'credit-grades'), authCode },
        taxpayerItemsSchema,
      ),
    getTaxPayments: (uscc, authCode, range) =>
      query(
        {
          method: 'GET',
          path: taxpayerPath(uscc, 'tax-payments'),
          authCode,
          query: rangeQuery(range),
        },
        taxpayerItemsSchema,
      ),
    getArrears: (uscc, authCode) =>
      query({ method: 'GET', path: taxpayerPath(uscc, 'arrears'), authCode }, taxpayerItemsSchema),
    getInvoiceSummaries: (uscc, authCode, range) =>
      query(
        {
          method: 'GET',
          path: taxpayerPath(uscc, 'invoice-summaries'),
          authCode,
          query: rangeQuery(range),
        },
        taxpayerItemsSchema,
      ),
  };
}
