/**
 * The authorised-query API (银税互动 style), as a pure function from a request to a response (no
 * sockets: server.ts does I/O, faults and the control endpoints).
 *
 *   POST /api/v1/oauth/token                      client id + secret → bearer access token
 *   POST /api/v1/authorizations                   the enterprise authorises a client (uscc, clientId, validDays)
 *   POST /api/v1/authorizations/{authCode}/revoke the enterprise withdraws it
 *   GET  /api/v1/authorizations                   the calling client's authorisations
 *   GET  /api/v1/taxpayers/{uscc}                 registration as a taxpayer
 *   GET  /api/v1/taxpayers/{uscc}/credit-grades   yearly tax credit grades (A/B/M/C/D)
 *   GET  /api/v1/taxpayers/{uscc}/tax-payments?fromPeriod=&toPeriod=
 *   GET  /api/v1/taxpayers/{uscc}/arrears
 *   GET  /api/v1/taxpayers/{uscc}/invoice-summaries?fromPeriod=&toPeriod=
 * Taxpayer queries need `Authorization: Bearer <accessToken>` and `X-Auth-Code: <authCode>` of an
 * authorisation the enterprise gave to the calling client. Amounts are yuan text ('8815.93').
 */
import type { IncomingHttpHeaders } from 'node:http';
import { yuanFromFen } from '@sg/domain';
import type { Fen } from '@sg/domain';
import type { RateLimiter } from '@sg/simulator-kit';
import { z } from 'zod';
import type { AccessTokenIssuer } from './access-tokens.ts';
import { statusAt } from './authorization-registry.ts';
import type { Authorization, AuthorizationRegistry } from './authorization-registry.ts';
import { failure, success } from './tax-envelope.ts';
import type { TaxResponse } from './tax-envelope.ts';
import type { TaxWorld } from './tax-world.ts';
import type { VatInvoice } from './tax-records.ts';

export interface TaxRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body of a POST; undefined when absent or not JSON. */
  readonly body: unknown;
}

