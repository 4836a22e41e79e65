/**
 * The manifest of one monthly drop (manifest.json beside the files): which files, how many rows,
 * their sha256. The extractor refuses a file whose checksum differs (a partial copy or a tampered
 * file) and reconciles its row count with the manifest.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { TaxFileError } from './tax-file-error.ts';

export const dropFileSchema = z.object({
  name: z.string().regex(/^[\w.-]+$/, { error: '文件名不合法' }),
  entity: z.enum(['vat_invoices', 'tax_payments']),
  format: z.enum(['csv', 'xlsx']),
  rows: z.int().min(0),
  bytes: z.int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type DropFile = z.output<typeof dropFileSchema>;

export const dropManifestSchema = z.object({
  exchange: z.literal('sg-tax-monthly'),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  sequence: z.int().min(1),
  generatedAt: z.string(),
  encoding: z.enum(['UTF-8-BOM', 'UTF-8']),
  files: z.array(dropFileSchema),
});
export type DropManifest = z.output<typeof dropManifestSchema>;

export async function readDropManifest(dropDir: string): Promise<DropManifest> {
  let text: string;
  try {
    text = await readFile(join(dropDir, 'manifest.json'), 'utf8');
  } catch (cause) {
    throw new TaxFileError('manifest_invalid', `投递目录缺少 manifest.json：${dropDir}`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (cause) {
    throw new TaxFileError('manifest_invalid', `manifest.json 不是有效 JSON：${dropDir}`, {
      cause,
    });
  }
  const parsed = dropManifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new TaxFileError('manifest_invalid', `manifest.json 格式不符：${parsed.error.message}`);
  }
  return parsed.data;
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** Throws `checksum_mismatch` when the file on disk is not the one the manifest describes. */
export async function verifyDropFile(dropDir: string, file: DropFile): Promise<void> {
  const actual = await sha256OfFile(join(dropDir, file.name)).catch((cause: unknown) => {
    throw new TaxFileError('file_missing', `投递文件不存在：${file.name}`, { cause });
  });
  if (actual !== file.sha256) {
    throw new TaxFileError(
      'checksum_mismatch',
      `文件 ${file.name} 的 SHA-256 与清单不一致（清单 ${file.sha256.slice(0, 12)}…，实际 ${actual.slice(0, 12)}…）`,
    );
  }
}
