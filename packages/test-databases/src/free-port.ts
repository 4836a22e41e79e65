// A TCP port on 127.0.0.1 that nothing listens on right now, chosen by the kernel from its
// ephemeral range (32768–60999 on Linux): never one of the fixed ports `just up` serves on
// (@sg/runtime-env's LOCAL_PORTS: 3000, 4000, 5433, 5434, 7233, 8233, 7301, 7302) nor the
// machine's 5432/3306. Another process can
// still take it before the server binds; the servers retry on a new port when that happens.
import { createServer } from 'node:net';

export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        if (port === 0) reject(new Error(`no port from the kernel on ${host}`));
        else resolve(port);
      });
    });
  });
}
