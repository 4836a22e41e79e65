import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_PORTS, dataDirFromEnv, findRepoRoot, localPort, localPorts } from './index.ts';

const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');

describe('findRepoRoot', () => {
  it('walks up to the directory holding the Justfile', () => {
    expect(findRepoRoot(import.meta.dirname, {})).toBe(REPO_ROOT);
    expect(findRepoRoot(undefined, {})).toBe(REPO_ROOT);
  });

  it('takes SG_REPO_ROOT when set', () => {
    expect(findRepoRoot(import.meta.dirname, { SG_REPO_ROOT: '/srv/sg' })).toBe('/srv/sg');
  });

  it('falls back to the npm workspaces root when no Justfile is above', () => {
    const root = mkdtempSync(join(tmpdir(), 'sg-repo-root-'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ workspaces: ['packages/*'] }));
    const nested = join(root, 'packages', 'x', 'src');
    mkdirSync(nested, { recursive: true });
    writeFileSync(join(root, 'packages', 'x', 'package.json'), '{"name":"x"}');
    expect(findRepoRoot(nested, {})).toBe(root);
  });

  it('refuses when neither marker is above', () => {
    expect(() => findRepoRoot('/', {})).toThrow(/set SG_REPO_ROOT/);
  });
});

describe('dataDirFromEnv', () => {
  const CASES: [string, Record<string, string>, string][] = [
    ['SG_DATA_DIR as given', { SG_DATA_DIR: '/srv/sg-data' }, '/srv/sg-data'],
    ['a relative SG_DATA_DIR resolved', { SG_DATA_DIR: 'rel' }, join(process.cwd(), 'rel')],
    ['unset: <repo>/.data', {}, join(REPO_ROOT, '.data')],
    ['blank counts as unset', { SG_DATA_DIR: ' ' }, join(REPO_ROOT, '.data')],
    ['unset with SG_REPO_ROOT', { SG_REPO_ROOT: '/work/repo' }, '/work/repo/.data'],
  ];
  it.each(CASES)('%s', (_name, env, expected) => {
    expect(dataDirFromEnv(env)).toBe(expected);
  });
});

describe('local ports', () => {
  it('gives every component its documented default', () => {
    expect(localPorts({})).toEqual({
      appDb: 5433,
      businessDb: 5434,
      temporal: 7233,
      temporalUi: 8233,
      commerceSimulator: 7301,
      taxSimulator: 7302,
      smsSimulator: 7303,
      semantic: 4000,
      bi: 3000,
      console: 3100,
    });
  });

  it('no two components share a default port', () => {
    const ports = Object.values(LOCAL_PORTS).map((entry) => entry.port);
    expect(new Set(ports).size).toBe(ports.length);
  });

  it('moves a component by its variable', () => {
    expect(localPort('taxSimulator', { SG_SIM_TAX_PORT: '7400' })).toBe(7400);
    expect(localPort('businessDb', { SG_BUSINESS_DB_PORT: '0' })).toBe(0);
  });

  const INVALID: [string, Record<string, string>, RegExp][] = [
    ['0 where no free port is picked', { SG_APP_DB_PORT: '0' }, /SG_APP_DB_PORT .* 1–65535/],
    ['out of range', { SG_APP_DB_PORT: '70000' }, /SG_APP_DB_PORT/],
    ['not a number', { TEMPORAL_DEV_PORT: 'abc' }, /TEMPORAL_DEV_PORT/],
    ['a fraction', { SG_SIM_TAX_PORT: '54.3' }, /SG_SIM_TAX_PORT .* 0–65535/],
  ];
  it.each(INVALID)('refuses %s', (_name, env, message) => {
    expect(() => localPorts(env)).toThrow(message);
  });
});