export interface TaxApiContext {
  readonly world: TaxWorld;
  readonly registry: AuthorizationRegistry;
  readonly tokens: AccessTokenIssuer;
  readonly rateLimiter: RateLimiter | undefined;
  /** The simulated clock (world time), ms since the epoch. */
  readonly now: number;
  readonly requestId: string;
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** An instant as Beijing time with offset: 2025-06-30T18:00:00+08:00. */
export function beijingInstant(ms: number): string {
  return `${new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

function yuan(amountFen: number): string {
  return yuanFromFen(amountFen as Fen);
}

const tokenRequestSchema = z.object({
  grantType: z.literal('client_credentials').optional(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
});

const grantRequestSchema = z.object({
  uscc: z.string().min(1),
  clientId: z.string().min(1),
  /** 1–1095 days (three years is the longest a platform grants). */
  validDays: z.int().min(1).max(1095).optional(),
  /** For tests: seconds instead of days. */
  validSeconds: z.int().min(1).optional(),
});

const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

function authorizationView(authorization: Authorization, nowMs: number) {
  return {
    authCode: authorization.authCode,
    uscc: authorization.uscc,
    clientId: authorization.clientId,
    authorizedAt: beijingInstant(authorization.authorizedAtMs),
    expiresAt: beijingInstant(authorization.expiresAtMs),
    revokedAt:
      authorization.revokedAtMs === null ? null : beijingInstant(authorization.revokedAtMs),
    status: statusAt(authorization, nowMs),
  };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const value = header(headers, 'authorization');
  const match = value === undefined ? null : /^Bearer\s+(\S+)$/i.exec(value);
  return match?.[1];
}

function periodRange(query: URLSearchParams): { from: string; to: string } | string {
  const from = query.get('fromPeriod') ?? '0000-01';
  const to = query.get('toPeriod') ?? '9999-12';
  if (!periodSchema.safeParse(from).success && from !== '0000-01') return 'fromPeriod 应为 yyyy-MM';
  if (!periodSchema.safeParse(to).success && to !== '9999-12') return 'toPeriod 应为 yyyy-MM';
  if (from > to) return 'fromPeriod 不能晚于 toPeriod';
  return { from, to };
}

interface PeriodSummary {
  period: string;
  issuedCount: number;
  issuedAmountFen: number;
  issuedTaxFen: number;
  receivedCount: number;
  receivedAmountFen: number;
  receivedTaxFen: number;
  voidedCount: number;
  redLetterCount: number;
}

/** Per period: valid (正常) and red-letter (红冲, negative) invoices count into the amounts. */
export function summariseInvoices(
  issued: readonly VatInvoice[],
  received: readonly VatInvoice[],
  range: { from: string; to: string },
): PeriodSummary[] {
  const byPeriod = new Map<string, PeriodSummary>();
  const summaryOf = (period: string): PeriodSummary => {
    let summary = byPeriod.get(period);
    if (summary === undefined) {
      summary = {
        period,
        issuedCount: 0,
        issuedAmountFen: 0,
        issuedTaxFen: 0,
        receivedCount: 0,
        receivedAmountFen: 0,
        receivedTaxFen: 0,
        voidedCount: 0,
        redLetterCount: 0,
      };
      byPeriod.set(period, summary);
    }
    return summary;
  };
  const inRange = (invoice: VatInvoice) =>
    invoice.period >= range.from && invoice.period <= range.to;
  for (const invoice of issued.filter(inRange)) {
    const summary = summaryOf(invoice.period);
    if (invoice.invoice_status === '作废') {
      summary.voidedCount += 1;
      continue;
    }
    if (invoice.invoice_status === '红冲') summary.redLetterCount += 1;
    summary.issuedCount += 1;
    summary.issuedAmountFen += invoice.amount_fen;
    summary.issuedTaxFen += invoice.tax_fen;
  }
  for (const invoice of received.filter(inRange)) {
    if (invoice.invoice_status === '作废') continue;
    const summary = summaryOf(invoice.period);
    summary.receivedCount += 1;
    summary.receivedAmountFen += invoice.amount_fen;
    summary.receivedTaxFen += invoice.tax_fen;
  }
  return [...byPeriod.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
}

function taxpayerQuery(
  request: TaxRequest,
  context: TaxApiContext,
  clientId: string,
  uscc: string,
  resource: string,
): TaxResponse {
  const { world, requestId } = context;
  const check = context.registry.check(
    header(request.headers, 'x-auth-code'),
    clientId,
    uscc,
    context.now,
  );
  if (!check.ok) return failure(check.code, requestId);
  const taxpayer = world.taxpayers.get(uscc);
  if (taxpayer === undefined) return failure('100404', requestId, `纳税人 ${uscc} 不存在`);
  const base = { uscc, taxpayerName: taxpayer.taxpayer_name };
  switch (resource) {
    case '':
      return success(
        { ...base, taxpayerType: taxpayer.taxpayer_type, regionCode: taxpayer.region_code },
        requestId,
      );
    case 'credit-grades':
      return success(
        {
          ...base,
          items: (world.creditGrades.get(uscc) ?? []).map((row) => ({
            year: row.year,
            grade: row.grade,
          })),
        },
        requestId,
      );
    case 'arrears':
      return success(
        {
          ...base,
          items: (world.arrears.get(uscc) ?? []).map((row) => ({
            taxType: row.tax_type,
            arrearsAmount: yuan(row.arrears_fen),
            sinceDate: row.since_date,
          })),
        },
        requestId,
      );
    case 'tax-payments':
    case 'invoice-summaries': {
      const range = periodRange(request.query);
      if (typeof range === 'string') return failure('100400', requestId, range);
      if (resource === 'tax-payments') {
        return success(
          {
            ...base,
            items: (world.taxPayments.get(uscc) ?? [])
              .filter((row) => row.period >= range.from && row.period <= range.to)
              .map((row) => ({
                period: row.period,
                taxType: row.tax_type,
                paidAmount: yuan(row.paid_fen),
                paidDate: row.paid_date,
              })),
          },
          requestId,
        );
      }
      const summaries = summariseInvoices(
        world.invoicesIssued.get(uscc) ?? [],
        world.invoicesReceived.get(uscc) ?? [],
        range,
      );
      return success(
        {
          ...base,
          items: summaries.map((summary) => ({
            period: summary.period,
            issuedCount: summary.issuedCount,
            issuedAmount: yuan(summary.issuedAmountFen),
            issuedTax: yuan(summary.issuedTaxFen),
            receivedCount: summary.receivedCount,
            receivedAmount: yuan(summary.receivedAmountFen),
            receivedTax: yuan(summary.receivedTaxFen),
            voidedCount: summary.voidedCount,
            redLetterCount: summary.redLetterCount,
          })),
        },
        requestId,
      );
    }
    default:
      return failure('100404', requestId, `接口不存在：${request.path}`);
  }
}

const TAXPAYER_PATH = /^\/api\/v1\/taxpayers\/([^/]+)(?:\/([a-z-]+))?$/;
const REVOKE_PATH = /^\/api\/v1\/authorizations\/([^/]+)\/revoke$/;

export function handleTaxRequest(request: TaxRequest, context: TaxApiContext): TaxResponse {
  const { requestId, now } = context;
  const { method, path } = request;

  if (path === '/api/v1/oauth/token') {
    if (method !== 'POST') return failure('100405', requestId);
    const parsed = tokenRequestSchema.safeParse(request.body);
    if (!parsed.success) return failure('100400', requestId, '需要 clientId 和 clientSecret');
    const issued = context.tokens.issue(parsed.data.clientId, parsed.data.clientSecret, now);
    if (issued === undefined) return failure('100401', requestId);
    return success({ ...issued, tokenType: 'Bearer' }, requestId);
  }

  // The enterprise's side (in reality done on the e-tax bureau website, logged in as the taxpayer).
  if (path === '/api/v1/authorizations' && method === 'POST') {
    const parsed = grantRequestSchema.safeParse(request.body);
    if (!parsed.success) return failure('100400', requestId, '需要 uscc、clientId 和 validDays');
    if (!context.world.taxpayers.has(parsed.data.uscc)) {
      return failure('100404', requestId, `纳税人 ${parsed.data.uscc} 不存在`);
    }
    const validSeconds = parsed.data.validSeconds ?? (parsed.data.validDays ?? 365) * 86_400;
    const granted = context.registry.grant({
      uscc: parsed.data.uscc,
      clientId: parsed.data.clientId,
      validSeconds,
      nowMs: now,
    });
    return success(authorizationView(granted, now), requestId);
  }
  const revoke = REVOKE_PATH.exec(path);
  if (revoke !== null) {
    if (method !== 'POST') return failure('100405', requestId);
    const revoked = context.registry.revoke(decodeURIComponent(revoke[1] ?? ''), now);
    if (revoked === undefined) return failure('200402', requestId);
    return success(authorizationView(revoked, now), requestId);
  }

  // Everything below is the bank's / guarantor's side: bearer token, rate limit per client.
  if (method !== 'GET') return failure('100405', requestId);
  const verdict = context.tokens.verify(bearerToken(request.headers), now);
  if (!verdict.ok) return failure('100402', requestId);
  const decision = context.rateLimiter?.take(verdict.clientId);
  if (decision !== undefined && !decision.allowed) {
    return failure('100429', requestId, undefined, {
      'retry-after': String(decision.retryAfterSeconds),
    });
  }
  if (path === '/api/v1/authorizations') {
    const items = context.registry
      .listForClient(verdict.clientId)
      .map((authorization) => authorizationView(authorization, now))
      .sort((a, b) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0));
    return success({ items }, requestId);
  }
  const taxpayer = TAXPAYER_PATH.exec(path);
  if (taxpayer !== null) {
    return taxpayerQuery(
      request,
      context,
      verdict.clientId,
      decodeURIComponent(taxpayer[1] ?? ''),
      taxpayer[2] ?? '',
    );
  }
  return failure('100404', requestId, `接口不存在：${path}`);
}
