/**
 * The business landing of one window: for every declared legacy table, detect schema drift,
 * extract (in full the first time and for tables without `updated_at`; afterwards incrementally
 * from the lake's high watermark minus an overlap for late commits), land into
 * `raw_business.<table>`, and scan the keys to detect hard deletes. Then land the window's
 * deletions into `raw_business.deletions` and its drift findings into `raw_business.schema_drift`.
 * Each is one `landRecords` call (atomic replace of the window, manifest row in meta.landings,
 * quarantine table); re-landing a window replaces every one of them, so a rerun after a crash
 * leaves neither partial nor duplicate data.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { landRecords } from '@sg/lake';
import type { ColumnSpec, Lake, LandingResult } from '@sg/lake';
import type { BusinessSourceClient } from './client.ts';
import { extractKeys, extractTable } from './extract.ts';
import {
  BUSINESS_SOURCE,
  DELETIONS_ENTITY,
  SCHEMA_DRIFT_ENTITY,
  detectDeletedKeys,
  previousWatermark,
  withLakeConnection,
} from './lake-state.ts';
import type { DeletedKey } from './lake-state.ts';
import { detectSchemaDrift } from './schema-drift.ts';
import type { DriftFinding } from './schema-drift.ts';
import { BUSINESS_TABLES, utcToBeijingDatetime } from './type-mapping.ts';

/** Rows updated this long before the high watermark are read again (late commits). */
export const DEFAULT_OVERLAP_MINUTES = 10;

export const DELETION_COLUMNS: ColumnSpec[] = [
  { name: 'table_name', type: 'VARCHAR', required: true, description: '源表名' },
  { name: 'record_key', type: 'VARCHAR', required: true, description: '被删除记录的主键' },
  {
    name: 'last_landed_window',
    type: 'VARCHAR',
    required: true,
    description: '最后一次落地该记录的窗口',
  },
];

export const SCHEMA_DRIFT_COLUMNS: ColumnSpec[] = [
  { name: 'table_name', type: 'VARCHAR', required: true, description: '源表名' },
  { name: 'column_name', type: 'VARCHAR', required: false, description: '列名' },
  {
    name: 'change',
    type: 'VARCHAR',
    required: true,
    description: '差异类型：added 新增列、removed 删除列、retyped 类型变更、table_missing 表缺失',
  },
  { name: 'declared_type', type: 'VARCHAR', required: false, description: '映射声明的类型族' },
  { name: 'source_type', type: 'VARCHAR', required: false, description: '源库当前类型' },
  { name: 'description', type: 'VARCHAR', required: true, description: '说明' },
];

export interface LandBusinessOptions {
  /** The landing window (partition key); windows must sort in extraction order. */
  readonly window: string;
  /** 'auto' (default): incremental where possible; 'full': every table in full. */
  readonly mode?: 'auto' | 'full';
  readonly overlapMinutes?: number;
  readonly pageSize?: number;
  /** Parent of the temporary work directory (removed afterwards). Default: the OS temp dir. */
  readonly workDir?: string;
  /** Fault injection: called before each landing's COMMIT with the entity name. */
  readonly beforeCommit?: (entity: string) => Promise<void>;
}

export interface TableLanding {
  readonly table: string;
  readonly mode: 'full' | 'incremental';
  /** Beijing-local lower bound used (incremental), else null. */
  readonly updatedSince: string | null;
  readonly receivedCount: number;
  readonly deletedCount: number;
  readonly landing: LandingResult;
}

export interface BusinessLandingResult {
  readonly window: string;
  readonly tables: TableLanding[];
  readonly deletions: LandingResult;
  readonly deletedKeys: DeletedKey[];
  readonly drift: LandingResult;
  readonly driftFindings: DriftFinding[];
}

/** Beijing-local 'YYYY-MM-DD HH:MM:SS' of (UTC watermark − overlap). */
export function incrementalLowerBound(watermarkUtc: string, overlapMinutes: number): string {
  const ms = Date.parse(`${watermarkUtc.replace(' ', 'T')}Z`) - overlapMinutes * 60_000;
  return utcToBeijingDatetime(new Date(ms).toISOString().slice(0, 19).replace('T', ' '));
}

async function writeNdjson(path: string, records: readonly object[]): Promise<string> {
  await writeFile(path, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
  return path;
}

export async function landBusinessWindow(
  lake: Lake,
  client: BusinessSourceClient,
  options: LandBusinessOptions,
): Promise<BusinessLandingResult> {
  const { window } = options;
  const overlap = options.overlapMinutes ?? DEFAULT_OVERLAP_MINUTES;
  const commitHook = (entity: string) =>
    options.beforeCommit === undefined
      ? {}
      : { beforeCommit: () => options.beforeCommit?.(entity) ?? Promise.resolve() };
  const outDir = await mkdtemp(join(options.workDir ?? tmpdir(), 'sg-business-'));
  try {
    const tables: TableLanding[] = [];
    const driftFindings: DriftFinding[] = [];
    const deletedKeys: DeletedKey[] = [];
    // One consistent snapshot of the source for all tables (read-only; the lake commits inside).
    await client.inSnapshot(async () => {
      for (const mapped of BUSINESS_TABLES) {
        const sourceColumns = await client.describeTable(mapped.table);
        driftFindings.push(...detectSchemaDrift(mapped, sourceColumns));
        if (sourceColumns === null) continue;
        const watermark =
          options.mode === 'full'
            ? null
            : await withLakeConnection(lake, (c) => previousWatermark(c, mapped, window));
        const updatedSince = watermark === null ? null : incrementalLowerBound(watermark, overlap);
        const extracted = await extractTable(client, mapped, {
          outDir,
          sourceColumns,
          ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
          ...(updatedSince === null ? {} : { updatedSince }),
        });
        const keys = await extractKeys(client, mapped, { outDir });
        const deleted = await withLakeConnection(lake, (c) =>
          detectDeletedKeys(c, mapped, window, keys.count === 0 ? null : keys.keysPath),
        );
        deletedKeys.push(...deleted);
        const landing = await landRecords(
          lake,
          {
            source: BUSINESS_SOURCE,
            entity: mapped.table,
            window,
            columns: extracted.columns,
            ndjsonPath: extracted.ndjsonPath,
            quarantined: extracted.quarantined,
          },
          commitHook(mapped.table),
        );
        tables.push({
          table: mapped.table,
          mode: updatedSince === null ? 'full' : 'incremental',
          updatedSince,
          receivedCount: extracted.receivedCount,
          deletedCount: deleted.length,
          landing,
        });
      }
    });
    const deletions = await landRecords(
      lake,
      {
        source: BUSINESS_SOURCE,
        entity: DELETIONS_ENTITY,
        window,
        columns: DELETION_COLUMNS,
        ndjsonPath: await writeNdjson(join(outDir, 'deletions.ndjson'), deletedKeys),
        quarantined: [],
      },
      commitHook(DELETIONS_ENTITY),
    );
    const drift = await landRecords(
      lake,
      {
        source: BUSINESS_SOURCE,
        entity: SCHEMA_DRIFT_ENTITY,
        window,
        columns: SCHEMA_DRIFT_COLUMNS,
        ndjsonPath: await writeNdjson(join(outDir, 'schema-drift.ndjson'), driftFindings),
        quarantined: [],
      },
      commitHook(SCHEMA_DRIFT_ENTITY),
    );
    return { window, tables, deletions, deletedKeys, drift, driftFindings };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
