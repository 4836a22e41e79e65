// The RpcContext from the session cookie, on the tests' PostgreSQL after the app database's
// migrations: a staff member with org unit and roles; no user when the cookie is absent, forged,
// revoked, of a disabled account or of an account that is not staff.
import { createMigratedTestPool } from '@sg/app-db/testing';
import { createIdentityAuth, grantRole, type IdentityAuth } from '@sg/identity';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestIdOf, requestLogLine } from './request-id.ts';
import { rpcContextFromHeaders } from './rpc-context.ts';

describe('rpcContextFromHeaders', () => {
  let dispose: () => Promise<void>;
  let pool: pg.Pool;
  let auth: IdentityAuth;

  beforeAll(async () => {
    ({ pool, dispose } = await createMigratedTestPool('sg_session_context_test'));
    await pool.query(
      `insert into app.org_units (org_unit_id, parent_org_unit_id, unit_kind, title)
       values ('head_office', null, 'head_office', '总部'),
              ('yinchuan_branch', 'head_office', 'branch', '银川分公司')`,
    );
    auth = createIdentityAuth({
      pool,
      secret: 'session-context-test-secret-0123456789abcdef',
      baseURL: 'http://localhost:3000',
    });
  });

  afterAll(async () => {
    await dispose();
  });

  async function signUpAndIn(username: string, staffUnit: string | null): Promise<Headers> {
    const password = 'Ningxia#2026';
    const created = await auth.api.signUpEmail({
      body: { username, email: `${username}@staff.sg.invalid`, name: '马小花', password },
    });
    if (staffUnit !== null) {
      await pool.query('insert into app.staff_members (user_id, org_unit_id) values ($1, $2)', [
        created.user.id,
        staffUnit,
      ]);
      await grantRole(pool, { actor: 'test', userId: created.user.id, role: 'analyst' });
    }
    const response = await auth.api.signInUsername({
      body: { username, password },
      asResponse: true,
    });
    const cookie = /sg\.session_token=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
    if (cookie === undefined) throw new Error('no session cookie');
    return new Headers({ cookie });
  }

  it('gives the staff member with org unit and roles, and nobody once the session is revoked', async () => {
    const headers = await signUpAndIn('analyst.yinchuan', 'yinchuan_branch');
    const context = await rpcContextFromHeaders({ pool, auth }, headers, 'req-1');
    expect(context).toEqual({
      requestId: 'req-1',
      user: {
        userId: expect.any(String) as string,
        login: 'analyst.yinchuan',
        displayName: '马小花',
        orgUnitId: 'yinchuan_branch',
        roles: ['analyst'],
      },
    });
    await pool.query('delete from session where "userId" = $1', [context.user?.userId]);
    expect((await rpcContextFromHeaders({ pool, auth }, headers, 'req-2')).user).toBeNull();
  });

  it('gives nobody without a cookie, with a forged one, or for a disabled account', async () => {
    expect((await rpcContextFromHeaders({ pool, auth }, new Headers(), 'r')).user).toBeNull();
    const forged = new Headers({ cookie: 'sg.session_token=forged.value' });
    expect((await rpcContextFromHeaders({ pool, auth }, forged, 'r')).user).toBeNull();
    const headers = await signUpAndIn('analyst.disabled', 'yinchuan_branch');
    await pool.query(`update "user" set banned = true where username = 'analyst.disabled'`);
    expect((await rpcContextFromHeaders({ pool, auth }, headers, 'r')).user).toBeNull();
  });

  it('gives nobody for an account that is not staff (an applicant)', async () => {
    const headers = await signUpAndIn('not.staff', null);
    expect((await rpcContextFromHeaders({ pool, auth }, headers, 'r')).user).toBeNull();
  });
});

describe('requestIdOf', () => {
  it("keeps a proxy's plain request id and replaces anything else", () => {
    expect(requestIdOf(new Headers({ 'x-request-id': 'abc-12345678' }))).toBe('abc-12345678');
    const made = requestIdOf(new Headers({ 'x-request-id': 'bad id {"x":1}' }));
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(new Headers())).not.toBe(requestIdOf(new Headers()));
  });

  it('writes the request id into one JSON log line', () => {
    const line = JSON.parse(requestLogLine('req-9', { method: 'GET', status: 200 })) as Record<
      string,
      unknown
    >;
    expect(line).toMatchObject({ requestId: 'req-9', method: 'GET', status: 200 });
  });
});
