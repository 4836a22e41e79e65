import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@sg/runtime-env';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { dbtSourcesFile, dbtSourcesYaml } from './dbt-sources.ts';
import { SOURCES } from './registry.ts';

const root = findRepoRoot(import.meta.dirname);

const sourcesFileSchema = z.object({
  sources: z.array(
    z.object({
      name: z.string(),
      schema: z.string(),
      tables: z.array(
        z.object({
          name: z.string(),
          description: z.string(),
          columns: z.array(
            z.object({
              name: z.string(),
              description: z.string(),
              data_type: z.string(),
            }),
          ),
        }),
      ),
    }),
  ),
});

describe.each(SOURCES.map((source) => [source.name, source] as const))(
  'dbt sources of %s',
  (name, source) => {
    it('are the committed file (run node pipelines/scripts/write-dbt-sources.ts after changing the connector)', () => {
      const committed = readFileSync(join(root, dbtSourcesFile(name)), 'utf8');
      expect(committed).toBe(dbtSourcesYaml(source));
    });

    it('declare every raw table and column of the definition with its type', () => {
      const file = sourcesFileSchema.parse(parse(dbtSourcesYaml(source)));
      const [declared] = file.sources;
      expect(declared?.name).toBe(`raw_${name}`);
      expect(declared?.tables.map((t) => t.name)).toEqual(source.rawTables.map((t) => t.entity));
      for (const table of source.rawTables) {
        const columns = declared?.tables.find((t) => t.name === table.entity)?.columns ?? [];
        for (const column of table.columns) {
          const found = columns.find((c) => c.name === column.name);
          expect(found?.data_type, `${table.entity}.${column.name}`).toBe(
            column.type.toLowerCase(),
          );
        }
        expect(columns.map((c) => c.name)).toContain('_landed_at');
      }
    });
  },
);
