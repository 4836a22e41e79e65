/**
 * Loads a world's `sources/business/<table>.ndjson` files into a legacy database: creates the
 * schema (dropping an earlier one when asked), then streams each file line by line into the
 * database's bulk path in batches. At most one batch is held in memory.
 */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { LegacyDatabase } from './legacy-database.ts';
import { LEGACY_TABLES, quoteIdentifier, tableDdl } from './legacy-schema.ts';
import type { LegacyTable } from './legacy-schema.ts';
import { legacyRow } from './legacy-values.ts';
import type { LegacyValue } from './legacy-values.ts';

export interface SeedOptions {
  /** The world's output directory (holding `sources/business/`). */
  readonly worldDir: string;
  /** Drop the legacy tables first when they exist. Default false (existing tables → error). */
  readonly replace?: boolean;
  /** Rows per bulk call. Default 5000. */
  readonly batchSize?: number;
}

export interface SeedResult {
  /** Rows loaded per table (0 for a table whose file is absent). */
  readonly rowCounts: Record<string, number>;
  /** Tables whose NDJSON file the world did not have. */
  readonly missingFiles: string[];
}

export function businessSourceFile(worldDir: string, tableName: string): string {
  return join(worldDir, 'sources', 'business', `${tableName}.ndjson`);
}

export async function createLegacySchema(db: LegacyDatabase, replace: boolean): Promise<void> {
  for (const legacyTable of LEGACY_TABLES) {
    if (replace) {
      await db.execute(`DROP TABLE IF EXISTS ${quoteIdentifier(db.dialect, legacyTable.name)}`);
    }
    for (const statement of tableDdl(db.dialect, legacyTable)) await db.execute(statement);
  }
}

async function loadTable(
  db: LegacyDatabase,
  legacyTable: LegacyTable,
  path: string,
  batchSize: number,
): Promise<number> {
  const columns = legacyTable.columns.map((column) => column.name);
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let batch: LegacyValue[][] = [];
  let count = 0;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      throw new Error(`${path}:${lineNumber}: not JSON`, { cause: error });
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new Error(`${path}:${lineNumber}: not a JSON object`);
    }
    batch.push(legacyRow(legacyTable, record as Record<string, unknown>));
    if (batch.length >= batchSize) {
      await db.bulkInsert(legacyTable.name, columns, batch);
      count += batch.length;
      batch = [];
    }
  }
  await db.bulkInsert(legacyTable.name, columns, batch);
  return count + batch.length;
}

export async function seedBusinessDatabase(
  db: LegacyDatabase,
  options: SeedOptions,
): Promise<SeedResult> {
  await createLegacySchema(db, options.replace ?? false);
  const rowCounts: Record<string, number> = {};
  const missingFiles: string[] = [];
  for (const legacyTable of LEGACY_TABLES) {
    const path = businessSourceFile(options.worldDir, legacyTable.name);
    if (!existsSync(path)) {
      missingFiles.push(legacyTable.name);
      rowCounts[legacyTable.name] = 0;
      continue;
    }
    rowCounts[legacyTable.name] = await loadTable(db, legacyTable, path, options.batchSize ?? 5000);
  }
  return { rowCounts, missingFiles };
}
