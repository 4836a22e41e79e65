// The audit trail in app.audit_events: append-only.
import type { ClientBase, Pool } from 'pg';

export interface AuditEventInput {
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

export interface AuditEvent {
  /** bigint identity, returned as a decimal string (pg's default for int8). */
  readonly auditEventId: string;
  readonly occurredAt: Date;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly detail: Record<string, unknown>;
}

/** A pool, a pooled client or a plain client. */
type Queryable = Pool | ClientBase;

interface AuditEventRow {
  audit_event_id: string;
  occurred_at: Date;
  actor: string;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
}

const COLUMNS = 'audit_event_id, occurred_at, actor, action, subject, detail';

function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    auditEventId: row.audit_event_id,
    occurredAt: row.occurred_at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    detail: row.detail,
  };
}

export async function appendAuditEvent(db: Queryable, event: AuditEventInput): Promise<AuditEvent> {
  const result = await db.query<AuditEventRow>(
    `insert into app.audit_events (actor, action, subject, detail)
     values ($1, $2, $3, $4::jsonb)
     returning ${COLUMNS}`,
    [event.actor, event.action, event.subject, JSON.stringify(event.detail ?? {})],
  );
  const row = result.rows[0];
  if (!row) throw new Error('insert into app.audit_events returned no row');
  return toAuditEvent(row);
}

/** Events about one subject, oldest first. */
export async function listAuditEventsForSubject(
  db: Queryable,
  subject: string,
): Promise<AuditEvent[]> {
  const result = await db.query<AuditEventRow>(
    `select ${COLUMNS} from app.audit_events where subject = $1 order by occurred_at, audit_event_id`,
    [subject],
  );
  return result.rows.map(toAuditEvent);
}

/** The security auditor's filter over app.audit_events (every field optional). */
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

/**
 * The security auditor's view: newest first, filtered by actor, action, subject prefix and time.
 * Read-only; the procedure serving it is guarded by `audit.read`.
 */
export async function queryAuditEvents(db: Queryable, query: AuditQuery): Promise<AuditEvent[]> {
  const result = await db.query<AuditEventRow>(
    `select ${COLUMNS}
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
  return result.rows.map(toAuditEvent);
}
