// One process owns an embedded database directory: a lock file beside it records the owner's pid.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Takes `<dataDir>.lock`; a lock left by a dead process is taken over. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = `${dataDir.replace(/\/+$/, '')}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (tryCreate(path)) {
      let released = false;
      return {
        path,
        release: () => {
          if (released) return;
          released = true;
          rmSync(path, { force: true });
        },
      };
    }
    const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
    if (Number.isInteger(owner) && owner > 0 && isProcessAlive(owner)) {
      throw new Error(
        `app database ${dataDir} is already owned by process ${owner} (lock ${path}); connect to that process's server instead of opening the directory again`,
      );
    }
    rmSync(path, { force: true });
  }
  throw new Error(`could not take the lock ${path}`);
}
