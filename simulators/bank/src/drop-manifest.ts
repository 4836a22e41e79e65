/**
 * A drop is one bank's delivery for one period: a folder in the outbox holding statement files,
 * record files and `manifest.json` (file, data rows, sha256 of each). The folder is written under
 * a hidden `.partial` name and renamed when complete, so a reader never sees half a drop.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { WrittenFile } from './statement-context.ts';

export const DROP_MANIFEST_FILE = 'manifest.json';
export const DROP_MANIFEST_FORMAT = 'sg-bank-drop/1';

export interface DropManifestFile {
  readonly file: string;
  readonly rows: number;
  readonly sha256: string;
}

export interface DropManifest {
  readonly format: typeof DROP_MANIFEST_FORMAT;
  readonly dropId: string;
  readonly bankCode: string;
  readonly bankName: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly files: readonly DropManifestFile[];
}

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

export async function describeFiles(
  dropDir: string,
  written: readonly WrittenFile[],
): Promise<DropManifestFile[]> {
  const files: DropManifestFile[] = [];
  for (const entry of written) {
    files.push({ ...entry, sha256: await fileSha256(`${dropDir}/${entry.file}`) });
  }
  return files;
}
