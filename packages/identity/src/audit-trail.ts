// The security auditor's view of app.audit_events: newest first, filtered by actor, action, subject
// prefix and time. Read-only; the procedure serving it is guarded by `audit.read`.
import type { AuditEvent } from '@sg/app-db';
import type { Pool } from 'pg';

export interface AuditQuery {
  readonly actor?: string;
  readonly actions?: readonly string[];
  /** `user:` matches every user subject. */
  readonly subjectPrefix?: string;
  readonly since?: Date;
  readonly until?: Date;
  /** At most 500 (the page size of the audit viewer's largest page). */
  readonly limit?: number;
}

export async function queryAuditEvents(pool: Pool, query: AuditQuery): Promise<AuditEvent[]> {
  const result = await pool.query<{
    audit_event_id: string;
    occurred_at: Date;
    actor: string;
    action: string;
    subject: string;
    detail: Record<string, unknown>;
  }>(
    `select audit_event_id, occurred_at, actor, action, subject, detail
       from app.audit_events
      where ($1::text is null or actor = $1)
        and ($2::text[] is null or action = any($2))
        and ($3::text is null or starts_with(subject, $3))
        and ($4::timestamptz is null or occurred_at >= $4)
        and ($5::timestamptz is null or occurred_at < $5)
      order by occurred_at desc, audit_event_id desc
      limit $6`,
    [
      query.actor ?? null,
      query.actions ?? null,
      query.subjectPrefix ?? null,
      query.since ?? null,
      query.until ?? null,
      Math.min(Math.max(query.limit ?? 100, 1), 500),
    ],
  );
  return result.rows.map((row) => ({
    auditEventId: row.audit_event_id,
    occurredAt: row.occurred_at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    detail: row.detail,
  }));
}
