/**
 * Extraction of bank drops into one Parquet file per raw entity. For every drop in the inbox (a
 * folder with manifest.json; hidden `.…partial` folders are still being written) each listed file
 * is checked against the manifest (sha256), recognised by content (layout registry), parsed by
 * DuckDB into temp tables and checked in SQL; copies from overlapping drops are resolved per
 * natural key. Rows stay in DuckDB: only problem rows come back to JS, as quarantine records.
 */
import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlIdentifier, sqlString } from '@sg/sql-text';
import type { ColumnSpec, QuarantinedRecord } from '@sg/lake';
import { z } from 'zod';
import { BankFileError } from './bank-errors.ts';
import { dedupeSql } from './dedupe-sql.ts';
import { detectFile } from './detect-layout.ts';
import { fileSha256 } from './file-digest.ts';
import { orderedPrefetch } from './ordered-prefetch.ts';
import { STATEMENT_LAYOUTS } from './layout-registry.ts';
import type { StatementLayout } from './layout-registry.ts';
import {
  createRecordStagedSql,
  recordColumns,
  recordStagedTable,
  stageRecordFile,
} from './record-staging.ts';
import { RECORD_ENTITIES, RECORD_LAYOUTS } from './record-layouts.ts';
import { DROP_MANIFEST_FILE, dropManifestSchema } from './schemas.ts';
import type { DropManifest } from './schemas.ts';
import {
  TXN_STAGED_TABLE,
  createStatementStaging,
  createTxnStagedSql,
  statementFileKey,
  unknownColumns,
} from './statement-staging.ts';
import { BANK_TRANSACTION_COLUMNS } from './type-mapping.ts';

/** The raw entities a bank landing writes, in landing order. */
export const BANK_ENTITIES = [...RECORD_ENTITIES, 'transactions'] as const;
export type BankEntity = (typeof BANK_ENTITIES)[number];

export interface ExtractBankDropsOptions {
  /** The folder the banks deliver into (one sub-folder per drop). */
  readonly inboxDir: string;
  /** Where the Parquet files are written. */
  readonly outDir: string;
  /** Statement layouts to recognise (default: the built-in registry). */
  readonly registry?: readonly StatementLayout[];
  /**
   * Spare connections to the same DuckDB instance: the next files are verified and recognised on
   * them while the current one is read (default none: one file after the other on `connection`).
   */
  readonly readers?: readonly DuckDBConnection[];
}

export interface BankFileReport {
  readonly dropId: string;
  readonly file: string;
  /** A statement layout id or a record entity. */
  readonly recognisedAs: string;
  readonly rows: number;
  readonly unknownColumns: readonly string[];
  readonly totalsProblem?: string;
}

export interface EntityExtract {
  readonly entity: BankEntity;
  /** The rows to land, written by DuckDB as Parquet (text columns). */
  readonly parquetPath: string;
  readonly columns: ColumnSpec[];
  /** Rows written to the Parquet file. */
  readonly count: number;
  /** Older identical copies from overlapping drops, not landed twice. */
  readonly collapsedDuplicates: number;
  readonly quarantined: QuarantinedRecord[];
}

export interface ExtractBankDropsResult {
  readonly drops: readonly DropManifest[];
  readonly files: readonly BankFileReport[];
  /** Files lying in a drop folder but not listed in its manifest (not read). */
  readonly unlistedFiles: readonly string[];
  readonly entities: Readonly<Record<BankEntity, EntityExtract>>;
}

interface Drop {
  readonly dir: string;
  readonly manifest: DropManifest;
}

async function readDrops(inboxDir: string): Promise<Drop[]> {
  const entries = await readdir(inboxDir, { withFileTypes: true });
  const drops: Drop[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dir = join(inboxDir, entry.name);
    let text: string;
    try {
      text = await readFile(join(dir, DROP_MANIFEST_FILE), 'utf8');
    } catch {
      continue; // no manifest yet: the drop is not complete
    }
    const parsed = dropManifestSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      throw new BankFileError(
        'manifest_invalid',
        `投递「${entry.name}」的清单无效：${parsed.error.issues.map((issue) => issue.message).join('；')}`,
        join(dir, DROP_MANIFEST_FILE),
      );
    }
    drops.push({ dir, manifest: parsed.data });
  }
  // Older drops first; a later drop's copy of a record wins.
  return drops.sort((a, b) =>
    [a.manifest.periodEnd, a.manifest.periodStart, a.manifest.dropId]
      .join(' ')
      .localeCompare([b.manifest.periodEnd, b.manifest.periodStart, b.manifest.dropId].join(' ')),
  );
}

