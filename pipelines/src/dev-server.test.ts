import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  devServerArgs,
  devServerOptionsFromEnv,
  isTemporalReady,
  startTemporalDevServer,
} from './dev-server.ts';
import type { TemporalDevServerOptions } from './dev-server.ts';
import { TEMPORAL_CLI } from './testing/local-temporal.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'sg-temporal-dev-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('devServerOptionsFromEnv', () => {
  it.each([
    {
      name: 'LOCAL_DEFAULTS',
      env: {},
      expected: {
        executable: '/repo/.venv/bin/temporal',
        dbFilename: '/repo/.data/temporal/temporal.db',
        ip: '127.0.0.1',
        port: 7233,
        uiPort: 8233,
      },
    },
    {
      name: 'DATA_DIR_AND_HEADLESS',
      env: { SG_DATA_DIR: '/srv/sg', TEMPORAL_DEV_HEADLESS: '1', TEMPORAL_DEV_PORT: '7300' },
      expected: {
        executable: '/repo/.venv/bin/temporal',
        dbFilename: '/srv/sg/temporal/temporal.db',
        ip: '127.0.0.1',
        port: 7300,
        uiPort: undefined,
      },
    },
  ])('$name', ({ env, expected }) => {
    expect(devServerOptionsFromEnv(env, '/repo')).toEqual(expected);
  });
});

describe('devServerArgs', () => {
  const base: TemporalDevServerOptions = {
    executable: 'temporal',
    dbFilename: '/d/temporal.db',
    ip: '127.0.0.1',
    port: 7233,
    uiPort: 8233,
  };
  it.each([
    {
      name: 'WITH_UI',
      options: base,
      expected:
        'server start-dev --db-filename /d/temporal.db --ip 127.0.0.1 --port 7233 ' +
        '--ui-port 8233 --ui-disable-news-fetch --log-level warn',
    },
    {
      name: 'HEADLESS',
      options: { ...base, uiPort: undefined },
      expected:
        'server start-dev --db-filename /d/temporal.db --ip 127.0.0.1 --port 7233 --headless ' +
        '--log-level warn',
    },
  ])('$name', ({ options, expected }) => {
    expect(devServerArgs(options).join(' ')).toBe(expected);
  });
});

describe('startTemporalDevServer (the venv temporal CLI)', () => {
  it('starts, persists to the SQLite file, refuses a second server, and stops', async () => {
    const options: TemporalDevServerOptions = {
      executable: TEMPORAL_CLI,
      dbFilename: path.join(scratch, 'nested', 'temporal.db'),
      ip: '127.0.0.1',
      port: await freePort(),
      uiPort: undefined,
    };
    const server = await startTemporalDevServer(options, { output: 'capture' });
    try {
      expect(server.address).toBe(`127.0.0.1:${options.port}`);
      expect(await isTemporalReady(server.address)).toBe(true);
      expect(existsSync(options.dbFilename)).toBe(true);
      await expect(startTemporalDevServer(options, { output: 'capture' })).rejects.toThrow(
        /already answers/,
      );
    } finally {
      await server.stop();
    }
    expect(await isTemporalReady(server.address)).toBe(false);
  });

  it('reports a server that exits before it is ready (port taken by something else)', async () => {
    const squatter = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const address = squatter.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const options: TemporalDevServerOptions = {
      executable: TEMPORAL_CLI,
      dbFilename: path.join(scratch, 'taken', 'temporal.db'),
      ip: '127.0.0.1',
      port: address.port,
      uiPort: undefined,
    };
    try {
      await expect(
        startTemporalDevServer(options, { readyTimeoutMs: 20_000, output: 'capture' }),
      ).rejects.toThrow(/exited with code 1 before it was ready.*\n.*address already in use/);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
