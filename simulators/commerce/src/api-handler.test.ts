import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { handleApiRequest } from './api-handler.ts';
import type { ApiContext, ApiRequest } from './api-handler.ts';
import { generateCommerceEnterprises } from './enterprise-generator.ts';
import { builtInCatalog } from './commerce-catalog.ts';
import { createEnterpriseStore } from './enterprise-store.ts';
import { createRateLimiter } from '@sg/simulator-kit';
import { canonicalRequest, computeSignature } from '@sg/request-signature';

const KEY = 'test-key';
const SECRET = 'test-secret';
const NOW_MS = Date.parse('2025-07-01T00:00:00Z');
const NOW_SECONDS = String(NOW_MS / 1000);
const WORLD = generateCommerceEnterprises(5, 30);
const FIRST = WORLD[0];

function context(overrides: Partial<ApiContext> = {}): ApiContext {
  return {
    catalog: builtInCatalog(createEnterpriseStore(WORLD)),
    credentials: new Map([[KEY, SECRET]]),
    timestampToleranceSeconds: 300,
    rateLimiter: undefined,
    now: () => NOW_MS,
    requestId: 'req-1',
    ...overrides,
  };
}

function signed(
  pathAndQuery: string,
  options: { key?: string; secret?: string; timestamp?: string; method?: string } = {},
): ApiRequest {
  const url = new URL(pathAndQuery, 'http://vendor.invalid');
  const timestamp = options.timestamp ?? NOW_SECONDS;
  const method = options.method ?? 'GET';
  const signature = computeSignature(
    options.secret ?? SECRET,
    canonicalRequest(method, url.pathname, url.searchParams, timestamp),
  );
  const headers: IncomingHttpHeaders = {
    'x-api-key': options.key ?? KEY,
    'x-timestamp': timestamp,
    'x-signature': signature,
  };
  return { method, path: url.pathname, query: url.searchParams, headers };
}

describe('handleApiRequest: authentication', () => {
  const unsigned: ApiRequest = {
    method: 'GET',
    path: '/v1/enterprises',
    query: new URLSearchParams(),
    headers: {},
  };
  const tampered = signed('/v1/enterprises?pageSize=5');
  tampered.query.set('pageSize', '6');

  it.each([
    ['missing headers', unsigned, '缺少'],
    ['an unknown API key', signed('/v1/enterprises', { key: 'someone-else' }), 'API Key 无效'],
    ['the wrong secret', signed('/v1/enterprises', { secret: 'guess' }), '签名验证失败'],
    ['a query changed after signing', tampered, '签名验证失败'],
    [
      'a timestamp 301 s old',
      signed('/v1/enterprises', { timestamp: String(NOW_MS / 1000 - 301) }),
      '时间戳',
    ],
    [
      'a timestamp 301 s ahead',
      signed('/v1/enterprises', { timestamp: String(NOW_MS / 1000 + 301) }),
      '时间戳',
    ],
    [
      'a timestamp in milliseconds',
      signed('/v1/enterprises', { timestamp: String(NOW_MS) }),
      '时间戳',
    ],
  ])('rejects %s with 401', (_name, request, messagePart) => {
    const response = handleApiRequest(request, context());
    expect(response.status).toBe(401);
    expect(response.envelope).toMatchObject({ code: 401, data: null, requestId: 'req-1' });
    expect(response.envelope.message).toContain(messagePart);
  });

  it('accepts a timestamp at the edge of the window', () => {
    const request = signed('/v1/enterprises', { timestamp: String(NOW_MS / 1000 - 300) });
    expect(handleApiRequest(request, context()).status).toBe(200);
  });
});

