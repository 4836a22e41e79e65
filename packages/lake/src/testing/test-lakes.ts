import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresTestDatabase, libpqKeywordDsn } from '@sg/test-databases';
import { resolveExtensionDirectory } from '@sg/duckdb-instance';
import type { LakeConfig } from '../lake-config.ts';

/** Catalog kinds the lake suite runs against. */
export const TEST_CATALOG_KINDS = ['sqlite', 'postgres'] as const;
export type TestCatalogKind = (typeof TEST_CATALOG_KINDS)[number];

/** A throw-away lake: its own temp folder and, for PostgreSQL, its own database. */
export interface TestLake {
  kind: TestCatalogKind;
  config: LakeConfig;
  /** Temp folder holding data (and the SQLite catalog); removed by dispose. */
  dir: string;
  dispose(): Promise<void>;
}

/** Creates a fresh lake of the given kind under a new temp folder. */
export async function createTestLake(kind: TestCatalogKind): Promise<TestLake> {
  const dir = await mkdtemp(join(tmpdir(), `sg-lake-${kind}-`));
  const base = {
    dataDir: dir,
    dataPath: join(dir, 'lake', 'data') + '/',
    extensionDirectory: resolveExtensionDirectory(),
  };
  if (kind === 'sqlite') {
    return {
      kind,
      dir,
      config: { ...base, catalog: { kind: 'sqlite', path: join(dir, 'lake', 'catalog.sqlite') } },
      dispose: () => rm(dir, { recursive: true, force: true }),
    };
  }
  // The catalog database lives on the tests' PostgreSQL (SG_TEST_POSTGRES_URL, see @sg/test-databases).
  const database = await createPostgresTestDatabase('sg_lake_test');
  return {
    kind,
    dir,
    config: { ...base, catalog: { kind: 'postgres', dsn: libpqKeywordDsn(database.url) } },
    dispose: async () => {
      await database.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
