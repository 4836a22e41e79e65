/**
 * Extraction of one legacy table into an NDJSON file of raw rows, page by page (keyset paging on
 * the primary key): each row is converted on its own (type-mapping.ts); valid rows are appended
 * to the file as soon as their page arrives, invalid ones become quarantined records with a
 * Chinese reason. At most one page is held in memory. Nothing is dropped silently:
 *   receivedCount = count + quarantined.length.
 * The key scan (for delete detection) writes every current primary key to its own NDJSON file.
 */
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ColumnSpec, QuarantinedRecord } from '@sg/lake';
import type { BusinessSourceClient } from './client.ts';
import type { SourceColumn } from './schemas.ts';
import { rawColumnSpecs, toRawRow } from './type-mapping.ts';
import type { MappedTable } from './type-mapping.ts';

export const DEFAULT_EXTRACT_PAGE_SIZE = 1000;

export interface ExtractTableOptions {
  readonly outDir: string;
  /** The table's columns now (from describeTable): declared columns it lacks are read as NULL. */
  readonly sourceColumns: readonly SourceColumn[];
  /** Beijing-local lower bound on updated_at (incremental); default: every row. */
  readonly updatedSince?: string;
  readonly pageSize?: number;
  readonly signal?: AbortSignal;
}

export interface ExtractTableResult {
  readonly ndjsonPath: string;
  readonly columns: ColumnSpec[];
  readonly count: number;
  readonly quarantined: QuarantinedRecord[];
  readonly receivedCount: number;
}

function writeChunk(out: WriteStream, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(chunk, (error) => {
      if (error) reject(error);
      else resolve();
    });
  });
}

async function withNdjsonFile<T>(
  path: string,
  work: (append: (chunk: string) => Promise<void>) => Promise<T>,
): Promise<T> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  out.on('error', () => undefined);
  try {
    const result = await work((chunk) =>
      chunk === '' ? Promise.resolve() : writeChunk(out, chunk),
    );
    if (out.errored !== null) throw out.errored;
    await new Promise<void>((resolve, reject) => {
      out.once('error', reject);
      out.end(resolve);
    });
    return result;
  } catch (error) {
    out.destroy();
    throw error;
  }
}

export async function extractTable(
  client: BusinessSourceClient,
  mapped: MappedTable,
  options: ExtractTableOptions,
): Promise<ExtractTableResult> {
  await mkdir(options.outDir, { recursive: true });
  const ndjsonPath = join(options.outDir, `${mapped.table}.ndjson`);
  const present = new Set(options.sourceColumns.map((c) => c.name));
  const columns = mapped.columns.map((c) => c.source).filter((name) => present.has(name));
  if (!present.has(mapped.key)) {
    throw new Error(`源表 ${mapped.table} 缺少主键列 ${mapped.key}，无法抽取`);
  }
  if (options.updatedSince !== undefined && mapped.watermark === null) {
    throw new Error(`源表 ${mapped.table} 没有水位线列，只能全量抽取`);
  }
  const quarantined: QuarantinedRecord[] = [];
  let count = 0;
  let receivedCount = 0;
  await withNdjsonFile(ndjsonPath, async (append) => {
    let afterKey: string | undefined;
    for (;;) {
      options.signal?.throwIfAborted();
      const limit = options.pageSize ?? DEFAULT_EXTRACT_PAGE_SIZE;
      const page = await client.readRows({
        table: mapped.table,
        columns,
        key: mapped.key,
        limit,
        ...(afterKey === undefined ? {} : { afterKey }),
        ...(options.updatedSince === undefined ? {} : { updatedSince: options.updatedSince }),
      });
      receivedCount += page.length;
      let chunk = '';
      for (const row of page) {
        const mappedRow = toRawRow(mapped, row);
        if (mappedRow.ok) {
          chunk += `${JSON.stringify(mappedRow.row)}\n`;
          count += 1;
        } else {
          quarantined.push({
            record: JSON.stringify(row),
            reason: mappedRow.reason,
            reasonCode: mappedRow.reasonCode,
          });
        }
      }
      await append(chunk);
      const last = page.at(-1)?.[mapped.key];
      if (page.length < limit || last === undefined || last === null) break;
      afterKey = last;
    }
  });
  return { ndjsonPath, columns: rawColumnSpecs(mapped), count, quarantined, receivedCount };
}

export interface ExtractKeysResult {
  /** NDJSON, one `{"record_key": "…"}` per current row of the table. */
  readonly keysPath: string;
  readonly count: number;
}

export async function extractKeys(
  client: BusinessSourceClient,
  mapped: MappedTable,
  options: { readonly outDir: string; readonly pageSize?: number },
): Promise<ExtractKeysResult> {
  await mkdir(options.outDir, { recursive: true });
  const keysPath = join(options.outDir, `${mapped.table}.keys.ndjson`);
  const limit = options.pageSize ?? DEFAULT_EXTRACT_PAGE_SIZE * 10;
  const count = await withNdjsonFile(keysPath, async (append) => {
    let total = 0;
    let afterKey: string | undefined;
    for (;;) {
      const keys = await client.readKeys({
        table: mapped.table,
        key: mapped.key,
        limit,
        ...(afterKey === undefined ? {} : { afterKey }),
      });
      total += keys.length;
      await append(keys.map((k) => `${JSON.stringify({ record_key: k })}\n`).join(''));
      afterKey = keys.at(-1);
      if (keys.length < limit || afterKey === undefined) return total;
    }
  });
  return { keysPath, count };
}
