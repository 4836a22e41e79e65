// Hermetic browser test of the BI overview page: its own DuckLake with a known mart, the semantic
// server and the built app as child processes, Debian's chromium through playwright-core.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lakeConfigToEnv } from '@sg/lake';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, buildIsStale, freePort, startNode, waitForHttp } from '@sg/app-process-testing';
import type { RunningProcess } from '@sg/app-process-testing';
import {
  createEnterpriseLake,
  MART_NINGXIA_TWELVE,
  queryMartDirectly,
} from './harness/enterprise-lake.ts';
import type { PrefectureCount, TemporaryLake } from './harness/enterprise-lake.ts';

const APP_DIR = path.resolve(import.meta.dirname, '..');
const REPO_ROOT = path.resolve(APP_DIR, '../..');
const SCREENSHOT = path.join(APP_DIR, 'test-results', 'enterprise-overview.png');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let lake: TemporaryLake;
let truth: { byPrefecture: PrefectureCount[]; total: number };
let semantic: RunningProcess | undefined;
let bi: RunningProcess | undefined;
let context: BrowserContext | undefined;
let userDataDir: string | undefined;
let page: Page;
let biUrl: string;

beforeAll(async () => {
  if (buildIsStale(APP_DIR)) await buildApp(APP_DIR);
  lake = await createEnterpriseLake(MART_NINGXIA_TWELVE);
  truth = await queryMartDirectly(lake.config);

  const [semanticPort, biPort] = [await freePort(), await freePort()];
  const secret = randomBytes(24).toString('hex');
  biUrl = `http://127.0.0.1:${biPort}`;
  const semanticUrl = `http://127.0.0.1:${semanticPort}`;

  semantic = startNode('semantic', ['semantic/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...lakeConfigToEnv(lake.config),
      SG_SEMANTIC_PORT: String(semanticPort),
      SG_SEMANTIC_SECRET: secret,
      SG_SEMANTIC_CORS_ORIGINS: biUrl,
    },
  });
  bi = startNode('bi', ['build/index.js'], {
    cwd: APP_DIR,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(biPort),
      ORIGIN: biUrl,
      SG_SEMANTIC_PUBLIC_URL: `${semanticUrl}/cubejs-api/v1`,
      SG_SEMANTIC_SECRET: secret,
    },
  });
  await Promise.all([waitForHttp(`${semanticUrl}/readyz`, semantic), waitForHttp(biUrl, bi)]);

  userDataDir = mkdtempSync(path.join(tmpdir(), 'sg-bi-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1100, height: 1000 },
    locale: 'zh-CN',
  });
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(biUrl);
  await page.locator('[data-chart-state="rendered"]').waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await context?.close();
  await Promise.all([semantic?.stop(), bi?.stop()]);
  if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true });
  rmSync(lake.dataDir, { recursive: true, force: true });
});

describe('企业分布概览 (apps/bi /)', () => {
  it('the mart fixture is what the page should show', () => {
    expect(truth.total).toBe(12);
    expect(truth.byPrefecture.map((p) => p.prefecture)).toHaveLength(5);
  });

  it('shows the heading and the total from the semantic layer', async () => {
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      '企业分布概览',
    );
    const total = page.getByTestId('enterprise-total');
    expect(Number((await total.textContent())?.replace(/[^\d]/g, ''))).toBe(truth.total);
  });

  it("the chart's bars equal a direct DuckDB query of the mart", async () => {
    const chart = page.getByRole('img', { name: '各地市企业数柱状图' });
    const shown = JSON.parse((await chart.getAttribute('data-chart-data')) ?? 'null') as {
      categories: string[];
      values: number[];
    };
    expect(shown.categories).toEqual(truth.byPrefecture.map((p) => p.prefecture));
    expect(shown.values).toEqual(truth.byPrefecture.map((p) => p.count));
  });

  it('the data table shows the same numbers', async () => {
    const table = page.getByRole('table', { name: '各地市企业数' });
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers).toEqual(['地市', '企业数']);
    const names = await table.locator('tbody th').allTextContents();
    const counts = await table.locator('tbody td').allTextContents();
    const rows = names.map((name, i) => [name.trim(), (counts[i] ?? '').trim()]);
    expect(rows).toEqual(truth.byPrefecture.map((p) => [p.prefecture, String(p.count)]));
  });

  it('renders Chinese with the shipped web font (screenshot for review)', async () => {
    // A string expression: this file is type-checked for Node (no DOM types).
    const fontReady = await page.evaluate<boolean>(
      `document.fonts.ready.then(() => document.fonts.check('16px "Noto Sans SC"', '企业分布概览银川市'))`,
    );
    expect(fontReady).toBe(true);
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });
});
