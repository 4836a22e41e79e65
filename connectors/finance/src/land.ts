/**
 * Lands the finance inbox: per month its latest issue, each month one landing per raw table with
 * window = the period, so a rerun lands the same rows again and a correction replaces its month
 * (no duplicates). A drop is checked whole first (manifest, sha256, sheets, header, totals): a
 * refused drop lands nothing and does not stop the other months.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { landRecords } from '@sg/lake';
import type { Lake, LandRecordsOptions, LandingResult } from '@sg/lake';
import { extractWorkbook } from './extract.ts';
import { FinanceFileError } from './finance-errors.ts';
import { planFinanceDrops, scanFinanceInbox, verifiedWorkbook } from './inbox.ts';
import type { FinanceDrop, RefusedFinanceDrop } from './inbox.ts';
import { FINANCE_COLUMNS, FINANCE_ENTITIES } from './type-mapping.ts';
import type { FinanceEntity } from './type-mapping.ts';

export const FINANCE_SOURCE = 'finance';

/** Quarantine reasons of rows the export adds beyond the books' lines. */
const EXPORT_ONLY: ReadonlySet<string> = new Set(['subtotal_row', 'duplicate_item_code']);

export interface FinanceEntityLanding {
  readonly entity: FinanceEntity;
  readonly landing: LandingResult;
  readonly skippedRows: number;
  /** Quarantined rows that are no line of the books (subtotal rows, repeated codes). */
  readonly exportOnlyRows: number;
}

export interface FinanceDropLanding {
  readonly drop: string;
  readonly period: string;
  readonly sequence: number;
  readonly entities: readonly FinanceEntityLanding[];
}

export interface LandFinanceOptions {
  readonly signal?: AbortSignal;
  readonly onLanded?: (drop: string) => void;
  /** Passed to every landRecords call (tests inject a crash before COMMIT here). */
  readonly landOptions?: (entity: FinanceEntity) => LandRecordsOptions;
}

/** Lands one drop folder of the inbox (already planned as its month's latest issue). */
export async function landFinanceDrop(
  lake: Lake,
  inboxDir: string,
  drop: FinanceDrop,
  options: LandFinanceOptions = {},
): Promise<FinanceDropLanding> {
  const dropDir = path.join(inboxDir, drop.drop);
  const { manifest } = drop;
  const extract = await extractWorkbook(await verifiedWorkbook(dropDir, manifest));
  const workDir = await mkdtemp(path.join(tmpdir(), 'sg-finance-'));
  try {
    const entities: FinanceEntityLanding[] = [];
    for (const entity of FINANCE_ENTITIES) {
      const sheet = extract[entity];
      const ndjsonPath = path.join(workDir, `${entity}.ndjson`);
      const provenance = {
        period: manifest.period,
        drop_sequence: manifest.sequence,
        issued_on: manifest.issuedOn,
        source_file: `${drop.drop}/${manifest.file}`,
      };
      const lines = sheet.records.map((record) => JSON.stringify({ ...record, ...provenance }));
      await writeFile(ndjsonPath, lines.length === 0 ? '' : `${lines.join('\n')}\n`);
      const landing = await landRecords(
        lake,
        {
          source: FINANCE_SOURCE,
          entity,
          window: manifest.period,
          columns: [...FINANCE_COLUMNS[entity]],
          ndjsonPath,
          quarantined: sheet.quarantined,
        },
        options.landOptions?.(entity) ?? {},
      );
      entities.push({
        entity,
        landing,
        skippedRows: sheet.skippedRows,
        exportOnlyRows: sheet.quarantined.filter((q) => EXPORT_ONLY.has(q.reasonCode ?? '')).length,
      });
    }
    return { drop: drop.drop, period: manifest.period, sequence: manifest.sequence, entities };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

export interface FinanceInboxLanding {
  readonly landed: readonly FinanceDropLanding[];
  readonly superseded: readonly string[];
  readonly incomplete: readonly string[];
  readonly refused: readonly RefusedFinanceDrop[];
}

/** Lands every month of the inbox (its latest issue), in period order. */
export async function landFinanceInbox(
  lake: Lake,
  inboxDir: string,
  options: LandFinanceOptions = {},
): Promise<FinanceInboxLanding> {
  const scan = await scanFinanceInbox(inboxDir);
  const plan = planFinanceDrops(scan.drops);
  const refused = [...scan.refused];
  const landed: FinanceDropLanding[] = [];
  for (const drop of plan.toLand) {
    options.signal?.throwIfAborted();
    try {
      landed.push(await landFinanceDrop(lake, inboxDir, drop, options));
      options.onLanded?.(drop.drop);
    } catch (error) {
      if (!(error instanceof FinanceFileError)) throw error;
      refused.push({ drop: drop.drop, kind: error.kind, message: error.message });
    }
  }
  return { landed, superseded: plan.superseded, incomplete: scan.incomplete, refused };
}
