// Development only: the demo org tree and one demo user for every role of @sg/access-control, each
// with the same printed password; a privileged role's user enrols TOTP first (better-auth's own
// enable + verify), so the grant passes identity's rule and the TOTP secret is printed. Idempotent:
// an existing unit or user is kept.
import { ROLE_CODES, roleDefinition, type Role } from '@sg/access-control';
import { grantRole, type IdentityAuth } from '@sg/identity';
import { createOTP } from '@better-auth/utils/otp';
import type { Pool } from 'pg';
import { createOrgUnit } from './org-units.ts';
import { createStaffUser } from './staff-users.ts';

export const DEMO_PASSWORD = 'Demo#Sg2026';

export const DEMO_ORG_UNITS = [
  { orgUnitId: 'yinchuan_branch', title: '银川分公司' },
  { orgUnitId: 'shizuishan_branch', title: '石嘴山分公司' },
  { orgUnitId: 'wuzhong_branch', title: '吴忠分公司' },
] as const;

/** Where each role's demo user sits: the business roles in 银川分公司, the rest at 总部. */
const BRANCH_ROLES: ReadonlySet<Role> = new Set([
  'account_manager_a',
  'account_manager_b',
  'analyst',
]);

export interface DemoUser {
  readonly username: string;
  readonly role: Role;
  readonly roleTitle: string;
  readonly orgUnitId: string;
  /** Base32 TOTP secret of a privileged role's user, on the run that enrolled it. */
  readonly totpSecret: string | null;
  readonly created: boolean;
}

const demoUsername = (role: Role): string => `demo.${role}`;

function base32Decode(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const character of text.replace(/=+$/, '').toUpperCase()) {
    buffer = (buffer << 5) | alphabet.indexOf(character);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

/** The current code of a TOTP secret in base32 (what an authenticator app shows). */
export async function totpCode(base32Secret: string): Promise<string> {
  return createOTP(base32Decode(base32Secret)).totp();
}

async function enrolTotp(auth: IdentityAuth, username: string): Promise<string> {
  const signedIn = await auth.api.signInUsername({
    body: { username, password: DEMO_PASSWORD },
    asResponse: true,
  });
  const cookie = /sg\.session_token=[^;]+/.exec(signedIn.headers.get('set-cookie') ?? '')?.[0];
  if (cookie === undefined) throw new Error(`demo user ${username} could not sign in`);
  const headers = new Headers({ cookie });
  const enabled: unknown = await auth.api.enableTwoFactor({
    body: { password: DEMO_PASSWORD },
    headers,
  });
  const totpURI = (enabled as { readonly totpURI?: unknown }).totpURI;
  if (typeof totpURI !== 'string') throw new Error('enabling TOTP gave no TOTP URI');
  const secret = new URL(totpURI).searchParams.get('secret');
  if (secret === null) throw new Error('TOTP URI without a secret');
  await auth.api.verifyTOTP({ body: { code: await totpCode(secret) }, headers });
  return secret;
}

export async function seedDemoOrgUnits(pool: Pool): Promise<void> {
  await pool.query(
    `insert into app.org_units (org_unit_id, parent_org_unit_id, unit_kind, title)
     values ('head_office', null, 'head_office', '总部') on conflict do nothing`,
  );
  for (const unit of DEMO_ORG_UNITS) {
    await createOrgUnit(pool, 'demo-setup', {
      ...unit,
      parentOrgUnitId: 'head_office',
      unitKind: 'branch',
    });
  }
}

export async function seedDemoIdentities(pool: Pool, auth: IdentityAuth): Promise<DemoUser[]> {
  await seedDemoOrgUnits(pool);
  const users: DemoUser[] = [];
  for (const role of ROLE_CODES) {
    const username = demoUsername(role);
    const orgUnitId = BRANCH_ROLES.has(role) ? 'yinchuan_branch' : 'head_office';
    const existing = await pool.query<{ id: string }>('select id from "user" where username = $1', [
      username,
    ]);
    let userId = existing.rows[0]?.id;
    let totpSecret: string | null = null;
    if (userId === undefined) {
      const created = await createStaffUser(pool, auth, 'demo-setup', {
        username,
        displayName: `演示${roleDefinition(role).title}`,
        orgUnitId,
        password: DEMO_PASSWORD,
      });
      if (!created.ok) throw new Error(`demo user ${username}: ${created.message}`);
      userId = created.value.userId;
      if (roleDefinition(role).isPrivileged) totpSecret = await enrolTotp(auth, username);
      const granted = await grantRole(pool, { actor: 'demo-setup', userId, role });
      if (!granted.ok) throw new Error(`demo user ${username}: ${granted.message}`);
    }
    users.push({
      username,
      role,
      roleTitle: roleDefinition(role).title,
      orgUnitId,
      totpSecret,
      created: existing.rowCount === 0,
    });
  }
  return users;
}
