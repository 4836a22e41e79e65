// dbt's view of the sources, derived from the source definitions: each registered source becomes
// `models/models/staging/<name>/_<name>__sources.yml` (source `raw_<name>`, its raw tables with
// their grain, titles, column descriptions and types, and the landing columns the lake adds). No
// data tests here: `landRecords` already quarantines a row whose required column is missing, and
// a source test would fail every build of a lake where that source has not landed yet. Written by `node pipelines/scripts/write-dbt-sources.ts`; a test
// fails when a committed file differs from its definition, so dbt never describes a table twice.
import { join } from 'node:path';
import type { ColumnSpec } from '@sg/lake';
import type { RawTableDefinition, SourceDefinition } from '@sg/source-contract';

/** Columns the lake adds to every raw row (`landRecords`). */
const LANDING_COLUMNS: readonly ColumnSpec[] = [
  {
    name: '_landing_id',
    type: 'VARCHAR',
    required: true,
    description: '落地批次 ID（lake.meta.landings.landing_id）',
  },
  { name: '_window', type: 'VARCHAR', required: true, description: '落地窗口' },
  { name: '_landed_at', type: 'TIMESTAMP', required: true, description: '落地时间（UTC）' },
];

/** Where a source's dbt sources file lives, relative to the repository root. */
export function dbtSourcesFile(sourceName: string): string {
  return join('models', 'models', 'staging', sourceName, `_${sourceName}__sources.yml`);
}

/** A YAML scalar: JSON's double-quoted string is valid YAML and escapes everything needed. */
const quoted = (text: string): string => JSON.stringify(text);

function columnLines(column: ColumnSpec): string[] {
  return [
    `          - name: ${column.name}`,
    `            description: ${quoted(column.description ?? column.name)}`,
    `            data_type: ${column.type.toLowerCase()}`,
  ];
}

function tableLines(table: RawTableDefinition): string[] {
  return [
    `      - name: ${table.entity}`,
    `        description: ${quoted(`${table.title}。${table.description}`)}`,
    '        columns:',
    ...[...table.columns, ...LANDING_COLUMNS].flatMap(columnLines),
  ];
}

/** The dbt sources file of one source definition. */
export function dbtSourcesYaml(source: SourceDefinition): string {
  return [
    `# Generated from the ${source.name} source definition by pipelines/scripts/write-dbt-sources.ts;`,
    '# edit the connector, then run the script (a test compares this file with the definition).',
    'sources:',
    `  - name: raw_${source.name}`,
    `    description: ${quoted(`${source.title}的原始落地表（@sg/lake landRecords，按${source.partitioning === 'period' ? '所属期间（月）' : '落地窗口'}重落整体替换）。Raw tables of the ${source.name} source.`)}`,
    '    database: lake',
    `    schema: raw_${source.name}`,
    '    loaded_at_field: _landed_at',
    '    tables:',
    ...source.rawTables.flatMap(tableLines),
    '',
  ].join('\n');
}
