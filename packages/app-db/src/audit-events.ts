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
