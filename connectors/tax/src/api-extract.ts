/**
 * Extraction through the authorised-query API: for every enterprise whose authorisation is active,
 * its credit grades and arrears, validated record by record (zod; an unknown grade or a malformed
 * amount is quarantined with a reason), written to one NDJSON file per entity. Enterprises whose
 * authorisation expired or was revoked are skipped and listed with the reason: querying them
 * would be refused, and asking again does not help until the enterprise authorises again.
 * The records are few (one enterprise's grades and arrears), so they pass through JS here.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { fenFromYuan } from '@sg/domain';
import type { ColumnSpec, QuarantinedRecord } from '@sg/lake';
import type { TaxClient } from './client.ts';
import { arrearsRecordSchema, creditGradeRecordSchema, describeIssues } from './schemas.ts';
import { TaxApiError } from './tax-errors.ts';
import type { TaxErrorKind } from './tax-errors.ts';

export const CREDIT_GRADES = ['A', 'B', 'M', 'C', 'D'] as const;
export type ApiEntity = 'credit_grades' | 'arrears';

export const API_COLUMNS: Readonly<Record<ApiEntity, ColumnSpec[]>> = {
  credit_grades: [
    { name: 'uscc', type: 'VARCHAR', required: true, description: '统一社会信用代码' },
    { name: 'taxpayer_name', type: 'VARCHAR', required: true, description: '纳税人名称' },
    { name: 'year', type: 'INTEGER', required: true, description: '评价年度' },
    {
      name: 'grade',
      type: 'VARCHAR',
      required: true,
      description: '纳税信用等级（A、B、M、C、D）',
    },
  ],
  arrears: [
    { name: 'uscc', type: 'VARCHAR', required: true, description: '统一社会信用代码' },
    { name: 'tax_type', type: 'VARCHAR', required: true, description: '税种' },
    { name: 'arrears_fen', type: 'BIGINT', required: true, description: '欠税金额（分）' },
    { name: 'since_date', type: 'DATE', required: true, description: '欠税起始日期' },
  ],
};

export interface SkippedEnterprise {
  readonly uscc: string;
  readonly kind: TaxErrorKind | 'authorization_expired' | 'authorization_revoked';
  readonly message: string;
}

export interface ApiEntityExtract {
  readonly entity: ApiEntity;
  readonly ndjsonPath: string;
  readonly columns: ColumnSpec[];
  readonly count: number;
  readonly quarantined: QuarantinedRecord[];
}

export interface ApiExtractResult {
  readonly entities: ApiEntityExtract[];
  /** Enterprises queried (active authorisations). */
  readonly enterpriseCount: number;
  readonly skipped: SkippedEnterprise[];
}

export type ApiRecordVerdict =
  | { readonly ok: true; readonly row: Record<string, string | number> }
  | { readonly ok: false; readonly quarantined: QuarantinedRecord };

function reject(record: unknown, reasonCode: string, reason: string): ApiRecordVerdict {
  // JSON.stringify returns undefined for undefined (its type says string).
  const json = JSON.stringify(record) as string | undefined;
  return { ok: false, quarantined: { record: json ?? String(record), reasonCode, reason } };
}

export function judgeCreditGrade(
  uscc: string,
  taxpayerName: string,
  record: unknown,
): ApiRecordVerdict {
  const parsed = creditGradeRecordSchema.safeParse(record);
  if (!parsed.success) return reject(record, 'schema_invalid', describeIssues(parsed.error));
  const grade = parsed.data.grade.trim().toUpperCase();
  if (!(CREDIT_GRADES as readonly string[]).includes(grade)) {
    return reject(
      record,
      'grade_unknown',
      `未知的纳税信用等级：“${parsed.data.grade}”（应为 A、B、M、C、D）`,
    );
  }
  return { ok: true, row: { uscc, taxpayer_name: taxpayerName, year: parsed.data.year, grade } };
}

export function judgeArrears(uscc: string, record: unknown): ApiRecordVerdict {
  const parsed = arrearsRecordSchema.safeParse(record);
  if (!parsed.success) return reject(record, 'schema_invalid', describeIssues(parsed.error));
  const fen = fenFromYuan(parsed.data.arrearsAmount);
  if (fen < 0)
    return reject(record, 'amount_negative', `欠税金额为负数：${parsed.data.arrearsAmount}`);
  return {
    ok: true,
    row: {
      uscc,
      tax_type: parsed.data.taxType,
      arrears_fen: fen,
      since_date: parsed.data.sinceDate,
    },
  };
}

export async function extractAuthorizedProfiles(
  client: TaxClient,
  options: { readonly window: string; readonly outDir: string },
): Promise<ApiExtractResult> {
  await mkdir(options.outDir, { recursive: true });
  const authorizations = await client.listAuthorizations();
  const skipped: SkippedEnterprise[] = [];
  const active = new Map<string, string>();
  for (const authorization of authorizations) {
    if (authorization.status === 'active') active.set(authorization.uscc, authorization.authCode);
  }
  for (const authorization of authorizations) {
    if (authorization.status === 'active' || active.has(authorization.uscc)) continue;
    skipped.push({
      uscc: authorization.uscc,
      kind: authorization.status === 'expired' ? 'authorization_expired' : 'authorization_revoked',
      message:
        authorization.status === 'expired'
          ? `企业授权已于 ${authorization.expiresAt} 过期，需企业重新授权`
          : `企业已于 ${authorization.revokedAt ?? '未知时间'} 撤销授权`,
    });
  }
  const outputs = {
    credit_grades: { lines: [] as string[], quarantined: [] as QuarantinedRecord[] },
    arrears: { lines: [] as string[], quarantined: [] as QuarantinedRecord[] },
  };
  let enterpriseCount = 0;
  for (const [uscc, authCode] of [...active].sort(([a], [b]) => (a < b ? -1 : 1))) {
    let grades;
    let arrears;
    try {
      grades = await client.getCreditGrades(uscc, authCode);
      arrears = await client.getArrears(uscc, authCode);
    } catch (error) {
      if (error instanceof TaxApiError && error.isAuthorizationProblem) {
        skipped.push({ uscc, kind: error.kind, message: error.message });
        continue;
      }
      throw error;
    }
    enterpriseCount += 1;
    for (const record of grades.items) {
      const verdict = judgeCreditGrade(uscc, grades.taxpayerName, record);
      if (verdict.ok) outputs.credit_grades.lines.push(JSON.stringify(verdict.row));
      else outputs.credit_grades.quarantined.push(verdict.quarantined);
    }
    for (const record of arrears.items) {
      const verdict = judgeArrears(uscc, record);
      if (verdict.ok) outputs.arrears.lines.push(JSON.stringify(verdict.row));
      else outputs.arrears.quarantined.push(verdict.quarantined);
    }
  }
  const entities: ApiEntityExtract[] = [];
  for (const entity of ['credit_grades', 'arrears'] as const) {
    const ndjsonPath = join(options.outDir, `tax-${entity}-${options.window}.ndjson`);
    const out = createWriteStream(ndjsonPath, 'utf8');
    out.end(outputs[entity].lines.map((line) => `${line}\n`).join(''));
    await finished(out);
    entities.push({
      entity,
      ndjsonPath,
      columns: API_COLUMNS[entity],
      count: outputs[entity].lines.length,
      quarantined: outputs[entity].quarantined,
    });
  }
  return { entities, enterpriseCount, skipped };
}
