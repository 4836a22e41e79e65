import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { TaxFileError, landTaxDrop, readDropManifest } from '@sg/connector-tax';
import type { PipelineResources } from '../resources.ts';
import { TAX_DROP_REFUSED, asActivityError } from './activity-errors.ts';
import type {
  LandingMetadata,
  RefusedDrop,
  TaxInboxMetadata,
  TaxPeriodMetadata,
} from './activity-metadata.ts';
import { assertInboxExists, landingMetadata, withLake } from './landing-support.ts';

/** A complete drop folder of the tax inbox, as its manifest describes it. */
export interface TaxDropFolder {
  /** Folder name in the inbox, e.g. `2025-05_02`. */
  readonly drop: string;
  readonly period: string;
  readonly sequence: number;
}

export interface TaxDropPlan {
  /** The latest sequence of every period, in period order. */
  readonly toLand: readonly TaxDropFolder[];
  /** Earlier sequences of a period (a corrected drop re-issues the whole period). */
  readonly superseded: readonly string[];
}

/**
 * Which drops to land: per period only its latest sequence (a correction `_02` re-issues the whole
 * month, and landing a period replaces it, so landing `_01` first would change nothing but time),
 * in period order. Equal period and sequence in two folders: the later folder name wins.
 */
export function planTaxDrops(drops: readonly TaxDropFolder[]): TaxDropPlan {
  const ordered = [...drops].sort(
    (a, b) =>
      a.period.localeCompare(b.period) || a.sequence - b.sequence || a.drop.localeCompare(b.drop),
  );
  const latest = new Map<string, TaxDropFolder>();
  for (const drop of ordered) latest.set(drop.period, drop);
  const toLand = [...latest.values()];
  const landed = new Set(toLand);
  return { toLand, superseded: ordered.filter((d) => !landed.has(d)).map((d) => d.drop) };
}

const isFile = (file: string): Promise<boolean> =>
  stat(file).then(
    (info) => info.isFile(),
    () => false,
  );

/** The inbox's drop folders: complete ones (manifest read), incomplete ones, refused manifests. */
async function scanTaxInbox(inboxDir: string): Promise<{
  drops: TaxDropFolder[];
  incomplete: string[];
  refused: RefusedDrop[];
}> {
  const entries = await readdir(inboxDir, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  const drops: TaxDropFolder[] = [];
  const incomplete: string[] = [];
  const refused: RefusedDrop[] = [];
  for (const drop of folders) {
    const dropDir = path.join(inboxDir, drop);
    if (!(await isFile(path.join(dropDir, 'manifest.json')))) {
      incomplete.push(drop); // manifest.json is written last: still being delivered
      continue;
    }
    try {
      const manifest = await readDropManifest(dropDir);
      drops.push({ drop, period: manifest.period, sequence: manifest.sequence });
    } catch (error) {
      if (!(error instanceof TaxFileError)) throw error;
      refused.push({ drop, kind: error.kind, message: error.message });
    }
  }
  return { drops, incomplete, refused };
}

/**
 * Every complete monthly drop in the tax inbox: per period its latest sequence, in period order,
 * each landed by `landTaxDrop` into `raw_tax.vat_invoices` and `raw_tax.tax_payments` with
 * window = the period. Re-running lands the same periods again with the same rows (each landing
 * replaces its period). A refused drop (checksum, encoding, missing column…) does not stop the
 * other periods: they land, then the activity fails for good naming every refused drop, with the
 * metadata of what landed in the failure's details.
 */
export async function landTaxInboxDrops(resources: PipelineResources): Promise<TaxInboxMetadata> {
  const inboxDir = resources.inboxes.tax;
  await assertInboxExists(inboxDir, '税务月度文件投递目录');
  const context = Context.current();
  try {
    const scan = await scanTaxInbox(inboxDir);
    const plan = planTaxDrops(scan.drops);
    const refused = [...scan.refused];
    const periods: TaxPeriodMetadata[] = [];
    const landings: LandingMetadata[] = [];
    await withLake(resources.lake, async (lake) => {
      for (const drop of plan.toLand) {
        context.cancellationSignal.throwIfAborted();
        try {
          const result = await landTaxDrop(lake, path.join(inboxDir, drop.drop));
          periods.push({
            period: result.period,
            sequence: result.sequence,
            drop: drop.drop,
            driftNotices: result.entities.reduce((sum, entity) => sum + entity.drift.length, 0),
          });
          for (const entity of result.entities) {
            landings.push(landingMetadata('tax', entity.entity, result.period, entity.landing));
          }
          context.heartbeat({ landed: drop.drop });
        } catch (error) {
          if (!(error instanceof TaxFileError)) throw error;
          refused.push({ drop: drop.drop, kind: error.kind, message: error.message });
        }
      }
    });
    const metadata: TaxInboxMetadata = {
      source: 'tax',
      periods,
      supersededDrops: plan.superseded,
      incompleteDrops: scan.incomplete,
      refusedDrops: refused,
      landings,
    };
    if (refused.length > 0) {
      throw ApplicationFailure.create({
        message:
          `tax inbox: ${String(refused.length)} drop(s) refused, ${String(periods.length)} ` +
          `period(s) landed: ${refused.map((r) => `${r.drop}: ${r.message} (${r.kind})`).join('; ')}`,
        type: TAX_DROP_REFUSED,
        nonRetryable: true,
        details: [metadata],
      });
    }
    return metadata;
  } catch (error) {
    throw asActivityError(error);
  }
}
