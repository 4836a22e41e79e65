import { createServer } from 'node:net';
import { LOCAL_PORTS } from '@sg/runtime-env';
import { describe, expect, it } from 'vitest';
import { freePort } from './free-port.ts';

/** Fixed ports: the machine's own servers and every default local port `just up` serves on. */
const FIXED_PORTS = [3306, 5432, ...Object.values(LOCAL_PORTS).map(({ port }) => port)];

describe('freePort', () => {
  it('gives a port a server can listen on, outside every fixed port', async () => {
    const ports = await Promise.all(Array.from({ length: 5 }, () => freePort()));
    for (const port of ports) {
      expect(FIXED_PORTS).not.toContain(port);
      expect(port).toBeGreaterThan(1024);
    }
    const port = ports[0] ?? 0;
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port }, resolve);
    });
    await new Promise((resolve) => server.close(resolve));
  });
});
