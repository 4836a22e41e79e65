// Browser test of the console (Debian's chromium through playwright-core): the administrator signs
// in (password, then TOTP), creates a branch (分支机构) and an analyst in it; the security auditor
// signs in and finds those events in /audit. Screenshots under e2e/screenshots/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD, totpCode, type DemoUser } from '@sg/admin-api';
import type { Role } from '@sg/access-control';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { APP_DIR, startConsole, type ConsoleServer } from './console-server.ts';

const SCREENSHOTS = path.join(APP_DIR, 'e2e', 'screenshots');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'];

let server: ConsoleServer;
let browser: Browser;

function demo(role: Role): DemoUser {
  const user = server.users.find((candidate) => candidate.role === role);
  if (user === undefined) throw new Error(`no demo user for ${role}`);
  return user;
}

/** Opens `pathname`, is sent to sign-in, signs in (TOTP when enrolled) and lands back there. */
async function signedInPage(role: Role, pathname: string): Promise<Page> {
  const user = demo(role);
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1200, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${server.url}${pathname}`);
  expect(new URL(page.url()).pathname).toBe('/signin');
  // Submit only once the page has loaded and hydrated (a click during hydration can be lost).
  await page.waitForLoadState('networkidle');
  await page.getByLabel('用户名').fill(user.username);
  await page.getByLabel('口令').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  if (user.totpSecret !== null) {
    // The second step is the page the first POST answered; let it load and hydrate first.
    await page.getByLabel('动态验证码（6 位）').waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByLabel('动态验证码（6 位）').fill(await totpCode(user.totpSecret));
    await page.getByRole('button', { name: '验证' }).click();
  }
  await page.waitForURL(`${server.url}${pathname}`);
  return page;
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startConsole('sg_console_browser_test');
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 180_000);

afterAll(async () => {
  await browser.close();
  await server.stop();
});

it('administrator creates a branch and an analyst in it; the auditor sees those events', async () => {
  const admin = await signedInPage('system_admin', '/admin/org-units');
  await expect.poll(() => admin.getByTestId('current-user').textContent()).toContain('系统管理员');
  await admin.getByLabel('上级机构').selectOption('head_office');
  await admin.getByLabel('类型').selectOption('branch');
  await admin.getByLabel('机构代码').fill('guyuan_branch');
  await admin.getByLabel('机构名称').fill('固原分公司');
  await admin.getByRole('button', { name: '创建' }).click();
  await admin.getByRole('status').filter({ hasText: '已创建机构 固原分公司' }).waitFor();
  await expect.poll(() => admin.getByRole('tree').textContent()).toContain('固原分公司（分支机构');
  await admin.screenshot({
    path: path.join(SCREENSHOTS, '1-admin-branch-created.png'),
    fullPage: true,
  });

  await admin.goto(`${server.url}/admin/users`);
  await admin.getByLabel('用户名').fill('guyuan.analyst');
  await admin.getByLabel('姓名').fill('固原分析师');
  await admin.getByLabel('所属机构').selectOption('guyuan_branch');
  await admin.getByLabel('角色').selectOption('analyst');
  await admin.getByLabel('初始口令').fill('Guyuan#Analyst2026');
  await admin.getByRole('button', { name: '创建' }).click();
  await admin.getByRole('status').filter({ hasText: '已创建用户 guyuan.analyst' }).waitFor();
  const row = admin.getByRole('row').filter({ hasText: 'guyuan.analyst' });
  await expect.poll(() => row.textContent()).toContain('固原分公司');
  await expect.poll(() => row.textContent()).toContain('分析师');
  await admin.screenshot({
    path: path.join(SCREENSHOTS, '2-admin-analyst-created.png'),
    fullPage: true,
  });

  const auditor = await signedInPage('security_auditor', '/audit');
  await auditor.getByLabel('操作人').fill(demo('system_admin').username);
  await auditor.getByRole('button', { name: '查询' }).click();
  await auditor.waitForURL(/actor=demo\.system_admin/);
  const table = auditor.getByRole('table');
  await expect.poll(() => table.textContent()).toContain('org_unit_created');
  const text = (await table.textContent()) ?? '';
  expect(text).not.toContain('demo-setup');
  expect(text).toContain('user_created');
  expect(text).toContain('role_granted');
  expect(text).toContain('guyuan_branch');
  await auditor.screenshot({
    path: path.join(SCREENSHOTS, '3-auditor-sees-events.png'),
    fullPage: true,
  });

  // The auditor may not open the admin area.
  const refused = await auditor.goto(`${server.url}/admin/users`);
  expect(refused?.status()).toBe(403);
  await expect.poll(() => auditor.textContent('body')).toContain('无权访问（403）');
}, 120_000);
