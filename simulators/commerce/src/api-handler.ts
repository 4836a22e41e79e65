/**
 * The vendor API's request handling, independent of sockets: authentication (API key, HMAC
 * signature, timestamp window), rate limiting, the enterprise endpoints (search, detail, listing),
 * the related lists (`/v1/enterprises/{code}/shareholders` …, paged) and the change feed
 * (`/v1/changes`). Returns the status, headers and envelope to send; server.ts writes them (and
 * injects faults).
 */
import type { IncomingHttpHeaders } from 'node:http';
import {
  beijingToEpochSeconds,
  epochSecondsToBeijing,
  epochSecondsToIsoUtc,
} from '@sg/simulator-kit';
import { isRelatedSection } from './commerce-catalog.ts';
import type { CommerceCatalog, RelatedSection } from './commerce-catalog.ts';
import { InvalidCursorError } from './enterprise-store.ts';
import type { RateLimiter } from '@sg/simulator-kit';
import { canonicalRequest, computeSignature, signatureMatches } from '@sg/request-signature';
import { errorEnvelope, successEnvelope } from './vendor-envelope.ts';
import type { VendorEnvelope } from './vendor-envelope.ts';

export interface ApiRequest {
  readonly method: string;
  /** Percent-encoded path as sent. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly envelope: VendorEnvelope<unknown>;
}

export interface ApiContext {
  readonly catalog: CommerceCatalog;
  readonly credentials: ReadonlyMap<string, string>;
  readonly timestampToleranceSeconds: number;
  readonly rateLimiter: RateLimiter | undefined;
  readonly now: () => number;
  readonly requestId: string;
}

export const SEARCH_PAGE_SIZE = { default: 10, max: 50 } as const;
export const LISTING_PAGE_SIZE = { default: 50, max: 200 } as const;
export const RELATED_PAGE_SIZE = { default: 20, max: 100 } as const;
export const CHANGE_FEED_PAGE_SIZE = { default: 100, max: 500 } as const;

const ENTERPRISE_DETAIL_PATH = /^\/v1\/enterprises\/([^/]+)$/;
const ENTERPRISE_RELATED_PATH = /^\/v1\/enterprises\/([^/]+)\/([a-z-]+)$/;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function fail(
  status: 400 | 401 | 404 | 405 | 429,
  requestId: string,
  detail?: string,
  headers: Record<string, string> = {},
): ApiResponse {
  return { status, headers, envelope: errorEnvelope(status, requestId, detail) };
}

function ok(data: unknown, requestId: string): ApiResponse {
  return { status: 200, headers: {}, envelope: successEnvelope(data, requestId) };
}

/** Returns the failure, or the API key when the request is authentic. */
function authenticate(request: ApiRequest, context: ApiContext): ApiResponse | string {
  const apiKey = header(request.headers, 'x-api-key');
  const timestamp = header(request.headers, 'x-timestamp');
  const signature = header(request.headers, 'x-signature');
  const { requestId } = context;
  if (apiKey === undefined || timestamp === undefined || signature === undefined) {
    return fail(401, requestId, '缺少 X-Api-Key、X-Timestamp 或 X-Signature 请求头');
  }
  const secret = context.credentials.get(apiKey);
  if (secret === undefined) return fail(401, requestId, 'API Key 无效');
  const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  const skew = Math.abs(context.now() / 1000 - seconds);
  if (!(skew <= context.timestampToleranceSeconds)) {
    return fail(401, requestId, `时间戳超出有效期（±${context.timestampToleranceSeconds}秒）`);
  }
  const expected = computeSignature(
    secret,
    canonicalRequest(request.method, request.path, request.query, timestamp),
  );
  if (!signatureMatches(expected, signature)) return fail(401, requestId, '签名验证失败');
  return apiKey;
}

type IntParam = { readonly value: number } | { readonly error: string };

function intParam(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): IntParam {
  const raw = query.get(name);
  if (raw === null || raw === '') return { value: fallback };
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max)) return { error: `${name} 应为 ${min} 至 ${max} 之间的整数` };
  return { value };
}

function searchEnterprises(request: ApiRequest, context: ApiContext): ApiResponse {
  const keyword = (request.query.get('keyword') ?? '').trim();
  if (Array.from(keyword).length < 2) return fail(400, context.requestId, '关键词不能少于2个字符');
  const page = intParam(request.query, 'page', 1, 1, 10_000);
  if ('error' in page) return fail(400, context.requestId, page.error);
  const pageSize = intParam(
    request.query,
    'pageSize',
    SEARCH_PAGE_SIZE.default,
    1,
    SEARCH_PAGE_SIZE.max,
  );
  if ('error' in pageSize) return fail(400, context.requestId, pageSize.error);
  const result = context.catalog.search(keyword, page.value, pageSize.value);
  return ok(
    {
      total: result.total,
      page: page.value,
      pageSize: pageSize.value,
      items: result.items,
    },
    context.requestId,
  );
}

