// Staff accounts for the admin area: list, create (better-auth's admin createUser, then the staff
// row), disable (banned, sessions ended) and reset password (等保 2.0 rules, sessions ended). Every
// change is an audit event.
import { isRole, type Role } from '@sg/access-control';
import { appendAuditEvent, withTransaction } from '@sg/app-db';
import { hashPassword, passwordPolicyViolations, type IdentityAuth } from '@sg/identity';
import type { Pool } from 'pg';
import type { StaffUserInput } from './schemas.ts';

export interface StaffUser {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly orgUnitId: string;
  readonly orgUnitTitle: string;
  readonly roles: readonly Role[];
  readonly disabled: boolean;
  readonly twoFactorEnabled: boolean;
}

interface StaffUserRow {
  user_id: string;
  username: string | null;
  name: string;
  org_unit_id: string;
  org_unit_title: string;
  roles: string[];
  banned: boolean | null;
  two_factor: boolean | null;
}

export type AdminChange<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export async function listStaffUsers(pool: Pool): Promise<StaffUser[]> {
  const result = await pool.query<StaffUserRow>(
    `select u.id as user_id, u.username, u.name, s.org_unit_id, o.title as org_unit_title,
            coalesce(array_agg(g.role_code order by g.role_code)
                       filter (where g.role_code is not null), '{}') as roles,
            u.banned, u."twoFactorEnabled" as two_factor
       from app.staff_members s
       join "user" u on u.id = s.user_id
       join app.org_units o on o.org_unit_id = s.org_unit_id
       left join app.staff_role_grants g on g.user_id = s.user_id
      group by u.id, u.username, u.name, s.org_unit_id, o.title, u.banned, u."twoFactorEnabled"
      order by o.title, u.username`,
  );
  return result.rows.map((row) => ({
    userId: row.user_id,
    username: row.username ?? '',
    displayName: row.name,
    orgUnitId: row.org_unit_id,
    orgUnitTitle: row.org_unit_title,
    roles: row.roles.filter(isRole),
    disabled: row.banned === true,
    twoFactorEnabled: row.two_factor === true,
  }));
}

/** The placeholder e-mail better-auth requires of a staff account (staff sign in by username). */
export const staffEmail = (username: string): string => `${username}@staff.sg.invalid`;

export async function createStaffUser(
  pool: Pool,
  auth: IdentityAuth,
  actor: string,
  input: StaffUserInput,
): Promise<AdminChange<{ userId: string }>> {
  const violations = passwordPolicyViolations(input.password, input.username);
  if (violations.length > 0) return { ok: false, message: violations.join('；') };
  const taken = await pool.query('select 1 from "user" where username = $1', [input.username]);
  if (taken.rowCount !== 0) return { ok: false, message: `用户名 ${input.username} 已被使用` };
  const unit = await pool.query('select 1 from app.org_units where org_unit_id = $1', [
    input.orgUnitId,
  ]);
  if (unit.rowCount === 0) return { ok: false, message: '所属机构不存在' };

  const created = await auth.api.createUser({
    body: {
      email: staffEmail(input.username),
      password: input.password,
      name: input.displayName,
      data: { username: input.username, displayUsername: input.username },
    },
  });
  const userId = created.user.id;
  await withTransaction(pool, async (client) => {
    await client.query('insert into app.staff_members (user_id, org_unit_id) values ($1, $2)', [
      userId,
      input.orgUnitId,
    ]);
    await appendAuditEvent(client, {
      actor,
      action: 'user_created',
      subject: `user_id:${userId}`,
      detail: { username: input.username, orgUnitId: input.orgUnitId },
    });
  });
  return { ok: true, value: { userId } };
}

/** Bans the account (better-auth refuses its sign-in) and ends every session it has. */
export async function disableStaffUser(
  pool: Pool,
  actor: string,
  userId: string,
): Promise<AdminChange<null>> {
  return withTransaction(pool, async (client) => {
    const updated = await client.query(
      `update "user" set banned = true, "banReason" = '管理员停用', "updatedAt" = now()
        where id = $1 and exists (select 1 from app.staff_members where user_id = $1)`,
      [userId],
    );
    if (updated.rowCount === 0) return { ok: false, message: '用户不存在' };
    await client.query('delete from session where "userId" = $1', [userId]);
    await appendAuditEvent(client, {
      actor,
      action: 'user_disabled',
      subject: `user_id:${userId}`,
    });
    return { ok: true, value: null };
  });
}

/** Sets a new password checked against the 等保 2.0 rules; the user's sessions end. */
export async function resetStaffPassword(
  pool: Pool,
  actor: string,
  userId: string,
  newPassword: string,
): Promise<AdminChange<null>> {
  const user = await pool.query<{ username: string | null }>(
    'select username from "user" where id = $1',
    [userId],
  );
  const username = user.rows[0]?.username;
  if (username === undefined) return { ok: false, message: '用户不存在' };
  const violations = passwordPolicyViolations(newPassword, username ?? undefined);
  if (violations.length > 0) return { ok: false, message: violations.join('；') };
  const hash = await hashPassword(newPassword);
  return withTransaction(pool, async (client) => {
    const updated = await client.query(
      `update account set password = $2, "updatedAt" = now()
        where "userId" = $1 and "providerId" = 'credential'`,
      [userId, hash],
    );
    if (updated.rowCount === 0) return { ok: false, message: '该用户没有口令登录方式' };
    await client.query('delete from session where "userId" = $1', [userId]);
    await appendAuditEvent(client, {
      actor,
      action: 'password_reset',
      subject: `user_id:${userId}`,
    });
    return { ok: true, value: null };
  });
}
