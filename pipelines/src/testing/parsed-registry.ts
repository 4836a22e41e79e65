// The real registry for tests: the registered sources and the dbt project as `dbt parse` reads it
// (about five seconds; dbt parse needs the profile's settings, not a lake).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDbtProject } from '@sg/dbt-cli';
import type { DbtManifest } from '@sg/dbt-cli';
import { lakeConfigFromEnv } from '@sg/lake';
import { SOURCES, createPipelineRegistry } from '../assets/registry.ts';
import type { PipelineRegistry } from '../assets/registry.ts';

/** `dbt parse` of models/ with a scratch data folder, removed after. */
export async function parseModelsProject(): Promise<DbtManifest> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'sg-dbt-parse-'));
  try {
    return await parseDbtProject({ lakeConfig: lakeConfigFromEnv({ SG_DATA_DIR: dataDir }) });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The registry the worker loads: every registered source and the parsed dbt project. */
export async function parsedRegistry(): Promise<PipelineRegistry> {
  return createPipelineRegistry({ sources: SOURCES, dbtManifest: await parseModelsProject() });
}
