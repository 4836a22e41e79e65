// The built console as a child process on a free port, on a private PostgreSQL with the migrations
// and the demo identities (one user per role, privileged ones with TOTP).
import path from 'node:path';
import { seedDemoIdentities, type DemoUser } from '@sg/admin-api';
import { createMigratedTestPool } from '@sg/app-db/testing';
import { createIdentityAuth } from '@sg/identity';
import {
  buildApp,
  buildIsStale,
  freePort,
  startNode,
  waitForHttp,
  type RunningProcess,
} from '@sg/app-process-testing';

export const APP_DIR = path.resolve(import.meta.dirname, '..');
const SECRET = 'console-e2e-secret-0123456789abcdefghijkl';

export interface ConsoleServer {
  readonly url: string;
  readonly users: readonly DemoUser[];
  stop(): Promise<void>;
}

export async function startConsole(databaseName: string): Promise<ConsoleServer> {
  if (buildIsStale(APP_DIR)) await buildApp(APP_DIR);
  const database = await createMigratedTestPool(databaseName);
  const { pool } = database;
  const port = await freePort();
  const url = `http://127.0.0.1:${String(port)}`;
  const users = await seedDemoIdentities(
    pool,
    createIdentityAuth({ pool, secret: SECRET, baseURL: url }),
  );
  const app: RunningProcess = startNode('console', [path.join(APP_DIR, 'build/index.js')], {
    cwd: APP_DIR,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      SG_AUTH_SECRET: SECRET,
      HOST: '127.0.0.1',
      PORT: String(port),
      ORIGIN: url,
    },
  });
  try {
    await waitForHttp(`${url}/signin`, app);
  } catch (caught) {
    await app.stop();
    await database.dispose();
    throw caught;
  }
  return {
    url,
    users,
    stop: async () => {
      await app.stop();
      await database.dispose();
    },
  };
}
