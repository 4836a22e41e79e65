import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CommerceApiError } from './commerce-errors.ts';
import { commerceClientConfigFromEnv, createCommerceClient } from './live-client.ts';
import type { CommerceClientConfig } from './live-client.ts';
import { canonicalRequest, computeSignature } from '@sg/request-signature';

/**
 * A tiny vendor stand-in: each request takes the next scripted behaviour (then the default), so a
 * test can reproduce 429/500/cut connections/malformed JSON/hangs. It verifies signatures itself.
 */
type Behaviour =
  | {
      readonly kind: 'reply';
      readonly status: number;
      readonly body: unknown;
      readonly headers?: Record<string, string>;
    }
  | { readonly kind: 'raw'; readonly status: number; readonly text: string }
  | { readonly kind: 'cut' }
  | { readonly kind: 'hang' };

const KEY = 'test-key';
const SECRET = 'test-secret';
const LISTING = {
  items: [{ creditCode: '91640521MA76QK3P5W' }],
  nextCursor: null,
};
const ok = (data: unknown = LISTING): Behaviour => ({
  kind: 'reply',
  status: 200,
  body: { code: 200, message: '操作成功', data, requestId: 'ok' },
});
const fail = (status: number, headers?: Record<string, string>): Behaviour => ({
  kind: 'reply',
  status,
  body: { code: status, message: '错误', data: null, requestId: `e-${status}` },
  ...(headers === undefined ? {} : { headers }),
});
const CUT: Behaviour = { kind: 'cut' };
const MALFORMED: Behaviour = {
  kind: 'raw',
  status: 200,
  text: '{"code":200,"message":"操作成功","data":{"ite',
};

let server: Server;
let baseUrl: string;
let script: Behaviour[] = [];
let seen: { path: string; signatureValid: boolean }[] = [];

function signatureValid(req: IncomingMessage, url: URL): boolean {
  const timestamp = String(req.headers['x-timestamp']);
  const expected = computeSignature(
    SECRET,
    canonicalRequest('GET', url.pathname, url.searchParams, timestamp),
  );
  return req.headers['x-api-key'] === KEY && req.headers['x-signature'] === expected;
}

function respond(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://test.invalid');
  seen.push({ path: `${url.pathname}${url.search}`, signatureValid: signatureValid(req, url) });
  const behaviour = script.shift() ?? ok();
  switch (behaviour.kind) {
    case 'reply': {
      const text = JSON.stringify(behaviour.body);
      res.writeHead(behaviour.status, { 'content-type': 'application/json', ...behaviour.headers });
      res.end(text);
      return;
    }
    case 'raw':
      res.writeHead(behaviour.status, { 'content-type': 'application/json' });
      res.end(behaviour.text);
      return;
    case 'cut': {
      const text = JSON.stringify({ code: 200, message: '操作成功', data: LISTING });
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(text.length),
      });
      res.write(text.slice(0, 20), () => res.socket?.destroy());
      return;
    }
    case 'hang':
      return;
  }
}

beforeAll(async () => {
  server = createServer(respond);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
});

afterEach(() => {
  script = [];
  seen = [];
});

/** A client whose sleeps are recorded instead of waited, with mid-range jitter. */
function testClient(overrides: Partial<CommerceClientConfig> = {}) {
  const sleeps: number[] = [];
  const client = createCommerceClient({
    baseUrl,
    apiKey: KEY,
    apiSecret: SECRET,
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 10_000 },
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    ...overrides,
  });
  return { client, sleeps };
}

async function errorOf(promise: Promise<unknown>): Promise<CommerceApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CommerceApiError) return error;
    throw error;
  }
  throw new Error('expected a CommerceApiError');
}

describe('createCommerceClient: protocol', () => {
  it('signs every request so the vendor can verify it', async () => {
    const { client } = testClient();
    await client.listEnterprises({
      pageSize: 5,
      cursor: 'abc',
      updatedSince: new Date('2025-06-29T16:00:00Z'),
    });
    expect(seen).toEqual([
      {
        path: '/v1/enterprises?pageSize=5&updatedSince=2025-06-30+00%3A00%3A00&cursor=abc',
        signatureValid: true,
      },
    ]);
  });

  it('keeps a path prefix of the base URL (and signs it)', async () => {
    const { client } = testClient({ baseUrl: `${baseUrl}/open/` });
    await client.listEnterprises({});
    expect(seen[0]).toEqual({ path: '/open/v1/enterprises?pageSize=100', signatureValid: true });
  });

  it('returns null for an enterprise the vendor does not know', async () => {
    script = [fail(404)];
    const { client } = testClient();
    expect(await client.getEnterprise('91640100MA00000000')).toBeNull();
    expect(seen).toHaveLength(1);
  });

  it('validates a detail record with the wire schema', async () => {
    script = [ok({ creditCode: 'not-a-uscc' })];
    const error = await errorOf(testClient().client.getEnterprise('x'));
    expect(error.kind).toBe('protocol');
    expect(seen).toHaveLength(1);
  });
});

