// Password history (等保 2.0): a new password may not be any of the user's last N passwords — the
// current one (account.password) and the previous ones kept in app.password_history.
import type { ClientBase, Pool } from 'pg';
import { verifyPassword } from './password-hash.ts';
import { PASSWORD_HISTORY_DEPTH } from './password-policy.ts';

type Queryable = Pool | ClientBase;

/** The Chinese refusal shown when a password was used recently. */
export function passwordReuseMessage(depth: number): string {
  return `新口令不得与最近 ${String(depth)} 次使用过的口令相同`;
}

/** The stored hashes of the user's last `depth` passwords, newest first, the current one included. */
export async function recentPasswordHashes(
  db: Queryable,
  userId: string,
  depth: number = PASSWORD_HISTORY_DEPTH,
): Promise<string[]> {
  const current = await db.query<{ password: string | null }>(
    `select password from account where "userId" = $1 and "providerId" = 'credential'`,
    [userId],
  );
  const history = await db.query<{ password_hash: string }>(
    `select password_hash from app.password_history where user_id = $1
      group by password_hash order by max(set_at) desc limit $2`,
    [userId, depth],
  );
  const hashes = [
    ...current.rows.map((row) => row.password),
    ...history.rows.map((row) => row.password_hash),
  ].filter((hash): hash is string => hash !== null);
  return [...new Set(hashes)].slice(0, depth);
}

/** True when the password matches one of the user's last `depth` passwords. */
export async function isRecentPassword(
  db: Queryable,
  userId: string,
  password: string,
  depth: number = PASSWORD_HISTORY_DEPTH,
): Promise<boolean> {
  for (const hash of await recentPasswordHashes(db, userId, depth)) {
    if (await verifyPassword({ hash, password })) return true;
  }
  return false;
}

/**
 * Keeps the user's current password hash in the history, before it is replaced. A change that then
 * fails leaves the current hash twice (history and account), which the reads above fold into one.
 */
export async function recordCurrentPassword(
  db: Queryable,
  userId: string,
  at: Date,
): Promise<void> {
  await db.query(
    `insert into app.password_history (user_id, password_hash, set_at)
     select "userId", password, $2 from account
      where "userId" = $1 and "providerId" = 'credential' and password is not null`,
    [userId, at],
  );
}
