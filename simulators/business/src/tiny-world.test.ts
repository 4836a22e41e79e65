import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWorld } from '@sg/sim-world';
import type { WorldManifest } from '@sg/sim-world';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLegacyDatabase } from './legacy-database.ts';
import { LEGACY_TABLES } from './legacy-schema.ts';
import { seedBusinessDatabase } from './seeder.ts';
import { createTestLegacyDatabase } from './testing/test-databases.ts';
import type { TestBackendKind } from './testing/test-databases.ts';

let worldDir: string;
let manifest: WorldManifest;

beforeAll(async () => {
  worldDir = await mkdtemp(join(tmpdir(), 'sg-business-tiny-'));
  manifest = await generateWorld({ size: 'tiny', outDir: worldDir });
});

afterAll(async () => {
  await rm(worldDir, { recursive: true, force: true });
});

describe.each<TestBackendKind>(['postgres', 'mariadb'])('seeding the tiny world (%s)', (kind) => {
  it('loads every business file of the generated world with its manifest row count', async () => {
    const testDb = await createTestLegacyDatabase(kind);
    const db = await connectLegacyDatabase(testDb.url);
    try {
      const result = await seedBusinessDatabase(db, { worldDir });
      expect(result.missingFiles).toEqual([]);
      for (const table of LEGACY_TABLES) {
        const expected = manifest.files[`sources/business/${table.name}.ndjson`]?.rows;
        expect(result.rowCounts[table.name], table.name).toBe(expected);
        const [counted] = await db.queryText(`SELECT count(*) AS n FROM ${table.name}`);
        expect(counted?.['n'], table.name).toBe(String(expected));
      }
    } finally {
      await db.close();
      await testDb.dispose();
    }
  });
});
