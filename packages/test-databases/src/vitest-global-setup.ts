// vitest globalSetup (vitest.config.ts): runs in vitest's main process before any worker exists.
// Starts the private servers for every kind whose SG_TEST_*_URL is unset and puts their URLs in
// process.env, which the workers (and the processes tests spawn) inherit. With both URLs set it
// starts nothing and the tests use those servers.
import { dataDirFromEnv } from '@sg/runtime-env';
import { startPrivateServers } from './private-servers.ts';
import { SERVER_KINDS, SERVER_URL_ENV } from './server-urls.ts';

/** Set while the suite runs on servers it started: their run folder (see private-servers.ts). */
export const RUN_DIR_ENV = 'SG_TEST_SERVERS_RUN_DIR';

const LABEL = { postgres: 'PostgreSQL', mariadb: 'MariaDB' } as const;

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const kinds = SERVER_KINDS.filter((kind) => (process.env[SERVER_URL_ENV[kind]] ?? '') === '');
  const given = SERVER_KINDS.filter((kind) => !kinds.includes(kind));
  for (const kind of given)
    console.log(`test servers: ${LABEL[kind]} from ${SERVER_URL_ENV[kind]}`);
  if (kinds.length === 0) return undefined;
  const dataDir = dataDirFromEnv();
  const started = Date.now();
  const servers = await startPrivateServers({ dataDir, kinds });
  for (const server of servers.servers) {
    process.env[SERVER_URL_ENV[server.kind]] = servers.urls[server.kind];
    console.log(
      `test servers: private ${LABEL[server.kind]} on 127.0.0.1:${String(server.port)} ` +
        `(pid ${String(server.pid)}, data ${server.dataDir})`,
    );
  }
  process.env[RUN_DIR_ENV] = servers.runDir;
  console.log(`test servers: ready in ${String(Date.now() - started)} ms`);
  return async () => {
    await servers.stop();
    for (const kind of kinds) Reflect.deleteProperty(process.env, SERVER_URL_ENV[kind]);
    Reflect.deleteProperty(process.env, RUN_DIR_ENV);
    console.log(`test servers: stopped and removed ${servers.runDir}`);
  };
}
