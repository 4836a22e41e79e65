import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** True when `dir` holds the repository's Justfile (the marker the brief names). */
function holdsJustfile(dir: string): boolean {
  return existsSync(join(dir, 'Justfile'));
}

/** True when `dir` holds the npm workspaces root package.json (fallback marker). */
function holdsWorkspacesRoot(dir: string): boolean {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
  return typeof parsed === 'object' && parsed !== null && 'workspaces' in parsed;
}

function walkUp(start: string, isRoot: (dir: string) => boolean): string | undefined {
  let dir = start;
  for (;;) {
    if (isRoot(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The repository root: env SG_REPO_ROOT, else the nearest ancestor of `start` holding a Justfile,
 * else the nearest ancestor whose package.json declares npm workspaces.
 */
export function findRepoRoot(
  start: string = import.meta.dirname,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const fromEnv = env['SG_REPO_ROOT'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const root = walkUp(start, holdsJustfile) ?? walkUp(start, holdsWorkspacesRoot);
  if (root === undefined) {
    throw new Error(
      `Cannot find the repository root above ${start} (no Justfile); set SG_REPO_ROOT.`,
    );
  }
  return root;
}
