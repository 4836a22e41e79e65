// The admin area's and audit viewer's routers: every procedure guarded and refused (signed out →
// UNAUTHORIZED, a role that must not pass → FORBIDDEN), then the real work on the tests' PostgreSQL.
import type { Role } from '@sg/access-control';
import { createMigratedTestPool } from '@sg/app-db/testing';
import { createIdentityAuth, type IdentityAuth } from '@sg/identity';
import { createCallerFactory, procedureGuards, type SignedInUser } from '@sg/rpc';
import { TRPCError } from '@trpc/server';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminApiRouter, type AdminApiDependencies } from './admin-router.ts';

const adminCallerFactory = (dependencies: AdminApiDependencies) =>
  createCallerFactory(createAdminApiRouter(dependencies));
type AdminCaller = ReturnType<ReturnType<typeof adminCallerFactory>>;

const staff = (login: string, roles: Role[], orgUnitId = 'head_office'): SignedInUser => ({
  userId: `u-${login}`,
  login,
  displayName: login,
  orgUnitId,
  roles,
});

const ADMIN = staff('admin.demo', ['system_admin']);
const AUDITOR = staff('auditor.demo', ['security_auditor']);
const ANALYST = staff('analyst.demo', ['analyst'], 'yinchuan_branch');

// Every procedure with a valid input and a signed-in role that must not pass (null: signed-in only).
const REFUSALS: Record<string, { input: unknown; refusedRole: SignedInUser | null }> = {
  me: { input: undefined, refusedRole: null },
  'users.list': { input: undefined, refusedRole: AUDITOR },
  'users.create': {
    input: { username: 'x.y', displayName: '某', orgUnitId: 'head_office', password: 'Aa#12345' },
    refusedRole: ANALYST,
  },
  'users.disable': { input: { userId: 'u1' }, refusedRole: AUDITOR },
  'users.resetPassword': {
    input: { userId: 'u1', newPassword: 'Aa#12345x' },
    refusedRole: ANALYST,
  },
  'orgUnits.list': { input: undefined, refusedRole: ANALYST },
  'orgUnits.create': {
    input: { orgUnitId: 'b', parentOrgUnitId: 'head_office', unitKind: 'branch', title: '分' },
    refusedRole: AUDITOR,
  },
  'roles.grant': { input: { userId: 'u1', role: 'analyst' }, refusedRole: AUDITOR },
  'roles.revoke': { input: { userId: 'u1', role: 'analyst' }, refusedRole: ANALYST },
  'sessions.list': { input: undefined, refusedRole: AUDITOR },
  'sessions.revoke': { input: { sessionId: 's1' }, refusedRole: ANALYST },
  'audit.query': { input: {}, refusedRole: ADMIN },
};

type AnyCaller = Record<string, unknown>;

/** Calls a procedure by its dotted path on a caller. */
async function callPath(caller: AnyCaller, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split('.')) target = (target as AnyCaller)[part];
  return (target as (value: unknown) => Promise<unknown>)(input);
}

async function failureCode(call: Promise<unknown>): Promise<string> {
  const error: unknown = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error.code;
}

describe('admin API guards', () => {
  // Refusals come before any database work: a pool whose server does not exist proves it (a query
  // would fail with a connection error, not the expected refusal).
  const unreachable = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
  const appRouter = createAdminApiRouter({
    pool: unreachable,
    auth: createIdentityAuth({
      pool: unreachable,
      secret: 'admin-api-guard-secret-0123456789abcdef',
      baseURL: 'http://localhost:3000',
    }),
  });
  afterAll(async () => {
    await unreachable.end();
  });
  const createCaller = createCallerFactory(appRouter);
  const callerAs = (user: SignedInUser | null) =>
    createCaller({ requestId: 'req-guard', user }) as unknown as AnyCaller;

  it('gives every procedure a signed-in guard and lists it in the refusal table', () => {
    const guards = procedureGuards(appRouter);
    expect(Object.keys(guards).sort()).toEqual(Object.keys(REFUSALS).sort());
    for (const [path, guard] of Object.entries(guards))
      expect({ path, guard }).toEqual({ path, guard: 'signed-in' });
  });

  it.each(Object.entries(REFUSALS))('%s: signed out → UNAUTHORIZED', async (path, { input }) => {
    expect(await failureCode(callPath(callerAs(null), path, input))).toBe('UNAUTHORIZED');
  });

  it.each(Object.entries(REFUSALS).filter(([, refusal]) => refusal.refusedRole !== null))(
    '%s: a role that must not pass → FORBIDDEN',
    async (path, { input, refusedRole }) => {
      expect(await failureCode(callPath(callerAs(refusedRole), path, input))).toBe('FORBIDDEN');
    },
  );
});

