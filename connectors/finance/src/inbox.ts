// The finance inbox: the drop folders the finance department delivered (`<yyyy-mm>_<nn>/`, each
// a workbook and its manifest.json, written last). Per month only the latest issue is landed: a
// correction (更正, a later sequence) re-issues the whole month and replaces it.
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { FinanceFileError } from './finance-errors.ts';
import { dropManifestSchema } from './schemas.ts';
import type { DropManifest } from './schemas.ts';

export const DROP_MANIFEST_FILE = 'manifest.json';

export interface FinanceDrop {
  /** Folder name in the inbox, e.g. `2025-04_02`. */
  readonly drop: string;
  readonly manifest: DropManifest;
}

export interface RefusedFinanceDrop {
  readonly drop: string;
  readonly kind: string;
  readonly message: string;
}

export interface FinanceInboxScan {
  readonly drops: readonly FinanceDrop[];
  /** Folders without manifest.json (still being delivered). */
  readonly incomplete: readonly string[];
  readonly refused: readonly RefusedFinanceDrop[];
}

/** Reads and checks a drop's manifest; FinanceFileError when it is not one. */
export async function readDropManifest(dropDir: string): Promise<DropManifest> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path.join(dropDir, DROP_MANIFEST_FILE), 'utf8'));
  } catch (error) {
    throw new FinanceFileError(
      'manifest_invalid',
      `manifest.json 无法读取：${String(error)}`,
      dropDir,
      {
        cause: error,
      },
    );
  }
  const parsed = dropManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('；');
    throw new FinanceFileError('manifest_invalid', `manifest.json 不符合格式：${issues}`, dropDir);
  }
  return parsed.data;
}

/** The workbook's path once its sha256 matches the manifest's. */
export async function verifiedWorkbook(dropDir: string, manifest: DropManifest): Promise<string> {
  const file = path.join(dropDir, manifest.file);
  const bytes = await readFile(file).catch((error: unknown) => {
    throw new FinanceFileError('checksum_mismatch', `工作簿缺失：${manifest.file}`, file, {
      cause: error,
    });
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== manifest.sha256) {
    throw new FinanceFileError(
      'checksum_mismatch',
      `工作簿 sha256 与 manifest 不符：${manifest.file}`,
      file,
    );
  }
  return file;
}

/** Every drop folder of the inbox (hidden `.partial` folders are deliveries in progress). */
export async function scanFinanceInbox(inboxDir: string): Promise<FinanceInboxScan> {
  const entries = await readdir(inboxDir, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  const drops: FinanceDrop[] = [];
  const incomplete: string[] = [];
  const refused: RefusedFinanceDrop[] = [];
  for (const drop of folders) {
    const dropDir = path.join(inboxDir, drop);
    const complete = await stat(path.join(dropDir, DROP_MANIFEST_FILE)).then(
      (info) => info.isFile(),
      () => false,
    );
    if (!complete) {
      incomplete.push(drop);
      continue;
    }
    try {
      drops.push({ drop, manifest: await readDropManifest(dropDir) });
    } catch (error) {
      if (!(error instanceof FinanceFileError)) throw error;
      refused.push({ drop, kind: error.kind, message: error.message });
    }
  }
  return { drops, incomplete, refused };
}

export interface FinanceDropPlan {
  /** The latest issue of every month, in period order. */
  readonly toLand: readonly FinanceDrop[];
  /** Earlier issues of a month a later one re-issues. */
  readonly superseded: readonly string[];
}

/** Per month its latest sequence (equal sequences: the later folder name), in period order. */
export function planFinanceDrops(drops: readonly FinanceDrop[]): FinanceDropPlan {
  const ordered = [...drops].sort(
    (a, b) =>
      a.manifest.period.localeCompare(b.manifest.period) ||
      a.manifest.sequence - b.manifest.sequence ||
      a.drop.localeCompare(b.drop),
  );
  const latest = new Map<string, FinanceDrop>();
  for (const drop of ordered) latest.set(drop.manifest.period, drop);
  const toLand = [...latest.values()];
  const landed = new Set(toLand);
  return { toLand, superseded: ordered.filter((d) => !landed.has(d)).map((d) => d.drop) };
}
