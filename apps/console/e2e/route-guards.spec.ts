// Every console route called signed out (→ /signin?redirectTo=…), with a role that must not pass
// (→ Chinese 403) and with the role that may (→ 200), over HTTP on the built app.
import type { DemoUser } from '@sg/admin-api';
import type { Role } from '@sg/access-control';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole, type ConsoleServer } from './console-server.ts';
import { CookieJar, getPage, postForm, signIn } from './http-session.ts';

const ROUTES: readonly { path: string; allowed: Role; refused: Role }[] = [
  { path: '/admin/users', allowed: 'system_admin', refused: 'analyst' },
  { path: '/admin/org-units', allowed: 'system_admin', refused: 'security_auditor' },
  { path: '/admin/roles', allowed: 'system_admin', refused: 'analyst' },
  { path: '/admin/sessions', allowed: 'system_admin', refused: 'security_auditor' },
  { path: '/audit', allowed: 'security_auditor', refused: 'system_admin' },
];

let server: ConsoleServer;
const jars = new Map<Role, CookieJar>();

function demo(role: Role): DemoUser {
  const user = server.users.find((candidate) => candidate.role === role);
  if (user === undefined) throw new Error(`no demo user for ${role}`);
  return user;
}

beforeAll(async () => {
  server = await startConsole('sg_console_guards_test');
  for (const role of ['system_admin', 'security_auditor', 'analyst'] as const) {
    jars.set(role, await signIn(server.url, demo(role)));
  }
}, 180_000);

afterAll(async () => {
  await server.stop();
});

const jarOf = (role: Role): CookieJar => {
  const jar = jars.get(role);
  if (jar === undefined) throw new Error(`not signed in: ${role}`);
  return jar;
};

describe.each(ROUTES)('$path', ({ path, allowed, refused }) => {
  it('sends a signed-out visitor to sign-in and back', async () => {
    const response = await getPage(`${server.url}${path}?page=2`, null);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      `/signin?redirectTo=${encodeURIComponent(`${path}?page=2`)}`,
    );
  });

  it(`refuses ${refused} with a Chinese 403 page`, async () => {
    const response = await getPage(`${server.url}${path}`, jarOf(refused));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('您没有访问此页面的权限');
  });

  it(`shows the page to ${allowed}`, async () => {
    const response = await getPage(`${server.url}${path}`, jarOf(allowed));
    expect(response.status).toBe(200);
  });
});

describe('the landing page and its launcher', () => {
  it('lists only the apps the role may open', async () => {
    const analyst = await (await getPage(`${server.url}/`, jarOf('analyst'))).text();
    expect(analyst).toContain('经营分析');
    expect(analyst).not.toContain('审计日志');
    expect(analyst).not.toContain('用户与机构');
    const auditor = await (await getPage(`${server.url}/`, jarOf('security_auditor'))).text();
    expect(auditor).toContain('审计日志');
    expect(auditor).not.toContain('用户与机构');
  });

  it('sends a signed-out visitor to sign-in', async () => {
    expect((await getPage(`${server.url}/`, null)).headers.get('location')).toBe(
      '/signin?redirectTo=%2F',
    );
  });
});

describe('form actions', () => {
  it('refuses an org unit creation posted by a role without admin.users', async () => {
    const response = await postForm(
      `${server.url}/admin/org-units?/create`,
      server.url,
      jarOf('analyst'),
      {
        parentOrgUnitId: 'head_office',
        unitKind: 'branch',
        orgUnitId: 'evil_branch',
        title: '非法分支',
      },
    );
    expect(response.status).toBe(403);
  });

  it('refuses a cross-site form post (CSRF)', async () => {
    const response = await postForm(
      `${server.url}/admin/org-units?/create`,
      'http://evil.example',
      jarOf('system_admin'),
      {
        parentOrgUnitId: 'head_office',
        unitKind: 'branch',
        orgUnitId: 'csrf_branch',
        title: '跨站分支',
      },
    );
    expect(response.status).toBe(403);
    const units = await getPage(`${server.url}/admin/org-units`, jarOf('system_admin'));
    expect(await units.text()).not.toContain('跨站分支');
  });
});

describe('sign-in', () => {
  it('refuses a wrong password in Chinese and sets no session', async () => {
    const response = await fetch(`${server.url}/signin`, {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'demo.analyst', password: 'Wrong#Guess1' }).toString(),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('用户名或密码错误');
    expect(response.headers.get('set-cookie') ?? '').not.toMatch(/session_token=[^;]/);
  });

  it('signs out: the session cookie is cleared and the session no longer opens a page', async () => {
    const jar = await signIn(server.url, demo('security_auditor'));
    const stale = new CookieJar();
    stale.absorbHeader(jar.header());
    expect((await getPage(`${server.url}/audit`, jar)).status).toBe(200);
    const out = await postForm(`${server.url}/signout`, server.url, jar, {});
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/signin');
    expect((await getPage(`${server.url}/audit`, jar)).status).toBe(303);
    // The old cookie replayed after sign-out is refused too (the session was revoked server-side).
    expect((await getPage(`${server.url}/audit`, stale)).status).toBe(303);
  });

  it('keeps a same-origin redirectTo and refuses another site', async () => {
    const analyst = demo('analyst');
    const fields = { username: analyst.username, password: 'Demo#Sg2026' };
    const jar = new CookieJar();
    const home = await postForm(
      `${server.url}/signin?redirectTo=//evil.example/x`,
      server.url,
      jar,
      fields,
    );
    expect(home.headers.get('location')).toBe('/');
    const back = await postForm(`${server.url}/signin?redirectTo=/audit`, server.url, jar, fields);
    expect(back.headers.get('location')).toBe('/audit');
  });
});
