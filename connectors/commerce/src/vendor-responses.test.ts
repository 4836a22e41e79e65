import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CommerceApiError } from './commerce-errors.ts';
import type { CommerceErrorKind } from './commerce-errors.ts';
import { interpretResponse } from './vendor-responses.ts';

const DATA = z.object({ value: z.int() });
const REQUEST = 'GET /v1/enterprises?pageSize=1';

function kindOf(httpStatus: number, body: unknown): CommerceErrorKind | 'ok' {
  try {
    interpretResponse({ request: REQUEST, httpStatus, body }, DATA);
    return 'ok';
  } catch (error) {
    if (error instanceof CommerceApiError) return error.kind;
    throw error;
  }
}

const envelope = (code: number, data: unknown = null) => ({
  code,
  message: '…',
  data,
  requestId: 'r-1',
});

describe('interpretResponse', () => {
  it('returns the validated data of a success envelope', () => {
    expect(
      interpretResponse(
        { request: REQUEST, httpStatus: 200, body: envelope(200, { value: 3 }) },
        DATA,
      ),
    ).toEqual({
      value: 3,
    });
  });

  it.each([
    ['HTTP 401', 401, envelope(401), 'authentication'],
    ['HTTP 200 carrying code 401 (vendors do this)', 200, envelope(401), 'authentication'],
    ['HTTP 404', 404, envelope(404), 'not_found'],
    ['HTTP 400', 400, envelope(400), 'bad_request'],
    ['HTTP 429', 429, envelope(429), 'rate_limited'],
    ['HTTP 200 carrying code 429', 200, envelope(429), 'rate_limited'],
    ['HTTP 500', 500, envelope(500), 'server'],
    ['HTTP 502 with an HTML page (no envelope)', 502, null, 'server'],
    ['HTTP 200 without an envelope', 200, { items: [] }, 'protocol'],
    ['HTTP 200 with data of the wrong shape', 200, envelope(200, { value: 'three' }), 'protocol'],
    ['an unexpected 418', 418, envelope(418), 'protocol'],
  ])('%s → %s', (_name, httpStatus, body, kind) => {
    expect(kindOf(httpStatus, body)).toBe(kind);
  });

  it('keeps vendor code, request id and request in the error, with a Chinese message', () => {
    try {
      interpretResponse(
        {
          request: REQUEST,
          httpStatus: 401,
          body: { code: 401, message: '鉴权失败：签名验证失败', data: null, requestId: 'r-9' },
        },
        DATA,
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CommerceApiError);
      const e = error as CommerceApiError;
      expect(e).toMatchObject({
        kind: 'authentication',
        httpStatus: 401,
        vendorCode: 401,
        requestId: 'r-9',
        request: REQUEST,
      });
      expect(e.retryable).toBe(false);
      expect(e.message).toContain('签名验证失败');
      expect(e.message).toContain(REQUEST);
    }
  });
});
