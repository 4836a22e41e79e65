/**
 * The snapshot client: a recorded legacy database in a JSON file (see businessSnapshotSchema),
 * answered from memory with the same ordering and filtering as the live clients, for tests
 * without a server.
 */
import { readFile } from 'node:fs/promises';
import type { BusinessSourceClient, SourceRow } from './client.ts';
import { businessSnapshotSchema } from './schemas.ts';
import type { BusinessSnapshot } from './schemas.ts';
import { parseSourceTypeText } from './source-types.ts';

export async function loadBusinessSnapshot(path: string): Promise<BusinessSnapshot> {
  return businessSnapshotSchema.parse(JSON.parse(await readFile(path, 'utf8')));
}

function byKey(key: string) {
  return (a: SourceRow, b: SourceRow): number => {
    const left = a[key] ?? '';
    const right = b[key] ?? '';
    return left < right ? -1 : left > right ? 1 : 0;
  };
}

export function createSnapshotBusinessClient(snapshot: BusinessSnapshot): BusinessSourceClient {
  const tableOf = (name: string) => snapshot.tables[name];
  return {
    dialect: 'snapshot',
    describeTable: (name) => {
      const recorded = tableOf(name);
      return Promise.resolve(
        recorded === undefined
          ? null
          : recorded.columns.map((c) => parseSourceTypeText(c.name, c.sourceType)),
      );
    },
    readRows: (query) => {
      const recorded = tableOf(query.table);
      if (recorded === undefined) return Promise.reject(new Error(`表 ${query.table} 不存在`));
      const since = query.updatedSince;
      const after = query.afterKey;
      const rows = recorded.rows
        .filter((row) => since === undefined || (row['updated_at'] ?? '') >= since)
        .filter((row) => after === undefined || (row[query.key] ?? '') > after)
        .sort(byKey(query.key))
        .slice(0, query.limit)
        .map((row) => Object.fromEntries(query.columns.map((c) => [c, row[c] ?? null])));
      return Promise.resolve(rows);
    },
    readKeys: (query) => {
      const recorded = tableOf(query.table);
      if (recorded === undefined) return Promise.reject(new Error(`表 ${query.table} 不存在`));
      const after = query.afterKey;
      return Promise.resolve(
        recorded.rows
          .map((row) => row[query.key] ?? '')
          .filter((k) => after === undefined || k > after)
          .sort()
          .slice(0, query.limit),
      );
    },
    inSnapshot: (work) => work(),
    close: () => Promise.resolve(),
  };
}
