/**
 * Turns one platform response (HTTP status + parsed body) into data or a TaxApiError: the
 * six-digit code decides the kind (authorisation codes are specific), the HTTP status is the
 * fallback when the body is not an envelope.
 */
import type { z } from 'zod';
import { taxError } from './tax-errors.ts';
import type { TaxApiError, TaxErrorKind } from './tax-errors.ts';
import { describeIssues, taxEnvelopeSchema } from './schemas.ts';
import type { JsonExchange } from '@sg/http-retry';

/** One HTTP response as the client interprets it (see @sg/http-retry). */
export type TaxExchange = JsonExchange;

/** The access token expired or is unknown: the client fetches a new one and repeats the call. */
export const ACCESS_TOKEN_INVALID_CODE = '100402';

const KIND_OF_CODE: Readonly<Record<string, TaxErrorKind>> = {
  '100400': 'bad_request',
  '100401': 'client_authentication',
  '100402': 'client_authentication',
  '100404': 'not_found',
  '100405': 'bad_request',
  '100429': 'rate_limited',
  '100500': 'server',
  '100502': 'server',
  '100503': 'server',
  '200401': 'authorization_missing',
  '200402': 'authorization_missing',
  '200403': 'authorization_expired',
  '200404': 'authorization_revoked',
  '200405': 'authorization_mismatch',
};

export function kindOfStatus(status: number): TaxErrorKind {
  if (status === 401) return 'client_authentication';
  if (status === 403) return 'authorization_missing';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 400 || status === 405) return 'bad_request';
  if (status >= 500) return 'server';
  return 'protocol';
}

function errorOf(
  kind: TaxErrorKind,
  exchange: TaxExchange,
  detail: string,
  extra: { platformCode?: string; requestId?: string } = {},
): TaxApiError {
  return taxError(kind, exchange.request, detail, {
    httpStatus: exchange.httpStatus,
    ...(exchange.retryAfterMs === undefined ? {} : { retryAfterMs: exchange.retryAfterMs }),
    ...extra,
  });
}

export function interpretResponse<T>(exchange: TaxExchange, dataSchema: z.ZodType<T>): T {
  const envelope = taxEnvelopeSchema.safeParse(exchange.body);
  if (!envelope.success) {
    const kind = exchange.httpStatus === 200 ? 'protocol' : kindOfStatus(exchange.httpStatus);
    throw errorOf(kind, exchange, `响应信封无效：${describeIssues(envelope.error)}`);
  }
  const { code, message, data, requestId } = envelope.data;
  const extra = { platformCode: code, ...(requestId === undefined ? {} : { requestId }) };
  if (code !== '000000' || exchange.httpStatus !== 200) {
    const kind = KIND_OF_CODE[code] ?? kindOfStatus(exchange.httpStatus);
    throw errorOf(kind, exchange, `${code} ${message}`, extra);
  }
  const parsed = dataSchema.safeParse(data);
  if (!parsed.success) throw errorOf('protocol', exchange, describeIssues(parsed.error), extra);
  return parsed.data;
}
