// The RpcContext of one request, built from better-auth's shared session cookie (sg.session_token,
// decision 0007): the staff member behind the session with their org unit and roles, or no user.
import { rolesOf, type IdentityAuth } from '@sg/identity';
import type { RpcContext, SignedInUser } from '@sg/rpc';
import type { Pool } from 'pg';

export interface SessionContextDependencies {
  readonly pool: Pool;
  readonly auth: IdentityAuth;
}

/** The staff member a session belongs to; null for an account without a staff row (applicants). */
export async function staffUserOf(
  pool: Pool,
  session: { readonly userId: string; readonly login: string; readonly displayName: string },
): Promise<SignedInUser | null> {
  const staff = await pool.query<{ org_unit_id: string }>(
    'select org_unit_id from app.staff_members where user_id = $1',
    [session.userId],
  );
  const orgUnitId = staff.rows[0]?.org_unit_id;
  if (orgUnitId === undefined) return null;
  return {
    userId: session.userId,
    login: session.login,
    displayName: session.displayName,
    orgUnitId,
    roles: await rolesOf(pool, session.userId),
  };
}

/** Resolves the request's session cookie; an absent, expired or revoked session gives no user. */
export async function rpcContextFromHeaders(
  dependencies: SessionContextDependencies,
  headers: Headers,
  requestId: string,
): Promise<RpcContext> {
  const resolved = await dependencies.auth.api.getSession({ headers });
  if (resolved === null || resolved.user.banned === true) return { requestId, user: null };
  const user = await staffUserOf(dependencies.pool, {
    userId: resolved.user.id,
    login: resolved.user.username ?? resolved.user.id,
    displayName: resolved.user.name,
  });
  return { requestId, user };
}
