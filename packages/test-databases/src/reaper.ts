// The reaper of one test run: `node reaper.ts <run dir>`, started detached by private-servers.ts.
// It polls the run's owner; when the owner is gone without having removed the run (killed,
// interrupted, crashed), it stops the run's servers and removes the folder. It ends when the
// folder is gone.
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessRunning } from './process-liveness.ts';
import { readRunState, removeRun } from './run-directory.ts';

export const REAPER_POLL_MS = 250;

/** Waits until runDir is gone or its owner ends; in the second case removes the run. */
export async function reap(runDir: string): Promise<'removed by owner' | 'reaped'> {
  for (;;) {
    if (!existsSync(runDir)) return 'removed by owner';
    const state = readRunState(runDir);
    if (state !== undefined && !isProcessRunning(state.ownerPid, state.ownerStartTicks)) {
      await removeRun(runDir, state);
      return 'reaped';
    }
    await sleep(REAPER_POLL_MS);
  }
}

if (process.argv[1] === import.meta.filename) {
  const runDir = process.argv[2];
  if (runDir === undefined) {
    console.error('usage: node reaper.ts <run dir>');
    process.exit(2);
  }
  await reap(runDir);
}
