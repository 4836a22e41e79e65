// `just up`: runs the whole platform on one machine on its embedded defaults: the app database
// (PGlite served over the PostgreSQL protocol), the Temporal dev server and the pipelines worker,
// the commerce-data simulator, one landing + dbt build of the demo data, the semantic API and the
// BI app. Prints the URLs and keeps running until Ctrl-C, which stops everything.
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  runToCompletion,
  startProcess,
  stopAll,
  waitForPort,
  type ManagedProcess,
} from './process-supervisor.ts';

const root = join(import.meta.dirname, '..');
const dataDir = process.env['SG_DATA_DIR'] ?? join(root, '.data');
const logDir = join(dataDir, 'logs');
const host = '127.0.0.1';
const port = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const ports = {
  appDb: port('SG_APP_DB_PORT', 5433),
  temporal: port('TEMPORAL_DEV_PORT', 7233),
  temporalUi: port('TEMPORAL_DEV_UI_PORT', 8233),
  commerce: port('SG_SIM_COMMERCE_PORT', 7301),
  semantic: port('SG_SEMANTIC_PORT', 4000),
  bi: port('SG_BI_PORT', 3000),
};
const demoEnterpriseCount = process.env['SG_DEMO_ENTERPRISES'] ?? '600';
const node = process.execPath;
const env: Record<string, string> = {
  SG_DATA_DIR: dataDir,
  SG_APP_DB_PORT: String(ports.appDb),
  TEMPORAL_ADDRESS: `${host}:${String(ports.temporal)}`,
  TEMPORAL_DEV_PORT: String(ports.temporal),
  TEMPORAL_DEV_UI_PORT: String(ports.temporalUi),
  SG_SIM_COMMERCE_PORT: String(ports.commerce),
  SG_SIM_COMMERCE_ENTERPRISES: demoEnterpriseCount,
  SG_SEMANTIC_PORT: String(ports.semantic),
};

const running: ManagedProcess[] = [];
const start = (name: string, script: string, extraEnv: Record<string, string> = {}) => {
  const proc = startProcess(
    { name, command: node, args: [join(root, script)], env: { ...env, ...extraEnv }, cwd: root },
    logDir,
  );
  running.push(proc);
  return proc;
};

function newestModification(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

async function buildBiAppIfStale(): Promise<void> {
  const app = join(root, 'apps/bi');
  const built = join(app, 'build/index.js');
  if (existsSync(built) && statSync(built).mtimeMs > newestModification(join(app, 'src'))) return;
  console.log('· 构建 BI 应用 (vite build) …');
  await runToCompletion(
    { name: 'bi-build', command: 'npm', args: ['run', '--silent', 'build'], cwd: app, env },
    logDir,
  );
}

async function main(): Promise<void> {
  console.log(`智慧担保 — 本地启动 (数据目录 ${dataDir}，日志 ${logDir})`);
  const appDb = start('app-db', 'packages/app-db/src/main.ts');
  const temporal = start('temporal', 'pipelines/src/dev-server.ts');
  const commerce = start('sim-commerce', 'simulators/commerce/src/main.ts');
  await Promise.all([
    waitForPort(appDb, host, ports.appDb),
    waitForPort(temporal, host, ports.temporal, 120_000),
    waitForPort(commerce, host, ports.commerce),
  ]);
  console.log('· 应用数据库、Temporal、工商数据模拟器已就绪');

  start('worker', 'pipelines/src/worker/main.ts');
  console.log(`· 运行数据管道：工商数据落地 → dbt 构建 (${demoEnterpriseCount} 家演示企业) …`);
  await runToCompletion(
    {
      name: 'pipeline-run',
      command: node,
      args: [join(root, 'pipelines/src/client/run-commerce-landing.ts')],
      env,
      cwd: root,
    },
    logDir,
  );
  console.log('· 数据管道完成');

  await buildBiAppIfStale();
  const semantic = start('semantic', 'semantic/src/main.ts');
  const bi = startProcess(
    {
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
    },
    logDir,
  );
  running.push(bi);
  await Promise.all([waitForPort(semantic, host, ports.semantic), waitForPort(bi, host, ports.bi)]);

  console.log(`
智慧担保已启动 (Ctrl-C 停止):
  BI 看板 (企业分布概览)     http://${host}:${String(ports.bi)}/
  语义层 API (Cube REST)     http://${host}:${String(ports.semantic)}/cubejs-api/v1/meta
  Temporal 界面              http://${host}:${String(ports.temporalUi)}/
  工商数据模拟器             http://${host}:${String(ports.commerce)}/
  应用数据库 (PostgreSQL 协议) postgres://postgres@${host}:${String(ports.appDb)}/postgres
`);
  const first = await Promise.race(running.map(async (p) => ({ p, code: await p.exited })));
  throw new Error(`${first.p.name} stopped (exit ${String(first.code)}); see ${first.p.logPath}`);
}

let stopping = false;
const shutdown = async (exitCode: number): Promise<never> => {
  if (!stopping) {
    stopping = true;
    await stopAll(running);
  }
  process.exit(exitCode);
};
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

main().catch(async (error: unknown) => {
  if (stopping) return;
  console.error(`启动失败: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
