import type { DuckDBConnection } from '@duckdb/node-api';
import { createOfflineInstance } from '@sg/duckdb-instance';

/** An in-memory DuckDB with the extensions the bank files need (loaded offline). */
export interface DuckdbSession {
  /** Concurrency: one caller (writeBankDrops, file after file, awaited in turn); 0006. */
  readonly connection: DuckDBConnection;
  close(): void;
}

export async function openDuckdbSession(extensionDirectory?: string): Promise<DuckdbSession> {
  const instance = await createOfflineInstance(
    extensionDirectory === undefined ? {} : { extensionDirectory },
  );
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
