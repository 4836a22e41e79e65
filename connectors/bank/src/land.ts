/**
 * The bank landing: every complete drop in the inbox, extracted and landed into
 * `lake.raw_bank.{accounts,loans,loan_schedules,repayments,transactions}` for one window, one
 * landRecords call per entity (atomic replace of the window, manifest row, quarantine table).
 * The Parquet work files live in a temporary directory that is removed after.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { landRecords } from '@sg/lake';
import type { Lake, LandingResult } from '@sg/lake';
import { BANK_ENTITIES, extractBankDrops } from './extract.ts';
import type { BankEntity, BankFileReport } from './extract.ts';
import type { StatementLayout } from './layout-registry.ts';

export const BANK_SOURCE = 'bank';

/** Connections that verify and recognise the next files while the current one is read. */
const PREFETCH_READERS = 2;

export interface LandBankDropsOptions {
  /** The folder banks deliver into (env SG_BANK_INBOX_DIR in the CLI and pipelines). */
  readonly inboxDir: string;
  /** The landing window, e.g. '2025-06-30'. */
  readonly window: string;
  /** Parent of the temporary work directory. Default: the OS temp directory. */
  readonly workDir?: string;
  readonly registry?: readonly StatementLayout[];
  /** Fault-injection point before each entity's COMMIT (tests crash a landing there). */
  readonly beforeCommit?: (entity: BankEntity) => Promise<void>;
}

export interface BankEntityLanding extends LandingResult {
  /** Older identical copies from overlapping drops, landed once. */
  readonly collapsedDuplicates: number;
}

export interface BankLandingResult {
  readonly window: string;
  readonly dropIds: readonly string[];
  readonly files: readonly BankFileReport[];
  readonly unlistedFiles: readonly string[];
  readonly entities: Readonly<Record<BankEntity, BankEntityLanding>>;
}

export async function landBankDrops(
  lake: Lake,
  options: LandBankDropsOptions,
): Promise<BankLandingResult> {
  const outDir = await mkdtemp(join(options.workDir ?? tmpdir(), 'sg-bank-'));
  // Concurrency: own connections; orderedPrefetch runs one file per reader at a time (0006).
  const connection = await lake.connect();
  const readers = await Promise.all(Array.from({ length: PREFETCH_READERS }, () => lake.connect()));
  try {
    const extracted = await extractBankDrops(connection, {
      inboxDir: options.inboxDir,
      outDir,
      readers,
      ...(options.registry === undefined ? {} : { registry: options.registry }),
    });
    const entities: Partial<Record<BankEntity, BankEntityLanding>> = {};
    for (const entity of BANK_ENTITIES) {
      const extract = extracted.entities[entity];
      const { beforeCommit } = options;
      const landed = await landRecords(
        lake,
        {
          source: BANK_SOURCE,
          entity,
          window: options.window,
          columns: extract.columns,
          parquetPath: extract.parquetPath,
          quarantined: extract.quarantined,
        },
        beforeCommit === undefined ? {} : { beforeCommit: () => beforeCommit(entity) },
      );
      entities[entity] = { ...landed, collapsedDuplicates: extract.collapsedDuplicates };
    }
    return {
      window: options.window,
      dropIds: extracted.drops.map((drop) => drop.dropId),
      files: extracted.files,
      unlistedFiles: extracted.unlistedFiles,
      entities: entities as Record<BankEntity, BankEntityLanding>,
    };
  } finally {
    for (const reader of readers) reader.closeSync();
    connection.closeSync();
    await rm(outDir, { recursive: true, force: true });
  }
}
