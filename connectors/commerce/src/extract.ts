/**
 * Extraction of the vendor's enterprise listing into an NDJSON file of raw rows, page by page:
 * each record is validated on its own (zod wire schema incl. the USCC check, then the type
 * mapping); valid rows are appended to the file as soon as their page arrives, invalid ones are
 * kept as quarantined records with a Chinese reason. At most one page is held in memory (plus the
 * set of USCCs seen, to catch duplicates). Nothing is dropped silently:
 *   received = count + quarantined.length.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ColumnSpec, QuarantinedRecord } from '@sg/lake';
import type { CommerceClient } from './client.ts';
import { createNdjsonSink } from './ndjson-sink.ts';
import { describeIssues, vendorEnterpriseSchema } from './schemas.ts';
import { commerceEnterpriseColumnSpecs, toRawEnterpriseRow } from './type-mapping.ts';

export interface ExtractOptions {
  /** The landing window (partition key), e.g. '2025-06-30'. */
  readonly window: string;
  /** Directory for the NDJSON file (created if missing). */
  readonly outDir: string;
  /** Only records changed since this instant (incremental pull); default: everything. */
  readonly updatedSince?: Date;
  /** Listing page size, 1–200. Default 100. */
  readonly pageSize?: number;
  /** Stops between pages when aborted. */
  readonly signal?: AbortSignal;
}

export interface ExtractResult {
  readonly ndjsonPath: string;
  readonly columns: ColumnSpec[];
  /** Rows written to the NDJSON file. */
  readonly count: number;
  readonly quarantined: QuarantinedRecord[];
  /** Records the vendor returned (count + quarantined). */
  readonly receivedCount: number;
  readonly pageCount: number;
}

export const DEFAULT_EXTRACT_PAGE_SIZE = 100;
/** Same rule as the lake's window key. */
const WINDOW_PATTERN = /^[0-9A-Za-z][0-9A-Za-z_.:-]{0,63}$/;

/** Throws (Chinese message) unless `window` is a valid landing window key. */
export function assertWindow(window: string): void {
  if (!WINDOW_PATTERN.test(window)) {
    throw new RangeError(`窗口标识无效：“${window}”（应为如 2025-06-30 的短标识）`);
  }
}

export type RecordVerdict =
  | { readonly ok: true; readonly uscc: string; readonly line: string }
  | { readonly ok: false; readonly quarantined: QuarantinedRecord };

export function quarantinedRecord(
  record: unknown,
  reasonCode: string,
  reason: string,
): QuarantinedRecord {
  let text: string;
  try {
    // JSON.stringify returns undefined for undefined (its type says string).
    const json = JSON.stringify(record) as string | undefined;
    text = json ?? String(record);
  } catch {
    text = String(record);
  }
  return { record: text, reasonCode, reason };
}

function quarantine(record: unknown, reasonCode: string, reason: string): RecordVerdict {
  return { ok: false, quarantined: quarantinedRecord(record, reasonCode, reason) };
}

/** Validates and maps one listing record to an NDJSON line, or quarantines it. */
export function judgeRecord(record: unknown): RecordVerdict {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return quarantine(record, 'not_an_object', '记录不是 JSON 对象');
  }
  const parsed = vendorEnterpriseSchema.safeParse(record);
  if (!parsed.success) return quarantine(record, 'schema_invalid', describeIssues(parsed.error));
  const mapped = toRawEnterpriseRow(parsed.data);
  if (!mapped.ok) return quarantine(record, mapped.reasonCode, mapped.reason);
  return { ok: true, uscc: mapped.row.uscc, line: `${JSON.stringify(mapped.row)}\n` };
}

export async function extractEnterprises(
  client: CommerceClient,
  options: ExtractOptions,
): Promise<ExtractResult> {
  assertWindow(options.window);
  await mkdir(options.outDir, { recursive: true });
  const ndjsonPath = join(options.outDir, `commerce-enterprises-${options.window}.ndjson`);
  const out = createNdjsonSink(ndjsonPath);

  const quarantined: QuarantinedRecord[] = [];
  const seen = new Set<string>();
  let count = 0;
  let receivedCount = 0;
  let pageCount = 0;
  let cursor: string | undefined;
  try {
    do {
      options.signal?.throwIfAborted();
      const page = await client.listEnterprises({
        pageSize: options.pageSize ?? DEFAULT_EXTRACT_PAGE_SIZE,
        ...(options.updatedSince === undefined ? {} : { updatedSince: options.updatedSince }),
        ...(cursor === undefined ? {} : { cursor }),
      });
      pageCount += 1;
      receivedCount += page.items.length;
      let chunk = '';
      for (const record of page.items) {
        const verdict = judgeRecord(record);
        if (!verdict.ok) {
          quarantined.push(verdict.quarantined);
        } else if (seen.has(verdict.uscc)) {
          const reason = `同一窗口内重复的统一社会信用代码 ${verdict.uscc}（已保留首次出现的记录）`;
          quarantined.push(quarantinedRecord(record, 'duplicate_record', reason));
        } else {
          seen.add(verdict.uscc);
          chunk += verdict.line;
          count += 1;
        }
      }
      // Wait until the page is handed to the file before asking for the next one: backpressure,
      // and a page is never held longer than its own request.
      await out.write(chunk);
      if (page.nextCursor !== null && page.nextCursor === cursor) {
        throw new Error(`工商数据接口返回了重复的分页游标，已停止以免死循环：${cursor}`);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    await out.end();
  } catch (error) {
    out.destroy();
    throw error;
  }
  return {
    ndjsonPath,
    columns: commerceEnterpriseColumnSpecs(),
    count,
    quarantined,
    receivedCount,
    pageCount,
  };
}
