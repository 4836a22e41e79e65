/**
 * The monthly-drop landing: one drop folder (one period) → `lake.raw_tax.vat_invoices` and
 * `lake.raw_tax.tax_payments`, window = the period. Both files are extracted and checked first
 * (a refused file stops the drop before anything lands); then each entity is one landRecords call,
 * which replaces the period atomically: a corrected drop (_02) for an earlier month replaces what
 * _01 landed, and a crash mid-landing leaves the previous state of that entity, fixed by a rerun.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOfflineInstance } from '@sg/duckdb-instance';
import { landRecords } from '@sg/lake';
import type { Lake, LandRecordsOptions, LandingResult } from '@sg/lake';
import { readDropManifest } from './drop-manifest.ts';
import { extractDropFile } from './extract-drop.ts';
import type { DriftNotice, FileExtractResult } from './extract-drop.ts';
import type { TaxFileEntity } from './type-mapping.ts';

export const TAX_SOURCE = 'tax';
export const TAX_FILE_ENTITIES: readonly TaxFileEntity[] = ['vat_invoices', 'tax_payments'];

export interface LandDropOptions {
  /** Which of the two formats to land (both hold the same rows). Default 'csv'. */
  readonly format?: 'csv' | 'xlsx';
  /** Parent of the temporary work directory. Default: the OS temp directory. */
  readonly workDir?: string;
  /** Passed to every landRecords call (tests inject a crash before COMMIT here). */
  readonly landOptions?: (entity: TaxFileEntity) => LandRecordsOptions;
}

export interface EntityLanding {
  readonly entity: TaxFileEntity;
  readonly fileName: string;
  readonly fileRows: number;
  readonly landing: LandingResult;
  readonly drift: DriftNotice[];
}

export interface DropLandingResult {
  readonly period: string;
  readonly sequence: number;
  readonly entities: EntityLanding[];
}

export async function extractDrop(
  dropDir: string,
  outDir: string,
  extensionDirectory: string,
  format: 'csv' | 'xlsx' = 'csv',
): Promise<{ period: string; sequence: number; files: FileExtractResult[] }> {
  const manifest = await readDropManifest(dropDir);
  // Concurrency: this drop's own instance, one connection per file in turn (0006).
  const instance = await createOfflineInstance({ extensionDirectory });
  try {
    const files: FileExtractResult[] = [];
    for (const entity of TAX_FILE_ENTITIES) {
      const file = manifest.files.find(
        (entry) => entry.entity === entity && entry.format === format,
      );
      if (file === undefined) continue;
      const connection = await instance.connect();
      try {
        await connection.run(format === 'xlsx' ? 'load json; load excel' : 'load json');
        files.push(await extractDropFile(connection, { dropDir, manifest, file, outDir }));
      } finally {
        connection.closeSync();
      }
    }
    return { period: manifest.period, sequence: manifest.sequence, files };
  } finally {
    instance.closeSync();
  }
}

export async function landTaxDrop(
  lake: Lake,
  dropDir: string,
  options: LandDropOptions = {},
): Promise<DropLandingResult> {
  const outDir = await mkdtemp(join(options.workDir ?? tmpdir(), 'sg-tax-'));
  try {
    const extracted = await extractDrop(
      dropDir,
      outDir,
      lake.config.extensionDirectory,
      options.format ?? 'csv',
    );
    const entities: EntityLanding[] = [];
    for (const file of extracted.files) {
      const landing = await landRecords(
        lake,
        {
          source: TAX_SOURCE,
          entity: file.entity,
          window: extracted.period,
          columns: file.columns,
          parquetPath: file.parquetPath,
          quarantined: file.quarantined,
        },
        options.landOptions?.(file.entity) ?? {},
      );
      entities.push({
        entity: file.entity,
        fileName: file.file.name,
        fileRows: file.fileRows,
        landing,
        drift: file.drift,
      });
    }
    return { period: extracted.period, sequence: extracted.sequence, entities };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
