// `just up` keeps the platform up: the semantic server killed with SIGKILL is restarted by the same
// supervisor up.ts uses (@sg/process-supervisor), and the BI page shows the data again. The real
// semantic server and built BI app on a small fixture lake, Debian's chromium through playwright-core.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lakeConfigToEnv } from '@sg/lake';
import {
  SUPERVISOR_LOG,
  superviseProcess,
  supervisionLogger,
  waitForPort,
} from '@sg/process-supervisor';
import type { SupervisedProcess, SupervisorEvent } from '@sg/process-supervisor';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, buildIsStale, freePort } from '@sg/app-process-testing';
import {
  createEnterpriseLake,
  MART_NINGXIA_TWELVE,
  queryMartDirectly,
} from './harness/enterprise-lake.ts';
import type { TemporaryLake } from './harness/enterprise-lake.ts';

const APP_DIR = path.resolve(import.meta.dirname, '..');
const REPO_ROOT = path.resolve(APP_DIR, '../..');
const HOST = '127.0.0.1';
/** "Within seconds": the supervisor waits 0.5 s, the server then opens the lake and listens. */
const BACK_WITHIN_MS = 15_000;

let lake: TemporaryLake;
let logDir: string;
let userDataDir: string | undefined;
let context: BrowserContext | undefined;
let page: Page;
let semantic: SupervisedProcess | undefined;
let bi: SupervisedProcess | undefined;
let semanticUrl: string;
let biUrl: string;
let expectedTotal: number;
const events: SupervisorEvent[] = [];

/** Polls until `url` answers 200; returns how long that took. */
async function answersWithin(url: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      if ((await fetch(url)).status === 200) return Date.now() - started;
    } catch {
      // not listening (yet, or again)
    }
    if (Date.now() - started > timeoutMs)
      throw new Error(`${url} did not answer in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The total the page shows once its chart has rendered (after a fresh load). */
async function shownTotal(): Promise<number> {
  await page.goto(biUrl);
  await page.locator('[data-chart-state="rendered"]').waitFor({ timeout: 30_000 });
  const text = await page.getByTestId('enterprise-total').textContent();
  return Number(text?.replace(/[^\d]/g, ''));
}

beforeAll(async () => {
  if (buildIsStale(APP_DIR)) await buildApp(APP_DIR);
  lake = await createEnterpriseLake(MART_NINGXIA_TWELVE);
  expectedTotal = (await queryMartDirectly(lake.config)).total;
  logDir = mkdtempSync(path.join(tmpdir(), 'sg-supervised-logs-'));
  const [semanticPort, biPort] = [await freePort(), await freePort()];
  const secret = randomBytes(24).toString('hex');
  semanticUrl = `http://${HOST}:${String(semanticPort)}`;
  biUrl = `http://${HOST}:${String(biPort)}`;
  const log = supervisionLogger(logDir, () => undefined);
  const onEvent = (event: SupervisorEvent): void => {
    events.push(event);
    log(event);
  };
  semantic = superviseProcess(
    {
      name: 'semantic',
      command: process.execPath,
      args: ['semantic/src/main.ts'],
      cwd: REPO_ROOT,
      env: {
        ...lakeConfigToEnv(lake.config),
        SG_SEMANTIC_PORT: String(semanticPort),
        SG_SEMANTIC_SECRET: secret,
        SG_SEMANTIC_CORS_ORIGINS: biUrl,
      },
    },
    { logDir, onEvent },
  );
  bi = superviseProcess(
    {
      name: 'bi',
      command: process.execPath,
      args: ['build/index.js'],
      cwd: APP_DIR,
      env: {
        HOST,
        PORT: String(biPort),
        ORIGIN: biUrl,
        SG_SEMANTIC_PUBLIC_URL: `${semanticUrl}/cubejs-api/v1`,
        SG_SEMANTIC_SECRET: secret,
      },
    },
    { logDir, onEvent },
  );
  await Promise.all([waitForPort(semantic, HOST, semanticPort), waitForPort(bi, HOST, biPort)]);
  await answersWithin(`${semanticUrl}/readyz`, 30_000);
  userDataDir = mkdtempSync(path.join(tmpdir(), 'sg-bi-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    locale: 'zh-CN',
  });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await bi?.stop();
  await semantic?.stop();
  if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true });
  rmSync(lake.dataDir, { recursive: true, force: true });
  rmSync(logDir, { recursive: true, force: true });
});

describe('just up supervision: the semantic server killed while the platform runs', () => {
  it('the page shows the data before the kill', async () => {
    expect(await shownTotal()).toBe(expectedTotal);
  });

  it('is restarted within seconds, and the semantic API and the BI page answer again', async () => {
    const killed = semantic?.current();
    if (semantic === undefined || killed?.child.pid === undefined) throw new Error('not running');
    const restarted = semantic.nextStart();
    process.kill(killed.child.pid, 'SIGKILL');

    const back = await restarted;
    const readyAfterMs = await answersWithin(`${semanticUrl}/readyz`, BACK_WITHIN_MS);
    console.log(`semantic killed → answering /readyz again after ${String(readyAfterMs)} ms`);
    expect(back.child.pid).not.toBe(killed.child.pid);
    expect(semantic.deaths()).toBe(1);
    expect(events.find((event) => event.kind === 'died')).toMatchObject({
      name: 'semantic',
      status: { signal: 'SIGKILL' },
    });
    expect(await shownTotal()).toBe(expectedTotal);
    // The BI app was not touched: only the dead component restarts.
    expect(bi?.deaths()).toBe(0);
    const log = readFileSync(path.join(logDir, SUPERVISOR_LOG), 'utf8');
    expect(log).toMatch(/semantic 意外退出 \(pid \d+，被信号 SIGKILL 终止/);
    expect(log).toMatch(/semantic 已重启 \(pid \d+\)/);
  });
});
