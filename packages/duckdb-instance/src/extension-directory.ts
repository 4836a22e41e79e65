import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@sg/runtime-env';

const EXTENSIONS_UNDER_SITE_PACKAGES = join('site-packages', 'duckdb_ext', 'extensions');

/**
 * The folder DuckDB loads extensions from: the `duckdb_ext/extensions` folder of the duckdb-ext-*
 * wheels in the project's virtualenv (`.venv/lib/python3* /site-packages/duckdb_ext/extensions`).
 * Env SG_DUCKDB_EXTENSION_DIR overrides. Throws when neither exists: our machines cannot download
 * extensions at run time, so a missing folder is a setup error, not something to work around.
 */
export function resolveExtensionDirectory(
  repoRoot?: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const fromEnv = env['SG_DUCKDB_EXTENSION_DIR'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const root = repoRoot ?? findRepoRoot(undefined, env);
  const libDir = join(root, '.venv', 'lib');
  const pythons = existsSync(libDir)
    ? readdirSync(libDir)
        .filter((name) => name.startsWith('python3'))
        .sort()
        .reverse()
    : [];
  for (const python of pythons) {
    const candidate = join(libDir, python, EXTENSIONS_UNDER_SITE_PACKAGES);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(
    `No DuckDB extension folder under ${libDir}/python3*/${EXTENSIONS_UNDER_SITE_PACKAGES}: ` +
      'run the setup (it installs the duckdb-ext-* wheels) or set SG_DUCKDB_EXTENSION_DIR.',
  );
}
