// A private PostgreSQL for one test run, from Debian's packages (/usr/lib/postgresql/<ver>/bin):
// initdb with scram-sha-256 and the run's password for user postgres, then `postgres` on a free
// 127.0.0.1 port, TCP only (no unix socket), durability off (test data is thrown away).
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.ts';
import { processStat } from './process-liveness.ts';
import type { RunServer } from './run-directory.ts';
import {
  launchDetached,
  logTail,
  runToCompletion,
  waitUntilReady,
  type ServerStartOptions,
  type StartedServer,
} from './server-process.ts';
import type { ServiceAccount } from './service-account.ts';
import { adminUrl } from './server-urls.ts';

export const POSTGRES_INSTALL_ROOT = '/usr/lib/postgresql';

/** The bin folder of the newest PostgreSQL installed from Debian's packages that has a server. */
export function findPostgresBinDir(installRoot = POSTGRES_INSTALL_ROOT): string {
  const versions = existsSync(installRoot)
    ? readdirSync(installRoot)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const bin = join(installRoot, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'postgres'))) return bin;
  }
  throw new Error(
    `no PostgreSQL server under ${installRoot}/<version>/bin: run \`npx just setup-test\` ` +
      `(installs Debian's postgresql) or set SG_TEST_POSTGRES_URL`,
  );
}

const PORT_ATTEMPTS = 3;
const READY_TIMEOUT_MS = 60_000;
const PORT_TAKEN = /already in use|could not bind/i;

function ownedDirectory(path: string, account: ServiceAccount | undefined): void {
  mkdirSync(path, { mode: 0o700 });
  if (account !== undefined) chownSync(path, account.uid, account.gid);
}

async function probe(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function startPostgres(options: ServerStartOptions): Promise<StartedServer> {
  const { runDir, password, account } = options;
  const bin = findPostgresBinDir();
  const dataDir = join(runDir, 'postgres');
  const logPath = join(runDir, 'postgres.log');
  const passwordFile = join(runDir, 'postgres.password');
  ownedDirectory(dataDir, account);
  writeFileSync(passwordFile, password, { mode: 0o600 });
  if (account !== undefined) chownSync(passwordFile, account.uid, account.gid);
  try {
    await runToCompletion({
      command: join(bin, 'initdb'),
      args: [
        `--pgdata=${dataDir}`,
        '--username=postgres',
        '--auth=scram-sha-256',
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--no-sync',
        '--no-instructions',
      ],
      logPath,
      account,
    });
  } finally {
    rmSync(passwordFile, { force: true });
  }
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const launched = launchDetached({
      command: join(bin, 'postgres'),
      args: [
        '-D',
        dataDir,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `port=${String(port)}`,
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=200',
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
      ],
      logPath,
      account,
    });
    const server: RunServer = {
      kind: 'postgres',
      pid: launched.pid,
      startTicks: processStat(launched.pid)?.startTicks ?? 0,
      port,
      dataDir,
    };
    options.onLaunch(server);
    const url = adminUrl('postgres', port, password);
    const readiness = await waitUntilReady(launched, () => probe(url), READY_TIMEOUT_MS);
    if (readiness.ready) return { url, server };
    const tail = logTail(logPath);
    if (attempt < PORT_ATTEMPTS && PORT_TAKEN.test(tail)) continue;
    throw new Error(`PostgreSQL ended while starting (${readiness.ended}):\n${tail}`);
  }
}
