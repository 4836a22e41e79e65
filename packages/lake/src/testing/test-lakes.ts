import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { resolveExtensionDirectory } from '../extension-directory.ts';
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

/** The test PostgreSQL server (the machine's; trust auth). Env SG_TEST_PG_* overrides. */
export function testPostgresSettings(env: NodeJS.ProcessEnv = process.env): {
  host: string;
  port: number;
  user: string;
  adminDatabase: string;
} {
  return {
    host: env['SG_TEST_PG_HOST'] ?? '127.0.0.1',
    port: Number(env['SG_TEST_PG_PORT'] ?? '5432'),
    user: env['SG_TEST_PG_USER'] ?? 'postgres',
    adminDatabase: env['SG_TEST_PG_DATABASE'] ?? 'test',
  };
}

async function withAdminClient(work: (client: pg.Client) => Promise<void>): Promise<void> {
  const settings = testPostgresSettings();
  const client = new pg.Client({
    host: settings.host,
    port: settings.port,
    user: settings.user,
    database: settings.adminDatabase,
  });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

function uniqueDatabaseName(): string {
  const random = Math.random().toString(36).slice(2, 10);
  return `sg_lake_test_${process.pid}_${random}`;
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
  const database = uniqueDatabaseName();
  await withAdminClient(async (client) => {
    await client.query(`create database ${database}`);
  });
  const settings = testPostgresSettings();
  return {
    kind,
    dir,
    config: {
      ...base,
      catalog: {
        kind: 'postgres',
        dsn: `dbname=${database} host=${settings.host} port=${settings.port} user=${settings.user}`,
      },
    },
    dispose: async () => {
      await withAdminClient(async (client) => {
        await client.query(`drop database if exists ${database} with (force)`);
      });
      await rm(dir, { recursive: true, force: true });
    },
  };
}
