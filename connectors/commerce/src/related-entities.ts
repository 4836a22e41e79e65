/**
 * The eight related entities of an enterprise, as one table: which vendor list feeds which raw
 * table, the wire schema of its records, its raw columns (type-mapping.ts) and what makes two of
 * its records the same (duplicates within one enterprise are quarantined, the first one kept).
 */
import type { QuarantinedRecord } from '@sg/lake';
import type { z } from 'zod';
import { quarantinedRecord } from './enterprise-records.ts';
import {
  describeIssues,
  vendorAbnormalOperationSchema,
  vendorAnnualReportSchema,
  vendorChangeRecordSchema,
  vendorCourtCaseSchema,
  vendorEnforcementSchema,
  vendorExecutiveSchema,
  vendorPenaltySchema,
  vendorShareholderSchema,
} from './schemas.ts';
import { COMMERCE_RELATED_COLUMNS, toRawRelatedRow } from './type-mapping.ts';
import type { CommerceRelatedEntity, RelatedColumn } from './type-mapping.ts';
import type { RelatedList } from './vendor-requests.ts';

export interface RelatedEntity {
  /** Raw table `raw_commerce.<entity>`. */
  readonly entity: CommerceRelatedEntity;
  /** Chinese title of the raw table. */
  readonly title: string;
  /** English description of the raw table; the first sentence states the grain. */
  readonly description: string;
  /** The vendor list `/v1/enterprises/{code}/<list>`. */
  readonly list: RelatedList;
  /** Chinese name, for reasons. */
  readonly label: string;
  readonly schema: z.ZodType<Record<string, unknown>>;
  readonly columns: readonly RelatedColumn[];
  /** Raw columns whose values identify a record within its enterprise; empty = the whole row. */
  readonly keyColumns: readonly string[];
}

export const RELATED_ENTITIES: readonly RelatedEntity[] = [
  {
    entity: 'shareholders',
    title: '工商股东信息（原始落地）',
    description:
      'One row per shareholder of an enterprise per landing window, from the vendor’s ' +
      'shareholder list of each enterprise pulled in that window.',
    list: 'shareholders',
    label: '股东',
    schema: vendorShareholderSchema,
    columns: COMMERCE_RELATED_COLUMNS.shareholders,
    keyColumns: [],
  },
  {
    entity: 'executives',
    title: '工商主要人员（原始落地）',
    description: 'One row per executive (person and position) of an enterprise per landing window.',
    list: 'executives',
    label: '主要人员',
    schema: vendorExecutiveSchema,
    columns: COMMERCE_RELATED_COLUMNS.executives,
    keyColumns: [],
  },
  {
    entity: 'changes',
    title: '工商变更记录（原始落地）',
    description: 'One row per registration change record of an enterprise per landing window.',
    list: 'changes',
    label: '变更记录',
    schema: vendorChangeRecordSchema,
    columns: COMMERCE_RELATED_COLUMNS.changes,
    keyColumns: [],
  },
  {
    entity: 'penalties',
    title: '行政处罚（原始落地）',
    description:
      'One row per administrative penalty decision against an enterprise per landing window.',
    list: 'penalties',
    label: '行政处罚',
    schema: vendorPenaltySchema,
    columns: COMMERCE_RELATED_COLUMNS.penalties,
    keyColumns: ['decision_no'],
  },
  {
    entity: 'abnormal_operations',
    title: '经营异常名录（原始落地）',
    description:
      'One row per listing of an enterprise in the abnormal-operations register per landing ' +
      'window, with its removal date when removed.',
    list: 'abnormal-operations',
    label: '经营异常',
    schema: vendorAbnormalOperationSchema,
    columns: COMMERCE_RELATED_COLUMNS.abnormal_operations,
    keyColumns: [],
  },
  {
    entity: 'court_cases',
    title: '司法案件（原始落地）',
    description: 'One row per court case and role of an enterprise per landing window.',
    list: 'court-cases',
    label: '司法案件',
    schema: vendorCourtCaseSchema,
    columns: COMMERCE_RELATED_COLUMNS.court_cases,
    keyColumns: ['case_no', 'role'],
  },
  {
    entity: 'enforcements',
    title: '被执行人信息（原始落地）',
    description:
      'One row per enforcement case against an enterprise per landing window, flagging ' +
      'dishonest judgment debtors (失信).',
    list: 'enforcements',
    label: '被执行信息',
    schema: vendorEnforcementSchema,
    columns: COMMERCE_RELATED_COLUMNS.enforcements,
    keyColumns: ['case_no'],
  },
  {
    entity: 'annual_reports',
    title: '企业年报（原始落地）',
    description:
      'One row per annual report (企业年报) of an enterprise and business year per landing ' +
      'window: people employed, operating revenue and total assets as filed, with the filing ' +
      'date (after 30 June of the next year = late) and whether the figures are public.',
    list: 'annual-reports',
    label: '企业年报',
    schema: vendorAnnualReportSchema,
    columns: COMMERCE_RELATED_COLUMNS.annual_reports,
    keyColumns: ['report_year'],
  },
];

export type RelatedVerdict =
  | { readonly ok: true; readonly key: string; readonly line: string }
  | { readonly ok: false; readonly quarantined: QuarantinedRecord };

/** The record as landed in quarantine: the vendor record plus the enterprise it belongs to. */
function withEnterprise(uscc: string, record: unknown): unknown {
  return typeof record === 'object' && record !== null && !Array.isArray(record)
    ? { creditCode: uscc, ...record }
    : { creditCode: uscc, record };
}

/** Validates and maps one related record of enterprise `uscc`, or quarantines it. */
export function judgeRelatedRecord(
  entity: RelatedEntity,
  uscc: string,
  record: unknown,
): RelatedVerdict {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return {
      ok: false,
      quarantined: quarantinedRecord(
        withEnterprise(uscc, record),
        'not_an_object',
        `${entity.label}记录不是 JSON 对象`,
      ),
    };
  }
  const parsed = entity.schema.safeParse(record);
  if (!parsed.success) {
    return {
      ok: false,
      quarantined: quarantinedRecord(
        withEnterprise(uscc, record),
        'schema_invalid',
        `${entity.label}：${describeIssues(parsed.error)}`,
      ),
    };
  }
  const row = toRawRelatedRow(entity.columns, uscc, parsed.data);
  const keyValues =
    entity.keyColumns.length === 0
      ? Object.values(row)
      : entity.keyColumns.map((name) => row[name] ?? null);
  return { ok: true, key: JSON.stringify(keyValues), line: `${JSON.stringify(row)}\n` };
}

/** Every record of an enterprise whose own record was quarantined goes to quarantine too. */
export function quarantineWithParent(
  entity: RelatedEntity,
  uscc: string,
  record: unknown,
  parentReason: string,
): QuarantinedRecord {
  return quarantinedRecord(
    withEnterprise(uscc, record),
    'parent_quarantined',
    `所属企业记录已隔离（${parentReason}），其${entity.label}记录一并隔离`,
  );
}
