// Granting and revoking roles: separation of duties checked against the roles already held, and an
// audit event for every change (permission changes are audited, issue 12).
import {
  checkRoleAssignment,
  isRole,
  roleDefinition,
  type Role,
  type RoleAssignmentCheck,
} from '@sg/access-control';
import { appendAuditEvent, withTransaction } from '@sg/app-db';
import type { ClientBase, Pool } from 'pg';

export async function rolesOf(db: Pool | ClientBase, userId: string): Promise<Role[]> {
  const result = await db.query<{ role_code: string }>(
    'select role_code from app.staff_role_grants where user_id = $1 order by granted_at, role_code',
    [userId],
  );
  return result.rows.map((row) => row.role_code).filter(isRole);
}

export interface RoleChange {
  /** The administrator's login. */
  readonly actor: string;
  readonly userId: string;
  readonly role: Role;
}

export type RoleGrantResult =
  | RoleAssignmentCheck
  | { readonly ok: false; readonly secondFactorRequired: true; readonly message: string };

/**
 * Grants a role unless a held role belongs to another duty, or the role is privileged and the person
 * has not enrolled TOTP (better-auth then asks every sign-in for the code); audited either way.
 */
export async function grantRole(pool: Pool, change: RoleChange): Promise<RoleGrantResult> {
  return withTransaction(pool, async (client) => {
    // Serialises grants to one user, so two concurrent grants cannot both pass the duty check.
    await client.query('select 1 from app.staff_members where user_id = $1 for update', [
      change.userId,
    ]);
    const held = await rolesOf(client, change.userId);
    if (roleDefinition(change.role).isPrivileged) {
      const enrolled = await client.query<{ twoFactorEnabled: boolean | null }>(
        'select "twoFactorEnabled" from "user" where id = $1',
        [change.userId],
      );
      if (enrolled.rows[0]?.twoFactorEnabled !== true) {
        const message = `${roleDefinition(change.role).title}为特权角色，须先启用双因素认证（TOTP）`;
        await appendAuditEvent(client, {
          actor: change.actor,
          action: 'role_grant_refused',
          subject: `user_id:${change.userId}`,
          detail: { role: change.role, reason: message },
        });
        return { ok: false, secondFactorRequired: true, message };
      }
    }
    const check = held.includes(change.role)
      ? { ok: true as const }
      : checkRoleAssignment(held, change.role);
    const subject = `user_id:${change.userId}`;
    if (!check.ok) {
      await appendAuditEvent(client, {
        actor: change.actor,
        action: 'role_grant_refused',
        subject,
        detail: { role: change.role, conflictsWith: check.conflictsWith, reason: check.message },
      });
      return check;
    }
    await client.query(
      `insert into app.staff_role_grants (user_id, role_code, granted_by) values ($1, $2, $3)
       on conflict do nothing`,
      [change.userId, change.role, change.actor],
    );
    await appendAuditEvent(client, {
      actor: change.actor,
      action: 'role_granted',
      subject,
      detail: { role: change.role },
    });
    return check;
  });
}

export async function revokeRole(pool: Pool, change: RoleChange): Promise<void> {
  await withTransaction(pool, async (client) => {
    await client.query('delete from app.staff_role_grants where user_id = $1 and role_code = $2', [
      change.userId,
      change.role,
    ]);
    await appendAuditEvent(client, {
      actor: change.actor,
      action: 'role_revoked',
      subject: `user_id:${change.userId}`,
      detail: { role: change.role },
    });
  });
}
