/** Paths shared by the snapshot and seed generators (run with Node 24 type stripping). */
import path from 'node:path';

export const PACKAGE_DIR = path.resolve(import.meta.dirname, '..');
export const DATA_DIR = path.join(PACKAGE_DIR, 'data');
export const REGIONS_SNAPSHOT_PATH = path.join(DATA_DIR, 'regions-gb2260.json');
export const INDUSTRIES_SNAPSHOT_PATH = path.join(DATA_DIR, 'industries-gb4754-2017.json');
export const INDUSTRIES_SOURCE_PATH = path.join(
  PACKAGE_DIR,
  'scripts',
  'sources',
  'gb4754-2017.tsv',
);

/** Writes JSON formatted by the repository's Prettier config, so `prettier --check` stays clean. */
export async function writePrettyJson(filePath: string, value: unknown): Promise<void> {
  const { writeFile } = await import('node:fs/promises');
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(filePath)) ?? {};
  const text = await prettier.format(JSON.stringify(value), { ...options, filepath: filePath });
  await writeFile(filePath, text);
}