async function verifyListedFile(
  dir: string,
  listed: DropManifest['files'][number],
): Promise<string> {
  const path = join(dir, listed.file);
  let digest: string;
  try {
    digest = await fileSha256(path);
  } catch (error: unknown) {
    throw new BankFileError('file_mismatch', `投递清单列出的文件「${listed.file}」不存在`, path, {
      cause: error,
    });
  }
  if (digest !== listed.sha256) {
    throw new BankFileError(
      'file_mismatch',
      `文件「${listed.file}」的 sha256 与投递清单不符（文件不完整或被改动）`,
      path,
    );
  }
  return path;
}

const quarantineRowSchema = z.object({
  record: z.string(),
  reason: z.string(),
  reason_code: z.string(),
});

const countRowSchema = z.object({ kept: z.coerce.number(), collapsed: z.coerce.number() });

interface EntityTables {
  staged: string;
  columns: ColumnSpec[];
  key: string[];
  order: string[];
}

function entityTables(entity: BankEntity): EntityTables {
  if (entity === 'transactions') {
    return {
      staged: TXN_STAGED_TABLE,
      columns: [...BANK_TRANSACTION_COLUMNS],
      key: ['bank_code', 'txn_key'],
      order: ['bank_code', 'account_no', 'txn_time', 'txn_key'],
    };
  }
  const layout = RECORD_LAYOUTS[entity];
  return {
    staged: recordStagedTable(entity),
    columns: recordColumns(entity),
    key: ['bank_code', ...layout.key],
    order: ['bank_code', ...layout.key],
  };
}

const LINEAGE = new Set(['drop_id', 'source_file', 'source_row', 'statement_layout', 'txn_key']);

async function finishEntity(
  connection: DuckDBConnection,
  entity: BankEntity,
  outDir: string,
): Promise<EntityExtract> {
  const tables = entityTables(entity);
  const kept = `bank_${entity}_kept`;
  const copies = `bank_${entity}_copies`;
  const content = tables.columns.map((column) => column.name).filter((name) => !LINEAGE.has(name));
  for (const sql of dedupeSql({ staged: tables.staged, kept, copies }, tables.key, content)) {
    await connection.run(sql);
  }
  const names = tables.columns.map((column) => sqlIdentifier(column.name));
  const record = `to_json(struct_pack(${names.map((name) => `${name} := ${name}`).join(', ')}))::varchar`;
  const quarantineReader = await connection.runAndReadAll(
    `select ${record} as record, _problem_code as reason_code, _problem as reason ` +
      `from ${tables.staged} where _problem_code is not null ` +
      `union all select ${record}, 'duplicate_conflict', ` +
      `${sqlString('与较新投递中同一键的记录内容不同，已保留较新的记录（')} || _kept_origin || ` +
      `${sqlString('）[duplicate_conflict]')} from ${copies} where not _collapsed ` +
      `order by reason_code, record`,
  );
  const quarantined = z
    .array(quarantineRowSchema)
    .parse(quarantineReader.getRowObjectsJson())
    .map((row) => ({ record: row.record, reason: row.reason, reasonCode: row.reason_code }));
  const parquetPath = join(outDir, `bank-${entity}.parquet`);
  await connection.run(
    `copy (select ${names.join(', ')} from ${kept} order by ${tables.order.map(sqlIdentifier).join(', ')}) ` +
      `to ${sqlString(parquetPath)} (format parquet)`,
  );
  const counts = countRowSchema.parse(
    (
      await connection.runAndReadAll(
        `select (select count(*) from ${kept}) as kept, ` +
          `(select count(*) from ${copies} where _collapsed) as collapsed`,
      )
    ).getRowObjectsJson()[0],
  );
  await connection.run(`drop table ${kept}; drop table ${copies}; drop table ${tables.staged};`);
  return {
    entity,
    parquetPath,
    columns: tables.columns,
    count: counts.kept,
    collapsedDuplicates: counts.collapsed,
    quarantined,
  };
}

