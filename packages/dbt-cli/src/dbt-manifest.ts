// The dbt project as dbt itself parses it (target/manifest.json): its models, seeds and sources
// with their descriptions, relations and dependencies. Only the fields the platform reads are
// validated; dbt adds many more.
import { z } from 'zod';

const dependsOnSchema = z.object({ nodes: z.array(z.string()).default([]) });

const manifestNodeSchema = z.object({
  unique_id: z.string(),
  resource_type: z.string(),
  name: z.string(),
  schema: z.string(),
  alias: z.string().nullish(),
  description: z.string().default(''),
  meta: z.record(z.string(), z.unknown()).default({}),
  depends_on: dependsOnSchema.default({ nodes: [] }),
});

const manifestSourceSchema = z.object({
  unique_id: z.string(),
  source_name: z.string(),
  name: z.string(),
  schema: z.string(),
  identifier: z.string().nullish(),
});

export const dbtManifestSchema = z.object({
  nodes: z.record(z.string(), manifestNodeSchema),
  sources: z.record(z.string(), manifestSourceSchema),
});

export type DbtManifest = z.output<typeof dbtManifestSchema>;

/** A model or seed of the project, as the platform sees it. */
export interface DbtResource {
  readonly uniqueId: string;
  readonly kind: 'model' | 'seed';
  /** The dbt name (`--select` takes it). */
  readonly name: string;
  readonly schema: string;
  /** The table or view name in its schema (the alias, else the name). */
  readonly relationName: string;
  readonly description: string;
  /** `config.meta.title`: the Chinese title, '' when the YAML gives none. */
  readonly title: string;
  /** Models and seeds this one is built from (unique ids). */
  readonly dependsOn: readonly string[];
  /** Sources this one reads, as `<schema>.<table>` (e.g. `raw_commerce.enterprises`). */
  readonly sources: readonly string[];
}

/** The models and seeds of a parsed manifest, in the manifest's order. */
export function dbtResources(manifest: DbtManifest): DbtResource[] {
  const sourceTables = new Map(
    Object.values(manifest.sources).map((source) => [
      source.unique_id,
      `${source.schema}.${source.identifier ?? source.name}`,
    ]),
  );
  return Object.values(manifest.nodes)
    .filter(
      (node): node is typeof node & { resource_type: 'model' | 'seed' } =>
        node.resource_type === 'model' || node.resource_type === 'seed',
    )
    .map((node) => {
      const title = node.meta['title'];
      return {
        uniqueId: node.unique_id,
        kind: node.resource_type,
        name: node.name,
        schema: node.schema,
        relationName: node.alias ?? node.name,
        description: node.description.trim().replace(/\s+/g, ' '),
        title: typeof title === 'string' ? title : '',
        dependsOn: node.depends_on.nodes.filter((id) => !id.startsWith('source.')),
        sources: node.depends_on.nodes.flatMap((id) => {
          const table = sourceTables.get(id);
          return table === undefined ? [] : [table];
        }),
      };
    });
}
