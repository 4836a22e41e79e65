import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { isProcessRunning, parseProcStat, processStat, stopProcess } from './process-liveness.ts';

describe('parseProcStat', () => {
  it('reads state and start time after a command name with spaces and parentheses', () => {
    const fields = ['S', ...Array.from({ length: 18 }, (_, i) => String(i + 4)), '987654', '0'];
    expect(parseProcStat(`4242 (a) (b c) ${fields.join(' ')}`)).toEqual({
      state: 'S',
      startTicks: 987654,
    });
  });
});

describe('isProcessRunning and stopProcess on real processes', () => {
  it('sees this process, and not a pid with another start time', () => {
    const self = processStat(process.pid);
    expect(isProcessRunning(process.pid)).toBe(true);
    expect(isProcessRunning(process.pid, self?.startTicks)).toBe(true);
    expect(isProcessRunning(process.pid, (self?.startTicks ?? 0) + 1)).toBe(false);
  });

  it('stops a process with its shutdown signal', async () => {
    const child = spawn('sleep', ['300'], { stdio: 'ignore' });
    const pid = child.pid ?? 0;
    expect(isProcessRunning(pid)).toBe(true);
    await stopProcess(pid, 'SIGTERM', 5_000);
    expect(isProcessRunning(pid)).toBe(false);
  });

  it('kills the process group when the shutdown signal is ignored', async () => {
    const child = spawn('sh', ['-c', 'trap "" TERM; sleep 300 & wait'], {
      stdio: 'ignore',
      detached: true,
    });
    const pid = child.pid ?? 0;
    await sleep(200);
    const started = Date.now();
    await stopProcess(pid, 'SIGTERM', 500);
    expect(isProcessRunning(pid)).toBe(false);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
