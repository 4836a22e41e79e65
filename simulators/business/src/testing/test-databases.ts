// Test support: a fresh, uniquely named legacy database on each backend, dropped afterwards.
// PostgreSQL and MariaDB: the test run's servers (SG_TEST_POSTGRES_URL / SG_TEST_MARIADB_URL, see
// @sg/test-databases); embedded: a PGlite server from @sg/embedded-postgres on a free port in a temporary
// directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@sg/embedded-postgres';
import { createMariadbTestDatabase, createPostgresTestDatabase } from '@sg/test-databases';

export type TestBackendKind = 'postgres' | 'mariadb' | 'embedded';
export const TEST_BACKEND_KINDS: readonly TestBackendKind[] = ['postgres', 'mariadb', 'embedded'];

export interface TestLegacyDatabase {
  readonly kind: TestBackendKind;
  readonly url: string;
  dispose(): Promise<void>;
}

async function embeddedDatabase(): Promise<TestLegacyDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'sg-business-db-'));
  const server = await startEmbeddedPostgres({ dataDir: join(dir, 'business-db'), port: 0 });
  return {
    kind: 'embedded',
    url: server.connectionString,
    dispose: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function createTestLegacyDatabase(kind: TestBackendKind): Promise<TestLegacyDatabase> {
  if (kind === 'postgres') return createPostgresTestDatabase('sg_business_test');
  if (kind === 'mariadb') return createMariadbTestDatabase('sg_business_test');
  return embeddedDatabase();
}

/** The hand-written small world (contract format) under src/fixtures/world-small. */
export const SMALL_WORLD_DIR = join(import.meta.dirname, '..', 'fixtures', 'world-small');