describe('admin API on PostgreSQL', () => {
  let dispose: () => Promise<void>;
  let pool: pg.Pool;
  let auth: IdentityAuth;
  let asAdmin: AdminCaller;
  let asAuditor: AdminCaller;

  beforeAll(async () => {
    ({ pool, dispose } = await createMigratedTestPool('sg_admin_api_test'));
    await pool.query(
      `insert into app.org_units (org_unit_id, parent_org_unit_id, unit_kind, title)
       values ('head_office', null, 'head_office', '总部')`,
    );
    auth = createIdentityAuth({
      pool,
      secret: 'admin-api-test-secret-0123456789abcdef',
      baseURL: 'http://localhost:3000',
    });
    const createCaller = adminCallerFactory({ pool, auth });
    asAdmin = createCaller({ requestId: 'req-admin', user: ADMIN });
    asAuditor = createCaller({ requestId: 'req-auditor', user: AUDITOR });
  });

  afterAll(async () => {
    await dispose();
  });

  const signIn = (password: string) =>
    auth.api.signInUsername({
      body: { username: 'analyst.yinchuan', password },
      asResponse: true,
    });

  it('creates a branch, an analyst in it, grants the role; sessions, reset, disable; all audited', async () => {
    const started = new Date(Date.now() - 1000);
    await asAdmin.orgUnits.create({
      orgUnitId: 'yinchuan_branch',
      parentOrgUnitId: 'head_office',
      unitKind: 'branch',
      title: '银川分公司',
    });
    await expect(
      asAdmin.orgUnits.create({
        orgUnitId: 'yinchuan_branch',
        parentOrgUnitId: 'head_office',
        unitKind: 'branch',
        title: '银川分公司',
      }),
    ).rejects.toThrow('机构代码 yinchuan_branch 已存在');
    expect((await asAdmin.orgUnits.list()).map((unit) => unit.title)).toEqual([
      '总部',
      '银川分公司',
    ]);

    await expect(
      asAdmin.users.create({
        username: 'analyst.yinchuan',
        displayName: '马小花',
        orgUnitId: 'yinchuan_branch',
        password: 'weakpass',
      }),
    ).rejects.toThrow('口令须包含');
    const { userId } = await asAdmin.users.create({
      username: 'analyst.yinchuan',
      displayName: '马小花',
      orgUnitId: 'yinchuan_branch',
      password: 'Ningxia#2026',
    });
    await asAdmin.roles.grant({ userId, role: 'analyst' });
    await expect(asAdmin.roles.grant({ userId, role: 'security_auditor' })).rejects.toThrow(
      TRPCError,
    );
    expect(await asAdmin.users.list()).toEqual([
      expect.objectContaining({
        userId,
        username: 'analyst.yinchuan',
        orgUnitTitle: '银川分公司',
        roles: ['analyst'],
        disabled: false,
      }),
    ]);

    expect((await signIn('Ningxia#2026')).status).toBe(200);
    const [session] = await asAdmin.sessions.list();
    expect(session).toMatchObject({ userId, username: 'analyst.yinchuan' });
    expect(session).not.toHaveProperty('token');
    await asAdmin.sessions.revoke({ sessionId: session?.sessionId ?? '' });
    expect(await asAdmin.sessions.list()).toEqual([]);

    await asAdmin.users.resetPassword({ userId, newPassword: 'Helan#Shan2027' });
    expect((await signIn('Ningxia#2026')).status).toBe(401);
    expect((await signIn('Helan#Shan2027')).status).toBe(200);

    await asAdmin.users.disable({ userId });
    expect(await asAdmin.sessions.list()).toEqual([]);
    expect((await signIn('Helan#Shan2027')).ok).toBe(false);

    const events = await asAuditor.audit.query({ actor: 'admin.demo', since: started });
    expect(events.map((event) => event.action).reverse()).toEqual([
      'org_unit_created',
      'user_created',
      'role_granted',
      'role_grant_refused',
      'session_revoked',
      'password_reset',
      'user_disabled',
    ]);
    const disabled = await asAuditor.audit.query({ actions: ['user_disabled'] });
    expect(disabled).toHaveLength(1);
  });
});
