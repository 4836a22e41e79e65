// A separate process that takes the catalog commit lock, for the cross-process lock tests.
// Usage: node lock-holder-process.ts '<json {catalogPath, iterations, holdMs, logFile?, dieWhileHolding?}>'
// Appends "<pid> <startMs> <endMs>" per hold to logFile; prints "held" when it first holds the lock.
import { appendFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { withCatalogCommitLock } from '../catalog-commit-lock.ts';

interface LockHolderInput {
  catalogPath: string;
  iterations: number;
  holdMs: number;
  logFile?: string;
  dieWhileHolding?: boolean;
}

const input = JSON.parse(process.argv[2] ?? '{}') as LockHolderInput;
for (let i = 0; i < input.iterations; i += 1) {
  await withCatalogCommitLock(
    { kind: 'sqlite', path: input.catalogPath },
    `holder ${process.pid}`,
    async () => {
      const start = performance.timeOrigin + performance.now();
      process.stdout.write('held\n');
      if (input.dieWhileHolding === true) process.kill(process.pid, 'SIGKILL');
      await sleep(input.holdMs);
      const end = performance.timeOrigin + performance.now();
      if (input.logFile !== undefined)
        appendFileSync(input.logFile, `${process.pid} ${start} ${end}\n`);
    },
  );
}
