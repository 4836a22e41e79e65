import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connect } from './test-backends.ts';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('main.ts (the embedded app database process)', () => {
  it('migrates, prints its connection string, serves clients and shuts down on SIGTERM', async () => {
    const dataRoot = mkdtempSync(join(tmpdir(), 'sg-app-db-main-'));
    const port = await freePort();
    const env = {
      ...Object.fromEntries(
        Object.entries(process.env).filter(([name]) => name !== 'DATABASE_URL'),
      ),
      SG_DATA_DIR: dataRoot,
      SG_APP_DB_PORT: String(port),
    };
    const child = spawn(process.execPath, [join(import.meta.dirname, 'main.ts')], { env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await expect
        .poll(() => output, { timeout: 30_000, interval: 100 })
        .toContain(`ready at postgres://postgres@127.0.0.1:${port}/postgres`);
      expect(output).toContain('migrations applied now: 0001');
      const client = await connect(`postgres://postgres@127.0.0.1:${port}/postgres`);
      const roles = await client.query('select role_code from app.roles');
      expect(roles.rowCount).toBe(5);
      await client.end();

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('app-db: closed');
      expect(existsSync(join(dataRoot, 'app-db.lock'))).toBe(false);
      expect(existsSync(join(dataRoot, 'app-db', 'PG_VERSION'))).toBe(true);
    } finally {
      child.kill('SIGKILL');
      rmSync(dataRoot, { recursive: true, force: true });
    }
  });
});
