import { verifyAuthorization } from '@sg/api-token';
import type { Role } from '@sg/access-control';
import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RpcContext, SignedInUser } from './context.ts';
import { mintSemanticToken } from './semantic-token.ts';
import {
  createCallerFactory,
  procedureGuards,
  publicProcedure,
  router,
  signedInProcedure,
  withDataScope,
  withPermission,
} from './trpc.ts';

const user = (roles: Role[], orgUnitId = 'yinchuan_branch'): SignedInUser => ({
  userId: `u-${roles.join('-') || 'none'}`,
  login: roles.join('.') || 'nobody',
  displayName: '测试用户',
  orgUnitId,
  roles,
});

const ANALYST_YINCHUAN = user(['analyst']);
const SYSTEM_ADMIN = user(['system_admin'], 'head_office');
const SECURITY_AUDITOR = user(['security_auditor'], 'head_office');
const RISK_OFFICER = user(['risk_officer'], 'head_office');

// A router shaped like the apps' routers: one procedure per base procedure.
const exampleRouter = router({
  health: publicProcedure.query(() => 'ok'),
  me: signedInProcedure.query(({ ctx }) => ctx.user.login),
  admin: router({
    listUsers: withPermission('admin.users').query(() => ['analyst.yinchuan']),
  }),
  audit: router({
    listEvents: withPermission('audit.read')
      .input(z.object({ subject: z.string().min(1) }))
      .query(({ input }) => [input.subject]),
  }),
  guarantees: router({
    list: withDataScope('guarantee.read').query(({ ctx }) => ctx.scopeFilter),
  }),
  bi: router({ scope: withDataScope('bi.read').query(({ ctx }) => ctx.scopeFilter.scope) }),
});

const createCaller = createCallerFactory(exampleRouter);
const callerAs = (signedIn: SignedInUser | null) =>
  createCaller({ requestId: 'req-test-1', user: signedIn } satisfies RpcContext);

async function failure(call: Promise<unknown>): Promise<TRPCError> {
  const error: unknown = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof TRPCError)) throw new Error('expected a TRPCError');
  return error;
}

describe('procedureGuards', () => {
  it('finds the guard of every procedure of a router', () => {
    expect(procedureGuards(exampleRouter)).toEqual({
      health: 'public',
      me: 'signed-in',
      'admin.listUsers': 'signed-in',
      'audit.listEvents': 'signed-in',
      'guarantees.list': 'signed-in',
      'bi.scope': 'signed-in',
    });
  });

  it('reports a procedure of another initTRPC, which has neither marker', () => {
    const foreign = { _def: { procedures: { rogue: { _def: { middlewares: [() => null] } } } } };
    expect(procedureGuards(foreign)).toEqual({ rogue: undefined });
  });
});

// Each guarded procedure: signed out → UNAUTHORIZED; a role that must not pass → FORBIDDEN.
const REFUSALS: readonly [
  string,
  (caller: ReturnType<typeof callerAs>) => Promise<unknown>,
  SignedInUser | null,
  string,
][] = [
  ['me', (c) => c.me(), null, 'UNAUTHORIZED'],
  ['admin.listUsers', (c) => c.admin.listUsers(), null, 'UNAUTHORIZED'],
  ['admin.listUsers', (c) => c.admin.listUsers(), ANALYST_YINCHUAN, 'FORBIDDEN'],
  ['admin.listUsers', (c) => c.admin.listUsers(), SECURITY_AUDITOR, 'FORBIDDEN'],
  ['audit.listEvents', (c) => c.audit.listEvents({ subject: 'user:x' }), null, 'UNAUTHORIZED'],
  ['audit.listEvents', (c) => c.audit.listEvents({ subject: 'user:x' }), SYSTEM_ADMIN, 'FORBIDDEN'],
  ['guarantees.list', (c) => c.guarantees.list(), null, 'UNAUTHORIZED'],
  ['guarantees.list', (c) => c.guarantees.list(), ANALYST_YINCHUAN, 'FORBIDDEN'],
  ['bi.scope', (c) => c.bi.scope(), null, 'UNAUTHORIZED'],
  ['bi.scope', (c) => c.bi.scope(), SECURITY_AUDITOR, 'FORBIDDEN'],
];

