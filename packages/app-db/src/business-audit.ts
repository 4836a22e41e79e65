// Audit events for data leaving the platform (exports) and for business decisions, in one shape
// so that the security auditor's query finds them by action and subject. Apps call these; they
// never compose such events by hand.
import type { ClientBase, Pool } from 'pg';
import { appendAuditEvent, type AuditEvent } from './audit-events.ts';

type Queryable = Pool | ClientBase;

export interface DataExport {
  /** Login of the person exporting. */
  readonly actor: string;
  /** What was exported, e.g. `dataset:enterprise_overview` or `report:monthly-regulatory`. */
  readonly subject: string;
  /** File format: csv, xlsx, pdf, arrow … */
  readonly format: string;
  readonly rowCount: number;
  /** The filters or query that selected the rows (never the rows themselves). */
  readonly query?: Readonly<Record<string, unknown>>;
  /** Whether C2/C3 fields left unmasked. */
  readonly containsUnmaskedFields: boolean;
}

export async function recordDataExport(db: Queryable, data: DataExport): Promise<AuditEvent> {
  if (!Number.isInteger(data.rowCount) || data.rowCount < 0) {
    throw new RangeError(`rowCount must be a non-negative integer, got ${String(data.rowCount)}`);
  }
  return appendAuditEvent(db, {
    actor: data.actor,
    action: 'data_exported',
    subject: data.subject,
    detail: {
      format: data.format,
      rowCount: data.rowCount,
      query: data.query ?? {},
      containsUnmaskedFields: data.containsUnmaskedFields,
    },
  });
}

export interface BusinessDecision {
  /** Login of the deciding person, or `system:<engine>` for an automated decision. */
  readonly actor: string;
  /** The decided record, e.g. `application:APP-2026-0001`. */
  readonly subject: string;
  /** The kind of decision, e.g. `credit_approval`, `guarantee_release`, `compensation`. */
  readonly decisionType: string;
  /** The outcome, e.g. `approved`, `rejected`, `returned`. */
  readonly outcome: string;
  /** Reason codes (PIPL Art. 24: automated decisions must be explainable). */
  readonly reasonCodes: readonly string[];
  readonly isAutomated: boolean;
  readonly comment?: string;
}

export async function recordBusinessDecision(
  db: Queryable,
  decision: BusinessDecision,
): Promise<AuditEvent> {
  if (decision.isAutomated && decision.reasonCodes.length === 0) {
    throw new RangeError(
      'an automated decision must carry at least one reason code (PIPL Art. 24)',
    );
  }
  return appendAuditEvent(db, {
    actor: decision.actor,
    action: 'business_decision_recorded',
    subject: decision.subject,
    detail: {
      decisionType: decision.decisionType,
      outcome: decision.outcome,
      reasonCodes: decision.reasonCodes,
      isAutomated: decision.isAutomated,
      ...(decision.comment === undefined ? {} : { comment: decision.comment }),
    },
  });
}
