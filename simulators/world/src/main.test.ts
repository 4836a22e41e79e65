import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const workDir = mkdtempSync(join(tmpdir(), 'sg-world-cli-'));
const mainPath = join(import.meta.dirname, 'main.ts');

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

function run(args: string[], env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync(process.execPath, [mainPath, ...args], { encoding: 'utf8', env });
}

describe('sim-world CLI', () => {
  it('writes the tiny world where --out says and reports it', () => {
    const outDir = join(workDir, 'explicit');
    const report = JSON.parse(run(['--size', 'tiny', '--out', outDir])) as Record<string, unknown>;
    expect(report).toMatchObject({ service: 'sim-world', outDir, size: 'tiny', seed: 640000 });
    const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as {
      files: Record<string, { rows: number }>;
    };
    const rows = Object.values(manifest.files).reduce((sum, f) => sum + f.rows, 0);
    expect(report['rows']).toBe(rows);
  });

  it('defaults the directory to $SG_DATA_DIR/world/<size>-<seed>', () => {
    const report = JSON.parse(
      run(['--size', 'tiny', '--seed', '42'], { ...process.env, SG_DATA_DIR: workDir }),
    ) as Record<string, unknown>;
    expect(report['outDir']).toBe(join(workDir, 'world', 'tiny-42'));
  });

  it('rejects an unknown size', () => {
    expect(() => run(['--size', 'huge', '--out', join(workDir, 'huge')])).toThrow(
      /tiny, demo or large/,
    );
  });
});
