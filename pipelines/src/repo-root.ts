import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository root: the nearest directory at or above `from` holding the `Justfile` (or, before
 * the Justfile exists, the npm workspaces root `package.json`).
 */
export function findRepoRoot(from: string = import.meta.dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'Justfile')) || isWorkspacesRoot(dir)) return dir;
    if (path.dirname(dir) === dir) {
      throw new Error(`no repository root (a directory with a Justfile) above ${from}`);
    }
  }
}

function isWorkspacesRoot(dir: string): boolean {
  const file = path.join(dir, 'package.json');
  if (!existsSync(file)) return false;
  const manifest: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return typeof manifest === 'object' && manifest !== null && 'workspaces' in manifest;
}