/** Loads the DuckDB extensions bank files need, offline: XLSX reading and time zones. */
export async function loadBankFileExtensions(connection: DuckDBConnection): Promise<void> {
  await connection.run('load excel; load icu;');
}

export async function extractBankDrops(
  connection: DuckDBConnection,
  options: ExtractBankDropsOptions,
): Promise<ExtractBankDropsResult> {
  const registry = options.registry ?? STATEMENT_LAYOUTS;
  await loadBankFileExtensions(connection);
  const drops = await readDrops(options.inboxDir);
  await connection.run(createTxnStagedSql());
  for (const entity of RECORD_ENTITIES) await connection.run(createRecordStagedSql(entity));
  const statements = createStatementStaging(connection);
  /** Per listed file, in manifest order; statement rows are known after normalising. */
  const pending: {
    report: Omit<BankFileReport, 'rows'> & { rows?: number };
    declaredRows: number;
    path: string;
    statementKey?: string;
  }[] = [];
  const unlistedFiles: string[] = [];
  const listedFiles: { drop: Drop; dropRank: number; listed: DropManifest['files'][number] }[] = [];
  for (const [index, drop] of drops.entries()) {
    const listed = new Set(drop.manifest.files.map((file) => file.file));
    for (const entry of await readdir(drop.dir)) {
      if (entry !== DROP_MANIFEST_FILE && !listed.has(entry))
        unlistedFiles.push(join(basename(drop.dir), entry));
    }
    for (const file of drop.manifest.files)
      listedFiles.push({ drop, dropRank: index + 1, listed: file });
  }
  const readers = options.readers ?? [];
  for (const reader of readers) await loadBankFileExtensions(reader);
  const recognised = orderedPrefetch(
    listedFiles,
    readers.length > 0 ? readers : [connection],
    async ({ drop, dropRank, listed }, reader) => {
      const path = await verifyListedFile(drop.dir, listed);
      return {
        manifest: drop.manifest,
        dropRank,
        listed,
        path,
        detected: await detectFile(reader, path, registry),
      };
    },
  );
  for await (const { manifest, dropRank, listed: listedFile, path, detected } of recognised) {
    const source = {
      path,
      bankCode: manifest.bankCode,
      dropId: manifest.dropId,
      dropRank,
      workDir: options.outDir,
    };
    const base = { dropId: manifest.dropId, file: listedFile.file };
    if (detected.kind === 'statement') {
      await statements.readFile(source, detected);
      pending.push({
        report: {
          ...base,
          recognisedAs: detected.layout.id,
          unknownColumns: unknownColumns(detected),
        },
        declaredRows: listedFile.rows,
        path,
        statementKey: statementFileKey(manifest.dropId, path),
      });
    } else {
      const staged = await stageRecordFile(connection, source, detected.entity, detected.headers);
      pending.push({
        report: {
          ...base,
          recognisedAs: detected.entity,
          rows: staged.rows,
          unknownColumns: staged.unknownColumns,
        },
        declaredRows: listedFile.rows,
        path,
      });
    }
  }
  const facts = await statements.normalise();
  const files: BankFileReport[] = pending.map(({ report, declaredRows, path, statementKey }) => {
    const fileFacts = statementKey === undefined ? undefined : facts.get(statementKey);
    const rows = report.rows ?? fileFacts?.rows ?? 0;
    if (rows !== declaredRows) {
      throw new BankFileError(
        'row_count_mismatch',
        `文件「${report.file}」解析出 ${String(rows)} 行，投递清单声明 ${String(declaredRows)} 行`,
        path,
      );
    }
    return {
      ...report,
      rows,
      ...(fileFacts?.totalsProblem === undefined ? {} : { totalsProblem: fileFacts.totalsProblem }),
    };
  });
  const entities = {} as Record<BankEntity, EntityExtract>;
  for (const entity of BANK_ENTITIES) {
    entities[entity] = await finishEntity(connection, entity, options.outDir);
  }
  return { drops: drops.map((drop) => drop.manifest), files, unlistedFiles, entities };
}
