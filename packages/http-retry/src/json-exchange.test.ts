import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptJson } from './json-exchange.ts';

// A real HTTP server on 127.0.0.1 answering what each path names.
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    switch (request.url) {
      case '/json':
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"code":200}');
        break;
      case '/busy':
        response.writeHead(429, { 'retry-after': '7' }).end('{"code":429}');
        break;
      case '/html-500':
        response.writeHead(500, { 'content-type': 'text/html' }).end('<h1>oops</h1>');
        break;
      case '/html-200':
        response.writeHead(200, { 'content-type': 'text/html' }).end('<h1>login</h1>');
        break;
      case '/cut':
        response.writeHead(200, { 'content-length': '1000' });
        response.write('{"code":');
        response.socket?.destroy();
        break;
      default:
        response.writeHead(404).end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function attempt(path: string) {
  return attemptJson(
    new URL(`${base}${path}`),
    { method: 'GET' },
    {
      request: `GET ${path}`,
      timeoutMs: 5_000,
      now: () => 0,
      fetch: globalThis.fetch,
    },
  );
}

describe('attemptJson', () => {
  it('parses a JSON body', async () => {
    expect(await attempt('/json')).toEqual({
      outcome: 'exchange',
      exchange: { request: 'GET /json', httpStatus: 200, body: { code: 200 } },
    });
  });

  it('reads Retry-After', async () => {
    expect(await attempt('/busy')).toMatchObject({
      outcome: 'exchange',
      exchange: { httpStatus: 429, retryAfterMs: 7_000 },
    });
  });

  it('keeps a 5xx with an HTML page as an exchange (body null): its status says what happened', async () => {
    expect(await attempt('/html-500')).toMatchObject({
      outcome: 'exchange',
      exchange: { httpStatus: 500, body: null },
    });
  });

  it('reports a 200 that is not JSON as malformed, with status and size', async () => {
    expect(await attempt('/html-200')).toMatchObject({
      outcome: 'malformed_response',
      detail: 'HTTP 200，14 字节',
      exchange: { httpStatus: 200 },
    });
  });

  it('reports a connection cut mid-body as a network failure', async () => {
    expect(await attempt('/cut')).toMatchObject({ outcome: 'network' });
  });
});
