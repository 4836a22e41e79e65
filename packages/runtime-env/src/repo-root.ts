import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Environment variables as processes read them (a missing or empty value counts as unset). */
export type RuntimeEnv = Readonly<Record<string, string | undefined>>;

/** True when `dir` holds the repository's Justfile. */
function holdsJustfile(dir: string): boolean {
  return existsSync(join(dir, 'Justfile'));
}

/** True when `dir` holds the npm workspaces root package.json (the fallback marker). */
function holdsWorkspacesRoot(dir: string): boolean {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
  return typeof parsed === 'object' && parsed !== null && 'workspaces' in parsed;
}

function walkUp(start: string, isRoot: (dir: string) => boolean): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (isRoot(dir)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The repository root: `SG_REPO_ROOT` when set, else the nearest directory at or above `start`
 * holding the Justfile, else the nearest one whose package.json declares npm workspaces.
 */
export function findRepoRoot(
  start: string = import.meta.dirname,
  env: RuntimeEnv = process.env,
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

/** `$SG_DATA_DIR` (absolute): all local state; default `<repo>/.data`. */
export function dataDirFromEnv(env: RuntimeEnv = process.env): string {
  const configured = env['SG_DATA_DIR']?.trim();
  return configured === undefined || configured === ''
    ? join(findRepoRoot(undefined, env), '.data')
    : resolve(configured);
}