describe('guards through createCaller', () => {
  it('covers every guarded procedure of the router', () => {
    const guarded = Object.entries(procedureGuards(exampleRouter))
      .filter(([, guard]) => guard !== 'public')
      .map(([path]) => path);
    for (const path of guarded) {
      const refusals = REFUSALS.filter(([p]) => p === path);
      expect(
        refusals.filter(([, , who]) => who === null),
        path,
      ).not.toHaveLength(0);
      if (path !== 'me') {
        expect(
          refusals.filter(([, , who]) => who !== null),
          path,
        ).not.toHaveLength(0);
      }
    }
  });

  it.each(REFUSALS)('%s refuses %j with %s', async (_path, call, who, code) => {
    const error = await failure(call(callerAs(who)));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/\p{Script=Han}/u);
  });

  it('lets the entitled roles through, with their data scope', async () => {
    expect(await callerAs(null).health()).toBe('ok');
    expect(await callerAs(SYSTEM_ADMIN).admin.listUsers()).toEqual(['analyst.yinchuan']);
    expect(await callerAs(SECURITY_AUDITOR).audit.listEvents({ subject: 'user:x' })).toEqual([
      'user:x',
    ]);
    expect(await callerAs(ANALYST_YINCHUAN).bi.scope()).toBe('org_unit_and_below');
    expect(await callerAs(RISK_OFFICER).guarantees.list()).toEqual({
      scope: 'all',
      title: '全部',
      userId: RISK_OFFICER.userId,
      orgUnitId: 'head_office',
    });
  });

  it('names the missing permission in Chinese', async () => {
    const error = await failure(callerAs(ANALYST_YINCHUAN).admin.listUsers());
    expect(error.message).toBe('无权执行此操作：需要“管理用户、机构与岗位”权限');
  });
});

describe('the error format over HTTP', () => {
  it('answers in Chinese with the request id, and hides internal messages', async () => {
    const failing = router({
      ...exampleRouter._def.record,
      broken: publicProcedure.query(() => {
        throw new Error('connection refused 10.0.0.5:5432');
      }),
    });
    const call = async (path: string) => {
      const response = await fetchRequestHandler({
        endpoint: '/trpc',
        req: new Request(`http://localhost/trpc/${path}`),
        router: failing,
        createContext: () => ({ requestId: 'req-42', user: ANALYST_YINCHUAN }),
        onError: () => undefined,
      });
      return { status: response.status, body: await response.json() };
    };
    expect(await call('admin.listUsers')).toMatchObject({
      status: 403,
      body: {
        error: {
          message: '无权执行此操作：需要“管理用户、机构与岗位”权限',
          data: { code: 'FORBIDDEN', httpStatus: 403, requestId: 'req-42' },
        },
      },
    });
    const internal = await call('broken');
    expect(internal).toMatchObject({
      status: 500,
      body: { error: { message: '服务器内部错误', data: { requestId: 'req-42' } } },
    });
    expect(JSON.stringify(internal.body)).not.toContain('10.0.0.5');
  });
});

describe('mintSemanticToken', () => {
  const SECRET = 'rpc-test-secret';
  const NOW = new Date('2026-12-04T10:00:00Z');

  it('carries the org unit and the data scope of bi.read', () => {
    const token = mintSemanticToken(ANALYST_YINCHUAN, SECRET, NOW);
    const check = verifyAuthorization(`Bearer ${token ?? ''}`, SECRET, NOW);
    expect(check).toMatchObject({
      ok: true,
      payload: {
        sub: ANALYST_YINCHUAN.userId,
        org_unit_id: 'yinchuan_branch',
        data_scope: 'org_unit_and_below',
        roles: ['analyst'],
        exp: NOW.getTime() / 1000 + 300,
      },
    });
  });

  it('is not minted for a role without bi.read', () => {
    expect(mintSemanticToken(SECURITY_AUDITOR, SECRET, NOW)).toBeNull();
  });
});
