import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canTraverse, parsePasswdEntry } from './service-account.ts';

const PASSWD = [
  'root:x:0:0:root:/root:/bin/bash',
  'postgres:x:101:104:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash',
  'mysql:x:107:110:MySQL Server,,,:/nonexistent:/bin/false',
].join('\n');

describe('parsePasswdEntry', () => {
  it.each([
    ['postgres', { name: 'postgres', uid: 101, gid: 104 }],
    ['mysql', { name: 'mysql', uid: 107, gid: 110 }],
    ['nobody', undefined],
  ])('%s', (name, expected) => {
    expect(parsePasswdEntry(PASSWD, name)).toEqual(expected);
  });
});

describe('canTraverse', () => {
  const base = mkdtempSync(join(tmpdir(), 'sg-traverse-'));
  afterAll(() => {
    rmSync(base, { recursive: true, force: true });
  });
  const stranger = { name: 'stranger', uid: 54321, gid: 54321 };
  const owner = { name: 'owner', uid: process.getuid?.() ?? 0, gid: 54321 };

  it.each([
    ['a private folder (0700) stops others', 0o700, stranger, false],
    ['search for all (0711) lets others pass', 0o711, stranger, true],
    ['the owner passes its own 0700 folder', 0o700, owner, true],
    ['search-only for the owner is enough (0100)', 0o100, owner, true],
  ])('%s', (_name, mode, account, expected) => {
    const dir = join(base, `m${mode.toString(8)}-${account.name}`);
    mkdirSync(join(dir, 'inner'), { recursive: true });
    chmodSync(base, 0o755);
    chmodSync(dir, mode);
    expect(canTraverse(join(dir, 'inner'), account)).toBe(expected);
    chmodSync(dir, 0o755);
  });
});
