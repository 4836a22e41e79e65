// `just up`: runs the whole platform on one machine on its embedded defaults: generates the demo
// world (simulators/world), starts the app database (PGlite served over the PostgreSQL protocol),
// the Temporal dev server and the pipelines worker, the source simulators serving that world
// (commerce-data API, the legacy business database, the tax API), writes the file sources' drops
// once per world (the tax bureau's monthly drops, the banks' exports, the company's finance
// month-end exports), runs one landing of all five sources + dbt build, then the semantic API and
// the BI app. Prints the URLs.
// The long-running components are supervised (@sg/process-supervisor): one that dies is restarted
// with back-off, each death and restart logged to the console and .data/logs/supervisor.log. Only
// Ctrl-C (or SIGTERM) stops the platform: every child gets SIGTERM, then SIGKILL after its grace.
import { createReadStream, existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  expectSuccess,
  signalProcess,
  startProcess,
  stopAllSupervised,
  stopProcess,
  superviseProcess,
  supervisionLogger,
  waitForLogLine,
  waitForPort,
  type ManagedProcess,
  type ProcessSpec,
  type SupervisedProcess,
} from '@sg/process-supervisor';
import { LOCAL_HOST, dataDirFromEnv, findRepoRoot, localPorts } from '@sg/runtime-env';
import { DEMO_PASSWORD, seedDemoIdentities, type DemoUser } from '@sg/admin-api';
import { appDbConfigFromEnv, createPool, migrate } from '@sg/app-db';
import {
  AliyunSmsSender,
  createIdentityAuth,
  smsGatewayConfigFromEnv,
  type IdentityAuth,
} from '@sg/identity';
import { authSecretFromEnv } from '@sg/session-context';

const root = findRepoRoot(import.meta.dirname);
const dataDir = dataDirFromEnv(process.env);
const logDir = join(dataDir, 'logs');
const host = LOCAL_HOST;
const ports = localPorts(process.env);
const worldSize = process.env['SG_WORLD_SIZE'] ?? 'demo';
const worldSeed = process.env['SG_WORLD_SEED'] ?? '640000';
const worldDir = join(dataDir, 'world', `${worldSize}-${worldSeed}`);
// The file sources' inboxes: the pipelines worker reads the same variables (same defaults).
const taxInbox = process.env['SG_TAX_INBOX_DIR'] ?? join(dataDir, 'tax', 'inbox');
const bankInbox = process.env['SG_BANK_INBOX_DIR'] ?? join(dataDir, 'bank', 'inbox');
const financeInbox = process.env['SG_FINANCE_INBOX_DIR'] ?? join(dataDir, 'finance', 'inbox');
const node = process.execPath;
const env: Record<string, string> = {
  SG_DATA_DIR: dataDir,
  SG_APP_DB_PORT: String(ports.appDb),
  TEMPORAL_ADDRESS: `${host}:${String(ports.temporal)}`,
  TEMPORAL_DEV_PORT: String(ports.temporal),
  TEMPORAL_DEV_UI_PORT: String(ports.temporalUi),
  SG_SIM_COMMERCE_PORT: String(ports.commerceSimulator),
  SG_WORLD_DIR: worldDir,
  // The local simulator serves our own pipeline: no vendor rate limit.
  SG_SIM_COMMERCE_RATE_LIMIT: '0',
  SG_SIM_TAX_PORT: String(ports.taxSimulator),
  SG_SIM_TAX_WORLD_DIR: worldDir,
  SG_SIM_TAX_OUTBOX_DIR: taxInbox,
  SG_TAX_INBOX_DIR: taxInbox,
  SG_BANK_INBOX_DIR: bankInbox,
  SG_FINANCE_INBOX_DIR: financeInbox,
  SG_BUSINESS_DB_PORT: String(ports.businessDb),
  SG_SEMANTIC_PORT: String(ports.semantic),
};

/** The long-running components, in start order (stopped in reverse). */
const supervised: SupervisedProcess[] = [];
/** One-shot steps running now (world, drops, pipeline run, BI build): stopped on Ctrl-C too. */
const oneShots = new Set<ManagedProcess>();
const logSupervision = supervisionLogger(logDir);
/** The Temporal dev server gives its CLI 10 s after SIGTERM: give it more than that. */
const STOP_GRACE_MS: Readonly<Record<string, number>> = { temporal: 15_000 };

