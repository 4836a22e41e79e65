import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveExtensionDirectory } from './extension-directory.ts';

describe('resolveExtensionDirectory', () => {
  let repo: string;
  beforeEach(async () => {
    repo = await mkdtemp(join(tmpdir(), 'sg-ext-'));
  });
  afterEach(async () => {
    await rm(repo, { recursive: true, force: true });
  });

  it('finds the wheels’ folder under any .venv/lib/python3*', async () => {
    const folder = join(
      repo,
      '.venv',
      'lib',
      'python3.12',
      'site-packages',
      'duckdb_ext',
      'extensions',
    );
    await mkdir(folder, { recursive: true });
    expect(resolveExtensionDirectory(repo, {})).toBe(folder);
  });

  it('prefers SG_DUCKDB_EXTENSION_DIR', () => {
    expect(resolveExtensionDirectory(repo, { SG_DUCKDB_EXTENSION_DIR: '/elsewhere' })).toBe(
      '/elsewhere',
    );
  });

  it('fails with the setup hint when the wheels are missing', () => {
    expect(() => resolveExtensionDirectory(repo, {})).toThrow(/run the setup/);
  });

  it('finds this repository’s real extension folder (the ducklake wheel is installed)', () => {
    const folder = resolveExtensionDirectory(undefined, {});
    expect(folder).toMatch(/\.venv\/lib\/python3[^/]*\/site-packages\/duckdb_ext\/extensions$/);
  });
});
