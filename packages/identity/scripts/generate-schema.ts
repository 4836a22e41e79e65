// Regenerates better-auth's tables as SQL on an empty embedded PostgreSQL, printed on stdout:
//   node packages/identity/scripts/generate-schema.ts > /tmp/auth.sql
// The result, reviewed, is kept as a migration of @sg/app-db; better-auth never migrates at run time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@sg/embedded-postgres';
import { getMigrations } from 'better-auth/db/migration';
import pg from 'pg';
import { createIdentityAuth } from '../src/auth.ts';

const dir = mkdtempSync(join(tmpdir(), 'sg-identity-schema-'));
const server = await startEmbeddedPostgres({ dataDir: join(dir, 'db'), port: 0 });
const pool = new pg.Pool({ connectionString: server.connectionString, max: 1 });
try {
  const auth = createIdentityAuth({
    pool,
    secret: 'schema-generation-only-secret-0123456789',
    baseURL: 'http://localhost',
  });
  const { compileMigrations } = await getMigrations(auth.options);
  process.stdout.write(await compileMigrations());
} finally {
  await pool.end();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
