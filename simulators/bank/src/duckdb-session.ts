import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { resolveExtensionDirectory } from '@sg/lake';

/** An in-memory DuckDB with the extensions the bank files need (loaded offline). */
export interface DuckdbSession {
  /** Concurrency: one caller (writeBankDrops, file after file, awaited in turn); 0006. */
  readonly connection: DuckDBConnection;
  close(): void;
}

export async function openDuckdbSession(extensionDirectory?: string): Promise<DuckdbSession> {
  const instance = await DuckDBInstance.create(':memory:', {
    extension_directory: extensionDirectory ?? resolveExtensionDirectory(),
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'true',
    TimeZone: 'UTC',
  });
  try {
    const connection = await instance.connect();
    await connection.run('load icu; load json;');
    return {
      connection,
      close: () => {
        connection.closeSync();
        instance.closeSync();
      },
    };
  } catch (error: unknown) {
    instance.closeSync();
    throw error;
  }
}
