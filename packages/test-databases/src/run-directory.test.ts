import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processStat } from './process-liveness.ts';
import {
  UNFINISHED_RUN_AGE_MS,
  createRunDirectory,
  readRunState,
  removeStaleRuns,
  runId,
  runVerdict,
  type RunState,
} from './run-directory.ts';

const STATE: RunState = { runId: 'r', ownerPid: 1, ownerStartTicks: 1, servers: [] };

describe('runId', () => {
  it('is the UTC start second and the owner pid', () => {
    expect(runId(new Date('2026-12-04T15:56:04.123Z'), 10919)).toBe('20261204T155604-10919');
  });
});

describe('runVerdict', () => {
  it.each([
    ['owner running', STATE, true, 0, 'live'],
    ['owner gone', STATE, false, 0, 'stale'],
    ['no run.json yet, young', undefined, false, 1_000, 'unfinished'],
    ['no run.json, older than the limit', undefined, false, UNFINISHED_RUN_AGE_MS + 1, 'stale'],
  ] as const)('%s → %s', (_name, state, running, age, verdict) => {
    expect(runVerdict(state, running, age)).toBe(verdict);
  });
});

describe('removeStaleRuns', () => {
  const root = mkdtempSync(join(tmpdir(), 'sg-runs-'));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('removes the run of a dead owner and keeps the run of a live one', async () => {
    const owner = spawn('sleep', ['300'], { stdio: 'ignore' });
    const ownerPid = owner.pid ?? 0;
    const dead = createRunDirectory(
      root,
      { pid: ownerPid, startTicks: processStat(ownerPid)?.startTicks ?? 0 },
      0o700,
    );
    const live = createRunDirectory(
      join(root, 'other-root'),
      { pid: process.pid, startTicks: processStat(process.pid)?.startTicks ?? 0 },
      0o700,
    );
    expect(readRunState(dead.runDir)?.ownerPid).toBe(ownerPid);
    expect(await removeStaleRuns(root)).toEqual([]);
    const exited = new Promise((resolve) => owner.once('exit', resolve));
    owner.kill('SIGKILL');
    await exited;
    expect(await removeStaleRuns(root)).toEqual([dead.state.runId]);
    expect(existsSync(dead.runDir)).toBe(false);
    expect(await removeStaleRuns(join(root, 'other-root'))).toEqual([]);
    expect(existsSync(live.runDir)).toBe(true);
  });

  it('treats a recycled pid (other start time) as a dead owner', async () => {
    const recycled = createRunDirectory(
      join(root, 'recycled'),
      { pid: process.pid, startTicks: (processStat(process.pid)?.startTicks ?? 0) + 1 },
      0o700,
    );
    expect(await removeStaleRuns(join(root, 'recycled'))).toEqual([recycled.state.runId]);
  });
});
