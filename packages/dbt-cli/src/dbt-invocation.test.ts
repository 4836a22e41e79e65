import { describe, expect, it } from 'vitest';
import type { LakeConfig } from '@sg/lake';
import { dbtInvocation, needsCommitLock } from './dbt-invocation.ts';
import type { CommitLockMode } from './dbt-invocation.ts';

const SQLITE_LAKE: LakeConfig = {
  dataDir: '/srv/sg',
  dataPath: '/srv/sg/lake/data/',
  catalog: { kind: 'sqlite', path: '/srv/sg/lake/catalog.sqlite' },
  extensionDirectory: '/ext',
};
const POSTGRES_LAKE: LakeConfig = {
  ...SQLITE_LAKE,
  catalog: { kind: 'postgres', dsn: 'dbname=lake host=db' },
};

describe('needsCommitLock', () => {
  const CASES: [string, string[], LakeConfig, CommitLockMode, boolean][] = [
    ['build on SQLite', ['build', '--select', '+enterprises'], SQLITE_LAKE, 'auto', true],
    ['seed on SQLite', ['seed'], SQLITE_LAKE, 'auto', true],
    ['a flag before the command', ['--debug', 'run'], SQLITE_LAKE, 'auto', true],
    ['parse on SQLite (reads only)', ['parse'], SQLITE_LAKE, 'auto', false],
    ['ls on SQLite', ['ls', '--resource-type', 'model'], SQLITE_LAKE, 'auto', false],
    ['build on PostgreSQL', ['build'], POSTGRES_LAKE, 'auto', false],
    ['forced on PostgreSQL', ['build'], POSTGRES_LAKE, 'hold', true],
    ['disabled on SQLite', ['build'], SQLITE_LAKE, 'none', false],
  ];
  it.each(CASES)('%s → %s', (_name, args, config, mode, expected) => {
    expect(needsCommitLock(args, config, mode)).toBe(expected);
  });
});

describe('dbtInvocation', () => {
  it('runs the venv’s dbt on models/ with the lake in its environment', () => {
    const invocation = dbtInvocation({
      args: ['build'],
      lakeConfig: POSTGRES_LAKE,
      repoRoot: '/repo',
      env: { PATH: '/usr/bin', SG_LAKE_CATALOG_URL: 'stale' },
      runId: 'run-1',
    });
    expect(invocation).toMatchObject({
      executable: '/repo/.venv/bin/dbt',
      argv: ['build', '--project-dir', '/repo/models', '--profiles-dir', '/repo/models'],
      cwd: '/repo',
      runDir: '/srv/sg/dbt/runs/run-1',
      runResultsPath: '/srv/sg/dbt/runs/run-1/target/run_results.json',
      holdsCommitLock: false,
    });
    expect(invocation.env).toMatchObject({
      PATH: '/usr/bin',
      SG_LAKE_CATALOG_KIND: 'postgres',
      SG_LAKE_CATALOG_URL: 'postgres:dbname=lake host=db',
      SG_LAKE_DATA_PATH: '/srv/sg/lake/data/',
      SG_DUCKDB_EXTENSION_DIR: '/ext',
      DBT_SEND_ANONYMOUS_USAGE_STATS: 'false',
      DBT_TARGET_PATH: '/srv/sg/dbt/runs/run-1/target',
      DBT_LOG_PATH: '/srv/sg/dbt/runs/run-1/logs',
    });
  });
});
