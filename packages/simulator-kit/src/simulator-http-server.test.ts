import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenOn } from './http-listener.ts';
import type { ListeningServer } from './http-listener.ts';
import { createSimulatorHttpServer } from './simulator-http-server.ts';

describe('createSimulatorHttpServer', () => {
  let listening: ListeningServer | undefined;
  afterEach(async () => {
    await listening?.close();
    vi.restoreAllMocks();
  });

  it('sends control paths to control, the rest to api, and answers a throwing handler with the internal error', async () => {
    const seen: string[] = [];
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const server = createSimulatorHttpServer({
      name: 'sim-test',
      controlPrefix: '/v1/_sim/',
      control: (_req, res, path) => {
        seen.push(`control ${path}`);
        res.end('control');
        return Promise.resolve();
      },
      api: (_req, res, url) => {
        seen.push(`api ${url.pathname}?${url.searchParams.toString()}`);
        if (url.pathname === '/v1/boom') return Promise.reject(new Error('boom'));
        res.end('api');
        return Promise.resolve();
      },
      internalError: (res) => {
        res.statusCode = 500;
        res.end('内部错误');
      },
    });
    listening = await listenOn(server, {});
    const control = await fetch(`${listening.url}/v1/_sim/totals`);
    expect(await control.text()).toBe('control');
    const api = await fetch(`${listening.url}/v1/enterprises?page=2`);
    expect(await api.text()).toBe('api');
    const boom = await fetch(`${listening.url}/v1/boom`);
    expect(boom.status).toBe(500);
    expect(await boom.text()).toBe('内部错误');
    expect(seen).toEqual([
      'control /v1/_sim/totals',
      'api /v1/enterprises?page=2',
      'api /v1/boom?',
    ]);
    expect(logged).toHaveBeenCalledWith('sim-test: request failed', expect.any(Error));
  });
});