describe('createCommerceClient: retries', () => {
  it('retries 500s with exponential backoff and jitter, then succeeds', async () => {
    script = [fail(500), fail(503), ok()];
    const { client, sleeps } = testClient();
    expect((await client.listEnterprises({})).items).toHaveLength(1);
    expect(sleeps).toEqual([50, 100]);
    expect(seen).toHaveLength(3);
  });

  it('waits the Retry-After of a 429 (plus jitter), then succeeds', async () => {
    script = [fail(429, { 'retry-after': '2' }), ok()];
    const { client, sleeps } = testClient();
    await client.listEnterprises({});
    expect(sleeps).toEqual([2_050]);
  });

  it('backs off on a 429 without Retry-After', async () => {
    script = [fail(429), ok()];
    const { client, sleeps } = testClient();
    await client.listEnterprises({});
    expect(sleeps).toEqual([50]);
  });

  it('does not wait for a Retry-After beyond its limit', async () => {
    script = [fail(429, { 'retry-after': '3600' })];
    const { client, sleeps } = testClient();
    const error = await errorOf(client.listEnterprises({}));
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 3_600_000, attempts: 1 });
    expect(sleeps).toEqual([]);
  });

  it('recovers from a connection cut in the middle of the body', async () => {
    script = [CUT, ok()];
    const { client } = testClient();
    expect((await client.listEnterprises({})).items).toHaveLength(1);
    expect(seen).toHaveLength(2);
  });

  it('recovers from a malformed JSON body', async () => {
    script = [MALFORMED, ok()];
    const { client } = testClient();
    expect((await client.listEnterprises({})).items).toHaveLength(1);
  });

  it.each([
    ['500s', fail(500), 'server'],
    ['429s', fail(429, { 'retry-after': '1' }), 'rate_limited'],
    ['cut connections', CUT, 'network'],
    ['malformed bodies', MALFORMED, 'malformed_response'],
  ] as const)('gives up after the attempt limit on endless %s', async (_name, behaviour, kind) => {
    script = [behaviour, behaviour, behaviour, behaviour, behaviour];
    const { client, sleeps } = testClient();
    const error = await errorOf(client.listEnterprises({}));
    expect(error).toMatchObject({ kind, attempts: 4 });
    expect(error.message).toContain('已尝试4次');
    expect(seen).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
  });

  it.each([
    ['401', fail(401), 'authentication'],
    ['400', fail(400), 'bad_request'],
    ['a wrong data shape', ok({ items: 'none' }), 'protocol'],
  ] as const)('does not retry %s', async (_name, behaviour, kind) => {
    script = [behaviour];
    const error = await errorOf(testClient().client.listEnterprises({}));
    expect(error).toMatchObject({ kind, attempts: 1 });
    expect(seen).toHaveLength(1);
  });

  it('times out a vendor that never answers, and retries', async () => {
    script = [{ kind: 'hang' }, ok()];
    const { client } = testClient({ timeoutMs: 200 });
    expect((await client.listEnterprises({})).items).toHaveLength(1);
    expect(seen).toHaveLength(2);
  });

  it('reports a refused connection as a network error after its attempts', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) =>
      closed.close(() => {
        resolve();
      }),
    );
    const { client } = testClient({ baseUrl: `http://127.0.0.1:${port}` });
    const error = await errorOf(client.listEnterprises({}));
    expect(error).toMatchObject({ kind: 'network', attempts: 4 });
    expect(error.message).toContain('无法连接');
  });
});

describe('commerceClientConfigFromEnv', () => {
  const COMPLETE = {
    SG_COMMERCE_BASE_URL: 'https://api.vendor.example/open',
    SG_COMMERCE_API_KEY: 'k',
    SG_COMMERCE_API_SECRET: 's',
  };

  it('reads the three variables', () => {
    expect(commerceClientConfigFromEnv(COMPLETE)).toEqual({
      baseUrl: 'https://api.vendor.example/open',
      apiKey: 'k',
      apiSecret: 's',
    });
  });

  it.each([
    ['no base URL', { ...COMPLETE, SG_COMMERCE_BASE_URL: undefined }, 'SG_COMMERCE_BASE_URL'],
    [
      'a base URL that is not a URL',
      { ...COMPLETE, SG_COMMERCE_BASE_URL: 'vendor' },
      'SG_COMMERCE_BASE_URL',
    ],
    ['no key', { ...COMPLETE, SG_COMMERCE_API_KEY: undefined }, 'SG_COMMERCE_API_KEY'],
    ['no secret', { ...COMPLETE, SG_COMMERCE_API_SECRET: undefined }, 'SG_COMMERCE_API_SECRET'],
  ])('refuses %s, naming the variable', (_name, env, variable) => {
    expect(() => commerceClientConfigFromEnv(env)).toThrow(variable);
  });
});