function supervise(spec: ProcessSpec): SupervisedProcess {
  if (stopping) throw new Error(`not starting ${spec.name}: stopping`);
  const proc = superviseProcess(spec, {
    logDir,
    onEvent: logSupervision,
    stopGraceMs: STOP_GRACE_MS[spec.name] ?? 10_000,
  });
  supervised.push(proc);
  return proc;
}

const start = (name: string, script: string, args: readonly string[] = []): SupervisedProcess =>
  supervise({ name, command: node, args: [join(root, script), ...args], env, cwd: root });

/** Runs a one-shot step to completion; rejects (with its log path) when it fails. */
async function runToCompletion(spec: ProcessSpec, dir: string): Promise<void> {
  if (stopping) throw new Error(`not starting ${spec.name}: stopping`);
  const proc = startProcess(spec, dir);
  oneShots.add(proc);
  try {
    await expectSuccess(proc);
  } finally {
    oneShots.delete(proc);
  }
}

function newestModification(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

async function buildAppIfStale(name: 'bi' | 'console', title: string): Promise<void> {
  const app = join(root, 'apps', name);
  const built = join(app, 'build/index.js');
  if (existsSync(built) && statSync(built).mtimeMs > newestModification(join(app, 'src'))) return;
  console.log(`· 构建${title} (vite build) …`);
  await runToCompletion(
    { name: `${name}-build`, command: 'npm', args: ['run', '--silent', 'build'], cwd: app, env },
    logDir,
  );
}

/** The distinct tax periods (yyyy-MM) of the world's invoices and payments, in order. */
async function worldTaxPeriods(): Promise<string[]> {
  const periods = new Set<string>();
  for (const file of ['vat_invoices.ndjson', 'tax_payments.ndjson']) {
    const lines = createInterface({ input: createReadStream(join(worldDir, 'sources/tax', file)) });
    for await (const line of lines) {
      // Each line is one record written by JSON.stringify: the period is a plain "yyyy-MM" field.
      const period = /"period":"(\d{4}-\d{2})"/.exec(line)?.[1];
      if (period !== undefined) periods.add(period);
    }
  }
  return [...periods].sort();
}

/**
 * The tax bureau's monthly drops (files, not a server), one per period of the world, written once:
 * a period whose drop already has its manifest (written last) is skipped.
 */
async function writeTaxDrops(): Promise<void> {
  const missing = (await worldTaxPeriods()).filter(
    (period) => !existsSync(join(taxInbox, `${period}_01`, 'manifest.json')),
  );
  if (missing.length === 0) return;
  console.log(`· 写入税务月度文件 (${String(missing.length)} 个所属期) …`);
  for (const period of missing) {
    await runToCompletion(
      {
        name: 'sim-tax-drop',
        command: node,
        args: [join(root, 'simulators/tax/src/main.ts'), 'drop', '--period', period],
        env,
        cwd: root,
      },
      logDir,
    );
  }
}

/** The banks' statement exports (files, not a server): written once per world. */
async function writeBankDrops(): Promise<void> {
  if (existsSync(bankInbox)) return;
  console.log('· 写入银行流水导出文件 …');
  await runToCompletion(
    {
      name: 'sim-bank',
      command: node,
      args: [
        join(root, 'simulators/bank/src/main.ts'),
        ...['--world', worldDir, '--out', bankInbox],
      ],
      env,
      cwd: root,
    },
    logDir,
  );
}

/** The finance system's month-end exports (files, not a server): written once per world. */
async function writeFinanceDrops(): Promise<void> {
  if (existsSync(financeInbox)) return;
  console.log('· 写入公司财务月报导出文件 …');
  await runToCompletion(
    {
      name: 'sim-finance',
      command: node,
      args: [
        join(root, 'simulators/finance/src/main.ts'),
        ...['--world', worldDir, '--out', financeInbox],
      ],
      env,
      cwd: root,
    },
    logDir,
  );
}

/**
 * Development only: the demo applicant signs in by SMS code through the Aliyun client and the SMS
 * gateway simulator (the code read back from the simulator), which creates the account on first
 * use; a line to print saying where the codes appear.
 */
async function signInDemoApplicant(auth: IdentityAuth): Promise<string> {
  const simulator = `http://${host}:${String(ports.smsSimulator)}`;
  const where = `验证码在短信网关模拟器 ${simulator}/ 查看`;
  try {
    const phoneNumber = DEMO_APPLICANT_PHONE;
    await auth.api.sendPhoneNumberOTP({ body: { phoneNumber }, headers: new Headers() });
    const listed = (await (await fetch(`${simulator}/_sim/messages`)).json()) as {
      messages: { phoneNumber: string; params: Record<string, string> }[];
    };
    const code = listed.messages.findLast((m) => m.phoneNumber === phoneNumber)?.params['code'];
    await auth.api.verifyPhoneNumber({ body: { phoneNumber, code: code ?? '' } });
    return `演示申请人手机号 (仅限开发环境) ${phoneNumber}，短信验证码登录；${where}`;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `演示申请人手机号 ${DEMO_APPLICANT_PHONE} 本次未能登录 (${reason})；${where}`;
  }
}

/** Development only: the demo org tree and one user per role (idempotent), as lines to print. */
/** Development only: the applicant phone printed for trying SMS sign-in against the simulator. */
const DEMO_APPLICANT_PHONE = '13900000001';

async function seedDemoUsers(): Promise<string> {
  const pool = createPool(appDbConfigFromEnv(env));
  try {
    const client = await pool.connect();
    try {
      await migrate(client);
    } finally {
      client.release();
    }
    const auth = createIdentityAuth({
      pool,
      secret: authSecretFromEnv(env),
      baseURL: `http://${host}:${String(ports.bi)}`,
      smsSender: new AliyunSmsSender(smsGatewayConfigFromEnv(env)),
    });
    const users = await seedDemoIdentities(pool, auth);
    const applicant = await signInDemoApplicant(auth);
    const line = (user: DemoUser) =>
      `  ${user.username.padEnd(28)} ${user.roleTitle.padEnd(10, '　')} ${user.orgUnitId.padEnd(18)}` +
      (user.totpSecret === null ? '' : ` TOTP 密钥 ${user.totpSecret}`);
    return [
      `演示用户 (仅限开发环境；口令均为 ${DEMO_PASSWORD}；特权角色须 TOTP，密钥仅在首次创建时显示):`,
      ...users.map(line),
      applicant,
    ].join('\n');
  } finally {
    await pool.end();
  }
}

async function main(): Promise<void> {
  console.log(`智慧担保 — 本地启动 (数据目录 ${dataDir}，日志 ${logDir})`);
  console.log(`· 生成模拟世界 (${worldSize}, 种子 ${worldSeed}) …`);
  await runToCompletion(
    {
      name: 'world',
      command: node,
      args: [
        join(root, 'simulators/world/src/main.ts'),
        ...['--size', worldSize, '--seed', worldSeed, '--out', worldDir],
      ],
      env,
      cwd: root,
    },
    logDir,
  );
  // The file sources' drops are written while the servers start (the pipeline needs both).
  const fileDrops = Promise.all([writeBankDrops(), writeTaxDrops(), writeFinanceDrops()]);
  fileDrops.catch(() => undefined); // awaited below; a failure must not crash the process first
  const appDb = start('app-db', 'packages/app-db/src/main.ts');
  const temporal = start('temporal', 'pipelines/src/dev-server.ts');
  const commerce = start('sim-commerce', 'simulators/commerce/src/main.ts');
  const tax = start('sim-tax', 'simulators/tax/src/main.ts');
  const sms = start('sim-sms', 'simulators/sms/src/main.ts');
  const businessDb = start('sim-business', 'simulators/business/src/main.ts', [
    'serve',
    '--world',
    worldDir,
  ]);
  await Promise.all([
    waitForPort(appDb, host, ports.appDb),
    waitForPort(temporal, host, ports.temporal, { timeoutMs: 120_000 }),
    waitForPort(commerce, host, ports.commerceSimulator),
    waitForPort(tax, host, ports.taxSimulator),
    waitForPort(sms, host, ports.smsSimulator),
    // Its port opens before it has seeded itself through it: ready is the line it prints after.
    waitForLogLine(businessDb, /"service":"sim-business"/, { timeoutMs: 300_000 }),
  ]);
  console.log('· 应用数据库、Temporal、工商/税务模拟器、业务系统数据库已就绪');
  const demoUsers = await seedDemoUsers();
  console.log('· 演示机构与演示用户已就绪');
  await fileDrops;
  console.log('· 税务月度文件、银行流水导出文件、公司财务月报已就绪');

  start('worker', 'pipelines/src/worker/main.ts');
  console.log('· 运行数据管道：工商、业务系统、税务、银行、公司财务数据落地 → dbt 构建 …');
  await runToCompletion(
    {
      name: 'pipeline-run',
      command: node,
      args: [join(root, 'pipelines/src/client/run-sources-landing.ts')],
      env,
      cwd: root,
    },
    logDir,
  );
  console.log(`· 数据管道完成 (各数据源落地明细见 ${join(logDir, 'pipeline-run.log')})`);

  await buildAppIfStale('bi', ' BI 应用');
  await buildAppIfStale('console', '管理控制台');
  const semantic = start('semantic', 'semantic/src/main.ts');
  const bi = supervise({
    name: 'bi',
    command: node,
    args: [join(root, 'apps/bi/build/index.js')],
    cwd: join(root, 'apps/bi'),
    env: {
      ...env,
      HOST: host,
      PORT: String(ports.bi),
      ORIGIN: `http://${host}:${String(ports.bi)}`,
    },
  });
  const consoleApp = supervise({
    name: 'console',
    command: node,
    args: [join(root, 'apps/console/build/index.js')],
    cwd: join(root, 'apps/console'),
    env: {
      ...env,
      HOST: host,
      PORT: String(ports.console),
      ORIGIN: `http://${host}:${String(ports.console)}`,
    },
  });
  await Promise.all([
    waitForPort(semantic, host, ports.semantic),
    waitForPort(bi, host, ports.bi),
    waitForPort(consoleApp, host, ports.console),
  ]);

  console.log(`
智慧担保已启动 (Ctrl-C 停止；组件意外退出会自动重启，见 ${join(logDir, 'supervisor.log')}):
  BI 看板 (企业分布概览)     http://${host}:${String(ports.bi)}/
  管理控制台 (用户/机构/审计) http://${host}:${String(ports.console)}/
  语义层 API (Cube REST)     http://${host}:${String(ports.semantic)}/cubejs-api/v1/meta
  Temporal 界面              http://${host}:${String(ports.temporalUi)}/
  工商数据模拟器             http://${host}:${String(ports.commerceSimulator)}/
  税务数据模拟器 (银税互动)   http://${host}:${String(ports.taxSimulator)}/
  短信网关模拟器 (阿里云短信) http://${host}:${String(ports.smsSimulator)}/
  业务系统数据库 (旧系统)     postgres://postgres@${host}:${String(ports.businessDb)}/postgres
  应用数据库 (PostgreSQL 协议) postgres://postgres@${host}:${String(ports.appDb)}/postgres
  税务月度文件               ${taxInbox}
  银行流水导出文件           ${bankInbox}
  公司财务月报               ${financeInbox}
  模拟世界数据               ${worldDir}

${demoUsers}
`);
}

/** Stops the one-shot steps and every supervised component (reverse start order), bounded. */
async function stopEverything(): Promise<void> {
  await Promise.all([...oneShots].map((proc) => stopProcess(proc, 10_000)));
  await stopAllSupervised(supervised);
}

/** A second Ctrl-C while stopping: kill what is left at once (process groups included). */
function killEverythingNow(): void {
  for (const proc of [...oneShots, ...supervised.flatMap((p) => p.current() ?? [])]) {
    signalProcess(proc, 'SIGKILL');
  }
}

let stopping = false;
let stopRequestedAt = 0;
/**
 * One Ctrl-C reaches up.ts more than once: from the terminal (its process group) and relayed by
 * `npx` and `just`. Signals within this window are that same Ctrl-C; a later one forces the end.
 */
const RELAYED_SIGNAL_WINDOW_MS = 2_000;
// The console may be gone (the terminal closed, `just` exited): stopping must go on regardless.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);
const shutdown = async (exitCode: number, reason: string): Promise<void> => {
  if (stopping) return;
  stopping = true;
  stopRequestedAt = Date.now();
  console.log(`· ${reason}，正在停止全部组件 (再按一次 Ctrl-C 立即强制结束) …`);
  await stopEverything();
  console.log('· 全部组件已停止');
  process.exit(exitCode);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopping) {
      if (Date.now() - stopRequestedAt < RELAYED_SIGNAL_WINDOW_MS) return;
      killEverythingNow();
      process.exit(130);
    }
    void shutdown(0, `收到 ${signal}`);
  });
}

main().catch(async (error: unknown) => {
  if (stopping) return;
  console.error(`启动失败: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1, '启动失败');
});
