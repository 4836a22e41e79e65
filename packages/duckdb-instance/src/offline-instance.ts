import { DuckDBInstance } from '@duckdb/node-api';
import { resolveExtensionDirectory } from './extension-directory.ts';

export interface OfflineInstanceOptions {
  /** The database: a file path, default `:memory:` (never a file another process has open). */
  readonly path?: string;
  /** Where extensions load from; default the wheels' folder (`resolveExtensionDirectory()`). */
  readonly extensionDirectory?: string;
  /** Where work bigger than memory spills; default DuckDB's own (`<database>.tmp`). */
  readonly tempDirectory?: string;
}

/**
 * The settings of every DuckDB instance in the repository: extensions from the wheels' folder,
 * never downloaded (autoinstall off, autoload on), naive timestamps in UTC (`<event>_at` columns;
 * casts go through TIMESTAMPTZ), and the spill folder when given.
 */
export function offlineInstanceSettings(
  options: OfflineInstanceOptions = {},
): Record<string, string> {
  return {
    extension_directory: options.extensionDirectory ?? resolveExtensionDirectory(),
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'true',
    TimeZone: 'UTC',
    ...(options.tempDirectory === undefined ? {} : { temp_directory: options.tempDirectory }),
  };
}

/**
 * A DuckDB instance with the offline settings (`offlineInstanceSettings`). The caller owns it:
 * one connection per caller at a time, `closeSync()` when done (decision 0006).
 */
export async function createOfflineInstance(
  options: OfflineInstanceOptions = {},
): Promise<DuckDBInstance> {
  return DuckDBInstance.create(options.path ?? ':memory:', offlineInstanceSettings(options));
}
