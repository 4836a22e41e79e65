// The demo identities on the tests' PostgreSQL: the org tree, one user per role holding it (a
// privileged role's user enrolled in TOTP), every user able to sign in; a rerun changes nothing.
import { ROLE_CODES } from '@sg/access-control';
import { createMigratedTestPool } from '@sg/app-db/testing';
import { createIdentityAuth, type IdentityAuth } from '@sg/identity';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoIdentities } from './demo-identities.ts';
import { listOrgUnits } from './org-units.ts';
import { listStaffUsers } from './staff-users.ts';

describe('seedDemoIdentities', () => {
  let dispose: () => Promise<void>;
  let pool: pg.Pool;
  let auth: IdentityAuth;

  beforeAll(async () => {
    ({ pool, dispose } = await createMigratedTestPool('sg_demo_identities_test'));
    auth = createIdentityAuth({
      pool,
      secret: 'demo-identities-test-secret-0123456789abcdef',
      baseURL: 'http://localhost:3000',
    });
  });

  afterAll(async () => {
    await dispose();
  });

  it('creates the org tree and one signed-in-able user per role, idempotently', async () => {
    const first = await seedDemoIdentities(pool, auth);
    expect(first.map((user) => user.role)).toEqual([...ROLE_CODES]);
    expect(first.every((user) => user.created)).toBe(true);
    const titles = (await listOrgUnits(pool)).map((unit) => unit.title);
    expect(titles[0]).toBe('总部');
    expect([...titles].sort()).toEqual(['吴忠分公司', '总部', '石嘴山分公司', '银川分公司'].sort());
    const staff = await listStaffUsers(pool);
    for (const user of first) {
      expect(staff.find((member) => member.username === user.username)?.roles).toEqual([user.role]);
    }
    const analyst = first.find((user) => user.role === 'analyst');
    expect(analyst).toMatchObject({ orgUnitId: 'yinchuan_branch', totpSecret: null });
    const admin = first.find((user) => user.role === 'system_admin');
    expect(admin?.totpSecret).toMatch(/^[A-Z2-7]+=*$/);

    const signedIn = await auth.api.signInUsername({
      body: { username: analyst?.username ?? '', password: DEMO_PASSWORD },
      asResponse: true,
    });
    expect(signedIn.status).toBe(200);

    const again = await seedDemoIdentities(pool, auth);
    expect(again.some((user) => user.created)).toBe(false);
    expect(await listStaffUsers(pool)).toEqual(staff);
  });
});
