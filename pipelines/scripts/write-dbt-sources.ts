// Writes models/models/staging/<source>/_<source>__sources.yml for every registered source from its
// definition. Run after changing a connector's raw tables:
//   node pipelines/scripts/write-dbt-sources.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findRepoRoot } from '@sg/runtime-env';
import { dbtSourcesFile, dbtSourcesYaml } from '../src/assets/dbt-sources.ts';
import { SOURCES } from '../src/assets/registry.ts';

const root = findRepoRoot(import.meta.dirname);
for (const source of SOURCES) {
  const path = join(root, dbtSourcesFile(source.name));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, dbtSourcesYaml(source));
  console.log(`wrote ${dbtSourcesFile(source.name)}`);
}
