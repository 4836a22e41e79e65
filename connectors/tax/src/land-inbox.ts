// The tax inbox: every complete monthly drop the exchange delivered, the latest sequence of each
// period landed in period order (landTaxDrop, window = period). The tax connector owns its inbox
// as the bank connector owns its own: what to land, in which order, and what to leave.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Lake } from '@sg/lake';
import { readDropManifest } from './drop-manifest.ts';
import type { DropLandingResult } from './land-drop.ts';
import { landTaxDrop } from './land-drop.ts';
import { TaxFileError } from './tax-file-error.ts';

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

/** A drop the connector refused (nothing of it landed). */
export interface RefusedTaxDrop {
  readonly drop: string;
  readonly kind: string;
  readonly message: string;
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
export async function scanTaxInbox(inboxDir: string): Promise<{
  drops: TaxDropFolder[];
  incomplete: string[];
  refused: RefusedTaxDrop[];
}> {
  const entries = await readdir(inboxDir, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  const drops: TaxDropFolder[] = [];
  const incomplete: string[] = [];
  const refused: RefusedTaxDrop[] = [];
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

export interface LandTaxInboxOptions {
  /** Stops between drops. */
  readonly signal?: AbortSignal;
  /** Called after each drop lands. */
  readonly onLanded?: (drop: string) => void;
}

export interface TaxInboxLanding {
  /** Every drop landed, in period order, with the drop folder it came from. */
  readonly landed: readonly (DropLandingResult & { readonly drop: string })[];
  readonly superseded: readonly string[];
  /** Folders without manifest.json yet (still being delivered): not landed. */
  readonly incomplete: readonly string[];
  /** Drops refused (manifest, checksum, encoding, missing column…): nothing of them landed. */
  readonly refused: readonly RefusedTaxDrop[];
}

/**
 * Lands every complete monthly drop of the inbox: per period its latest sequence, in period
 * order. Re-running lands the same periods again with the same rows (each landing replaces its
 * period). A refused drop does not stop the other periods: they land, and it is reported.
 */
export async function landTaxInbox(
  lake: Lake,
  inboxDir: string,
  options: LandTaxInboxOptions = {},
): Promise<TaxInboxLanding> {
  const scan = await scanTaxInbox(inboxDir);
  const plan = planTaxDrops(scan.drops);
  const refused = [...scan.refused];
  const landed: (DropLandingResult & { drop: string })[] = [];
  for (const drop of plan.toLand) {
    options.signal?.throwIfAborted();
    try {
      landed.push({
        ...(await landTaxDrop(lake, path.join(inboxDir, drop.drop))),
        drop: drop.drop,
      });
      options.onLanded?.(drop.drop);
    } catch (error) {
      if (!(error instanceof TaxFileError)) throw error;
      refused.push({ drop: drop.drop, kind: error.kind, message: error.message });
    }
  }
  return { landed, superseded: plan.superseded, incomplete: scan.incomplete, refused };
}
