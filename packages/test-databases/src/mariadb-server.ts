// A private MariaDB for one test run, from Debian's packages: mariadb-install-db into the run's
// folder (root reachable only through a unix socket), then mariadbd on a free 127.0.0.1 port whose
// --init-file creates root@127.0.0.1 with the run's password before it accepts connections.
import { chownSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as mariadb from 'mariadb';
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
import { adminUrl } from './server-urls.ts';

const SEARCH_PATH = ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin'];

function findExecutable(names: readonly string[]): string {
  for (const dir of [...SEARCH_PATH, ...(process.env['PATH'] ?? '').split(':')]) {
    for (const name of names) {
      const path = join(dir, name);
      if (dir !== '' && existsSync(path)) return path;
    }
  }
  throw new Error(
    `no ${names.join(' or ')} found: run \`npx just setup-test\` (installs Debian's ` +
      `mariadb-server) or set SG_TEST_MARIADB_URL`,
  );
}

export function findMariadbExecutables(): { server: string; installDb: string } {
  return {
    server: findExecutable(['mariadbd', 'mysqld']),
    installDb: findExecutable(['mariadb-install-db', 'mysql_install_db']),
  };
}

const PORT_ATTEMPTS = 3;
const READY_TIMEOUT_MS = 60_000;
const PORT_TAKEN = /already in use/i;
/** sun_path holds 108 bytes; a deep checkout puts the socket in /tmp instead. */
const MAX_SOCKET_PATH = 100;

async function probe(port: number, password: string): Promise<void> {
  const connection = await mariadb.createConnection({
    host: '127.0.0.1',
    port,
    user: 'root',
    password,
    connectTimeout: 2_000,
  });
  try {
    await connection.query('select 1');
  } finally {
    await connection.end();
  }
}

/** SQL run by mariadbd before it listens: the run's admin account, reachable over TCP only. */
export function initSql(password: string): string {
  const quoted = `'${password.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  return [
    `create or replace user 'root'@'127.0.0.1' identified by ${quoted};`,
    `grant all privileges on *.* to 'root'@'127.0.0.1' with grant option;`,
    '',
  ].join('\n');
}

export async function startMariadb(options: ServerStartOptions): Promise<StartedServer> {
  const { runDir, password, account } = options;
  const executables = findMariadbExecutables();
  const dataDir = join(runDir, 'mariadb');
  const logPath = join(runDir, 'mariadb.log');
  const initFile = join(runDir, 'mariadb-init.sql');
  const userArgs = account === undefined ? [] : [`--user=${account.name}`];
  const socketInRun = join(dataDir, 'mariadb.sock');
  const socket =
    socketInRun.length <= MAX_SOCKET_PATH
      ? socketInRun
      : join(tmpdir(), `sg-mariadb-${String(process.pid)}-${String(Date.now())}.sock`);
  mkdirSync(dataDir, { mode: 0o700 });
  if (account !== undefined) chownSync(dataDir, account.uid, account.gid);
  await runToCompletion({
    command: executables.installDb,
    args: [
      '--no-defaults',
      `--datadir=${dataDir}`,
      ...userArgs,
      '--skip-test-db',
      '--skip-name-resolve',
      '--innodb-log-file-size=8M',
    ],
    logPath,
    account: undefined, // as root it needs root to chown the data directory (--user drops rights)
  });
  writeFileSync(initFile, initSql(password), { mode: 0o600 });
  if (account !== undefined) chownSync(initFile, account.uid, account.gid);
  try {
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const launched = launchDetached({
        command: executables.server,
        args: [
          '--no-defaults',
          `--datadir=${dataDir}`,
          ...userArgs,
          '--skip-networking=0',
          '--bind-address=127.0.0.1',
          `--port=${String(port)}`,
          `--socket=${socket}`,
          `--pid-file=${join(dataDir, 'mariadbd.pid')}`,
          '--skip-name-resolve',
          `--init-file=${initFile}`,
          '--innodb-log-file-size=8M',
          '--innodb-flush-log-at-trx-commit=2',
          '--character-set-server=utf8mb4',
          '--collation-server=utf8mb4_general_ci',
        ],
        logPath,
        account: undefined, // mariadbd switches to --user itself, after opening its files
      });
      const server: RunServer = {
        kind: 'mariadb',
        pid: launched.pid,
        startTicks: processStat(launched.pid)?.startTicks ?? 0,
        port,
        dataDir,
      };
      options.onLaunch(server);
      const readiness = await waitUntilReady(
        launched,
        () => probe(port, password),
        READY_TIMEOUT_MS,
      );
      if (readiness.ready) return { url: adminUrl('mariadb', port, password), server };
      const tail = logTail(logPath);
      if (attempt < PORT_ATTEMPTS && PORT_TAKEN.test(tail)) continue;
      throw new Error(`MariaDB ended while starting (${readiness.ended}):\n${tail}`);
    }
  } finally {
    rmSync(initFile, { force: true });
  }
}
