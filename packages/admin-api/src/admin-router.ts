// The admin area's and the audit viewer's tRPC routers. Every procedure starts from a guard of
// @sg/rpc: admin.users (users, org units), admin.roles (grants), admin.sessions, audit.read.
import { grantRole, revokeRole, type IdentityAuth } from '@sg/identity';
import { queryAuditEvents } from '@sg/app-db';
import { auditQueryOf } from './audit-query.ts';
import { router, signedInProcedure, withPermission } from '@sg/rpc';
import { TRPCError } from '@trpc/server';
import type { Pool } from 'pg';
import { createOrgUnit, listOrgUnits } from './org-units.ts';
import {
  auditFilterInput,
  orgUnitInput,
  passwordResetInput,
  roleChangeInput,
  sessionIdInput,
  staffUserInput,
  userIdInput,
} from './schemas.ts';
import { listLiveSessions, revokeSession } from './sessions.ts';
import {
  createStaffUser,
  disableStaffUser,
  listStaffUsers,
  resetStaffPassword,
  type AdminChange,
} from './staff-users.ts';

export interface AdminApiDependencies {
  readonly pool: Pool;
  readonly auth: IdentityAuth;
}

/** A refused change as BAD_REQUEST with its Chinese reason (shown as is by @sg/rpc's format). */
function valueOrRefusal<T>(change: AdminChange<T>): T {
  if (!change.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: change.message });
  return change.value;
}

export function createAdminApiRouter({ pool, auth }: AdminApiDependencies) {
  return router({
    me: signedInProcedure.query(({ ctx }) => ctx.user),
    users: router({
      list: withPermission('admin.users').query(() => listStaffUsers(pool)),
      create: withPermission('admin.users')
        .input(staffUserInput)
        .mutation(async ({ ctx, input }) =>
          valueOrRefusal(await createStaffUser(pool, auth, ctx.user.login, input)),
        ),
      disable: withPermission('admin.users')
        .input(userIdInput)
        .mutation(async ({ ctx, input }) => {
          if (input.userId === ctx.user.userId) {
            throw new TRPCError({ code: 'BAD_REQUEST', message: '不能停用自己的账号' });
          }
          return valueOrRefusal(await disableStaffUser(pool, ctx.user.login, input.userId));
        }),
      resetPassword: withPermission('admin.users')
        .input(passwordResetInput)
        .mutation(async ({ ctx, input }) =>
          valueOrRefusal(
            await resetStaffPassword(pool, ctx.user.login, input.userId, input.newPassword),
          ),
        ),
    }),
    orgUnits: router({
      list: withPermission('admin.users').query(() => listOrgUnits(pool)),
      create: withPermission('admin.users')
        .input(orgUnitInput)
        .mutation(async ({ ctx, input }) => {
          const created = await createOrgUnit(pool, ctx.user.login, input);
          if (!created.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: created.message });
          return created.orgUnit;
        }),
    }),
    roles: router({
      grant: withPermission('admin.roles')
        .input(roleChangeInput)
        .mutation(async ({ ctx, input }) => {
          const result = await grantRole(pool, { actor: ctx.user.login, ...input });
          if (!result.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: result.message });
          return null;
        }),
      revoke: withPermission('admin.roles')
        .input(roleChangeInput)
        .mutation(async ({ ctx, input }) => {
          await revokeRole(pool, { actor: ctx.user.login, ...input });
          return null;
        }),
    }),
    sessions: router({
      list: withPermission('admin.sessions').query(() => listLiveSessions(pool)),
      revoke: withPermission('admin.sessions')
        .input(sessionIdInput)
        .mutation(async ({ ctx, input }) => {
          if (!(await revokeSession(pool, ctx.user.login, input.sessionId))) {
            throw new TRPCError({ code: 'NOT_FOUND', message: '会话不存在或已结束' });
          }
          return null;
        }),
    }),
    audit: router({
      query: withPermission('audit.read')
        .input(auditFilterInput)
        .query(({ input }) => queryAuditEvents(pool, auditQueryOf(input))),
    }),
  });
}

export type AdminApiRouter = ReturnType<typeof createAdminApiRouter>;
