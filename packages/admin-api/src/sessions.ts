// Signed-in sessions for the admin area: the live ones (never their tokens) and revocation, audited.
import { appendAuditEvent, withTransaction } from '@sg/app-db';
import type { Pool } from 'pg';

export interface LiveSession {
  readonly sessionId: string;
  readonly userId: string;
  readonly username: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly ipAddress: string | null;
  readonly userAgent: string | null;
}

interface SessionRow {
  id: string;
  user_id: string;
  username: string | null;
  created_at: Date;
  expires_at: Date;
  ip_address: string | null;
  user_agent: string | null;
}

export async function listLiveSessions(pool: Pool, now = new Date()): Promise<LiveSession[]> {
  const result = await pool.query<SessionRow>(
    `select s.id, s."userId" as user_id, u.username, s."createdAt" as created_at,
            s."expiresAt" as expires_at, s."ipAddress" as ip_address, s."userAgent" as user_agent
       from session s join "user" u on u.id = s."userId"
      where s."expiresAt" > $1
      order by s."createdAt" desc
      limit 500`,
    [now],
  );
  return result.rows.map((row) => ({
    sessionId: row.id,
    userId: row.user_id,
    username: row.username ?? '',
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    ipAddress: row.ip_address,
    userAgent: row.user_agent,
  }));
}

export async function revokeSession(
  pool: Pool,
  actor: string,
  sessionId: string,
): Promise<boolean> {
  return withTransaction(pool, async (client) => {
    const deleted = await client.query<{ user_id: string }>(
      'delete from session where id = $1 returning "userId" as user_id',
      [sessionId],
    );
    const userId = deleted.rows[0]?.user_id;
    if (userId === undefined) return false;
    await appendAuditEvent(client, {
      actor,
      action: 'session_revoked',
      subject: `user_id:${userId}`,
      detail: { sessionId },
    });
    return true;
  });
}