function listEnterprises(request: ApiRequest, context: ApiContext): ApiResponse {
  const pageSize = intParam(
    request.query,
    'pageSize',
    LISTING_PAGE_SIZE.default,
    1,
    LISTING_PAGE_SIZE.max,
  );
  if ('error' in pageSize) return fail(400, context.requestId, pageSize.error);
  const updatedSinceText = request.query.get('updatedSince') ?? '';
  let updatedSince: string | undefined;
  if (updatedSinceText !== '') {
    const seconds = beijingToEpochSeconds(updatedSinceText);
    if (seconds === undefined) {
      return fail(400, context.requestId, 'updatedSince 格式应为 yyyy-MM-dd HH:mm:ss');
    }
    updatedSince = epochSecondsToIsoUtc(seconds);
  }
  const cursor = request.query.get('cursor') ?? '';
  try {
    const page = context.catalog.list({
      pageSize: pageSize.value,
      ...(updatedSince === undefined ? {} : { updatedSince }),
      ...(cursor === '' ? {} : { cursor }),
    });
    return ok(
      {
        items: page.items,
        nextCursor: page.nextCursor,
        pageSize: pageSize.value,
      },
      context.requestId,
    );
  } catch (error) {
    if (error instanceof InvalidCursorError) return fail(400, context.requestId, '游标无效');
    throw error;
  }
}

function decodeSegment(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

function enterpriseDetail(encodedUscc: string, context: ApiContext): ApiResponse {
  const uscc = decodeSegment(encodedUscc);
  if (uscc === undefined) return fail(404, context.requestId);
  const enterprise = context.catalog.detail(uscc);
  if (enterprise === undefined) return fail(404, context.requestId, `未找到企业 ${uscc}`);
  return ok(enterprise, context.requestId);
}

/** `/v1/enterprises/{code}/{section}?page=&pageSize=` → `{ total, page, pageSize, items }`. */
function relatedList(
  encodedUscc: string,
  section: RelatedSection,
  request: ApiRequest,
  context: ApiContext,
): ApiResponse {
  const uscc = decodeSegment(encodedUscc);
  if (uscc === undefined) return fail(404, context.requestId);
  const page = intParam(request.query, 'page', 1, 1, 100_000);
  if ('error' in page) return fail(400, context.requestId, page.error);
  const pageSize = intParam(
    request.query,
    'pageSize',
    RELATED_PAGE_SIZE.default,
    1,
    RELATED_PAGE_SIZE.max,
  );
  if ('error' in pageSize) return fail(400, context.requestId, pageSize.error);
  const result = context.catalog.related(section, uscc, page.value, pageSize.value);
  if (result === undefined) return fail(404, context.requestId, `未找到企业 ${uscc}`);
  return ok(
    { total: result.total, page: page.value, pageSize: pageSize.value, items: result.items },
    context.requestId,
  );
}

/**
 * `/v1/changes?since=&pageSize=` → `{ items: [{ creditCode, changeTime }], cursor, hasMore,
 * pageSize }`: enterprises in the order of their latest change; resume from `cursor`.
 */
function changeFeed(request: ApiRequest, context: ApiContext): ApiResponse {
  const pageSize = intParam(
    request.query,
    'pageSize',
    CHANGE_FEED_PAGE_SIZE.default,
    1,
    CHANGE_FEED_PAGE_SIZE.max,
  );
  if ('error' in pageSize) return fail(400, context.requestId, pageSize.error);
  const since = request.query.get('since') ?? '';
  try {
    const page = context.catalog.changes({
      pageSize: pageSize.value,
      ...(since === '' ? {} : { since }),
    });
    return ok(
      {
        items: page.items.map((entry) => ({
          creditCode: entry.uscc,
          changeTime: epochSecondsToBeijing(Date.parse(entry.changedAt) / 1000),
        })),
        cursor: page.cursor,
        hasMore: page.hasMore,
        pageSize: pageSize.value,
      },
      context.requestId,
    );
  } catch (error) {
    if (error instanceof InvalidCursorError) return fail(400, context.requestId, '游标无效');
    throw error;
  }
}

/** Handles one request to the public API (/v1/enterprises…). */
export function handleApiRequest(request: ApiRequest, context: ApiContext): ApiResponse {
  const auth = authenticate(request, context);
  if (typeof auth !== 'string') return auth;
  if (context.rateLimiter !== undefined) {
    const decision = context.rateLimiter.take(auth);
    if (!decision.allowed) {
      return fail(429, context.requestId, undefined, {
        'retry-after': String(decision.retryAfterSeconds),
      });
    }
  }
  if (request.method !== 'GET') return fail(405, context.requestId);
  if (request.path === '/v1/enterprises') return listEnterprises(request, context);
  if (request.path === '/v1/enterprises/search') return searchEnterprises(request, context);
  if (request.path === '/v1/changes') return changeFeed(request, context);
  const detail = ENTERPRISE_DETAIL_PATH.exec(request.path);
  if (detail?.[1] !== undefined) return enterpriseDetail(detail[1], context);
  const related = ENTERPRISE_RELATED_PATH.exec(request.path);
  const [, code, section] = related ?? [];
  if (code !== undefined && section !== undefined && isRelatedSection(section)) {
    return relatedList(code, section, request, context);
  }
  return fail(404, context.requestId, `接口不存在：${request.path}`);
}
