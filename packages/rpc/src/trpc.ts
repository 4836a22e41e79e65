// The one initTRPC of the repository and its named base procedures. Every procedure starts from
// one of them, so its guard is visible where it is declared; `procedureGuards` reads them back so a
// test can fail on a procedure with none.
import {
  DATA_SCOPE_TITLES,
  PERMISSIONS,
  dataScopeFor,
  hasPermission,
  type DataScope,
  type Permission,
} from '@sg/access-control';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { RpcContext, SignedInUser } from './context.ts';
import { chineseMessage } from './errors.ts';

const t = initTRPC.context<RpcContext>().create({
  errorFormatter: ({ shape, error, ctx }) => ({
    ...shape,
    message: chineseMessage(error),
    data: {
      code: shape.data.code,
      httpStatus: shape.data.httpStatus,
      path: shape.data.path,
      requestId: ctx?.requestId ?? null,
      issues: error.cause instanceof ZodError ? error.cause.issues : null,
    },
  }),
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Marks a procedure open to everyone, signed in or not (sign-in, health). */
const markPublic = t.procedure.use(({ next }) => next());

const requireSignIn = t.procedure.use(({ ctx, next }) => {
  if (ctx.user === null) throw new TRPCError({ code: 'UNAUTHORIZED', message: '请先登录' });
  const user: SignedInUser = ctx.user;
  return next({ ctx: { user } });
});

// The middleware functions themselves, found again in each procedure's definition.
const PUBLIC_MARKER = markPublic._def.middlewares[0];
const SIGN_IN_GUARD = requireSignIn._def.middlewares[0];

export const publicProcedure = markPublic;
export const signedInProcedure = requireSignIn;

/** Signed in and holding permission P; the context carries the data scope P is held with. */
export function withPermission(permission: Permission) {
  return signedInProcedure.use(({ ctx, next }) => {
    const dataScope = dataScopeFor(ctx.user.roles, permission);
    if (!hasPermission(ctx.user.roles, permission) || dataScope === undefined) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `无权执行此操作：需要“${PERMISSIONS[permission]}”权限`,
      });
    }
    return next({ ctx: { permission, dataScope } });
  });
}

export interface DataScopeFilter {
  readonly scope: DataScope;
  readonly title: string;
  /** Rows owned by this user (scope `own`). */
  readonly userId: string;
  /** The viewer's org unit (`org_unit`; `org_unit_and_below` adds the units below it). */
  readonly orgUnitId: string;
}

/** withPermission(P) plus the filter every query of the procedure applies to its rows. */
export function withDataScope(permission: Permission) {
  return withPermission(permission).use(({ ctx, next }) => {
    const filter: DataScopeFilter = {
      scope: ctx.dataScope,
      title: DATA_SCOPE_TITLES[ctx.dataScope],
      userId: ctx.user.userId,
      orgUnitId: ctx.user.orgUnitId,
    };
    return next({ ctx: { scopeFilter: filter } });
  });
}

export type ProcedureGuard = 'public' | 'signed-in';

interface InspectableProcedure {
  readonly _def: { readonly middlewares: readonly unknown[] };
}

/** Each procedure's guard by path, `undefined` when it started from none of the base procedures. */
export function procedureGuards(appRouter: {
  readonly _def: { readonly procedures: object };
}): Record<string, ProcedureGuard | undefined> {
  const guards: Record<string, ProcedureGuard | undefined> = {};
  for (const [path, procedure] of Object.entries(appRouter._def.procedures)) {
    const middlewares = (procedure as InspectableProcedure)._def.middlewares;
    guards[path] = middlewares.includes(SIGN_IN_GUARD)
      ? 'signed-in'
      : middlewares.includes(PUBLIC_MARKER)
        ? 'public'
        : undefined;
  }
  return guards;
}
