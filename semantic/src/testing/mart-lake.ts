// Test fixture: a real DuckLake lake (SQLite catalog, temp folder) holding marts.enterprises, for
// tests of the query runner and of the server as a separate process.
import { lakeConfigToEnv, openLake, runLakeTransaction } from '@sg/lake';
import type { LakeConfig } from '@sg/lake';
import { createTestLake } from '@sg/lake/testing';
import { createEnterprisesMart } from './enterprises-mart.ts';
import type { MartEnterprise } from './enterprises-mart.ts';

export interface MartLake {
  readonly config: LakeConfig;
  /** The lake's settings as environment variables (for a server started as a child process). */
  readonly env: Record<string, string>;
  /** Replaces marts.enterprises with `rows` in one lake transaction (a new snapshot). */
  write(rows: readonly MartEnterprise[]): Promise<void>;
  dispose(): Promise<void>;
}

/** A fresh DuckLake lake whose marts.enterprises holds `rows`. */
export async function createMartLake(rows: readonly MartEnterprise[]): Promise<MartLake> {
  const lake = await createTestLake('sqlite');
  const write = async (next: readonly MartEnterprise[]): Promise<void> => {
    const writer = await openLake(lake.config);
    try {
      await runLakeTransaction(writer, (c) => createEnterprisesMart(c, next));
    } finally {
      writer.close();
    }
  };
  await write(rows);
  return {
    config: lake.config,
    env: lakeConfigToEnv(lake.config),
    write,
    dispose: () => lake.dispose(),
  };
}