describe('handleApiRequest: endpoints', () => {
  it('returns the detail of an enterprise in the vendor envelope', () => {
    const response = handleApiRequest(signed(`/v1/enterprises/${FIRST?.uscc ?? ''}`), context());
    expect(response.status).toBe(200);
    expect(response.envelope).toMatchObject({
      code: 200,
      message: '操作成功',
      data: { creditCode: FIRST?.uscc, name: FIRST?.enterpriseName },
    });
  });

  it('answers 404 for an unknown enterprise and an unknown path', () => {
    expect(
      handleApiRequest(signed('/v1/enterprises/91640100MA00000000'), context()).envelope.code,
    ).toBe(404);
    expect(handleApiRequest(signed('/v1/companies'), context()).status).toBe(404);
  });

  it('searches by keyword with paging metadata', () => {
    const response = handleApiRequest(
      signed('/v1/enterprises/search?keyword=有限&page=2&pageSize=5'),
      context(),
    );
    expect(response.envelope.data).toMatchObject({ total: 30, page: 2, pageSize: 5 });
  });

  it('lists with a cursor until nextCursor is null', () => {
    const seen: string[] = [];
    let cursor = '';
    for (let guard = 0; guard < 10; guard += 1) {
      const response = handleApiRequest(
        signed(`/v1/enterprises?pageSize=12&cursor=${cursor}`),
        context(),
      );
      const data = response.envelope.data as {
        items: { creditCode: string }[];
        nextCursor: string | null;
      };
      seen.push(...data.items.map((i) => i.creditCode));
      if (data.nextCursor === null) break;
      cursor = encodeURIComponent(data.nextCursor);
    }
    expect(seen.sort()).toEqual(WORLD.map((e) => e.uscc).sort());
  });

  it.each([
    ['a one-character keyword', '/v1/enterprises/search?keyword=宁'],
    ['page 0', '/v1/enterprises/search?keyword=宁夏&page=0'],
    ['a search page over 50', '/v1/enterprises/search?keyword=宁夏&pageSize=51'],
    ['a listing page over 200', '/v1/enterprises?pageSize=201'],
    ['a malformed updatedSince', '/v1/enterprises?updatedSince=2025/01/01'],
    ['a foreign cursor', '/v1/enterprises?cursor=abc'],
  ])('answers 400 for %s', (_name, path) => {
    const response = handleApiRequest(signed(path), context());
    expect(response.status).toBe(400);
    expect(response.envelope.code).toBe(400);
  });

  it('answers 405 to anything but GET', () => {
    expect(handleApiRequest(signed('/v1/enterprises', { method: 'POST' }), context()).status).toBe(
      405,
    );
  });

  it('answers 429 with Retry-After once the key is over its rate limit', () => {
    const ctx = context({
      rateLimiter: createRateLimiter({ capacity: 2, refillPerSecond: 0.25 }, () => NOW_MS),
    });
    const statuses = [1, 2, 3].map(() => handleApiRequest(signed('/v1/enterprises'), ctx));
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(statuses[2]?.headers).toEqual({ 'retry-after': '4' });
    expect(statuses[2]?.envelope.message).toContain('请求过于频繁');
  });
});

describe('handleApiRequest: related lists and the change feed (built-in generator)', () => {
  it('answers empty related lists for a known enterprise and 404 for an unknown one', () => {
    const known = handleApiRequest(
      signed(`/v1/enterprises/${FIRST?.uscc ?? ''}/penalties`),
      context(),
    );
    expect(known.envelope.data).toEqual({ total: 0, page: 1, pageSize: 20, items: [] });
    const unknown = handleApiRequest(
      signed('/v1/enterprises/91640100MA00000000/penalties'),
      context(),
    );
    expect(unknown.status).toBe(404);
  });

  it('feeds every enterprise once, ordered by update time, in Beijing time', () => {
    const response = handleApiRequest(signed('/v1/changes?pageSize=500'), context());
    const data = response.envelope.data as {
      items: { creditCode: string; changeTime: string }[];
      hasMore: boolean;
    };
    expect(data.hasMore).toBe(false);
    expect(data.items.map((i) => i.creditCode).sort()).toEqual(WORLD.map((e) => e.uscc).sort());
    const times = data.items.map((i) => i.changeTime);
    expect(times).toEqual([...times].sort());
    expect(times[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });
});
