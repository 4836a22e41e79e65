/**
 * One commerce enterprise record at a time: validated (zod wire schema incl. the USCC check, then
 * the type mapping) into an NDJSON line of the raw row, or quarantined with a Chinese reason and a
 * reason code. Used by the whole-source extraction (extract-source.ts) for the listing and detail
 * records, and by the related entities for their quarantine records.
 */
import type { QuarantinedRecord } from '@sg/lake';
import { describeIssues, vendorEnterpriseSchema } from './schemas.ts';
import { toRawEnterpriseRow } from './type-mapping.ts';

/** Enterprises per listing page. */
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
