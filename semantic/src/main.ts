// CLI: node semantic/src/main.ts — serves Cube's REST API over the lake (read-only).
import { lakeConfigFromEnv, openLake } from '@sg/lake';
import { loadSemanticModel } from './model/load-model.ts';
import { createQueryRunner } from './server/query-runner.ts';
import { API_BASE_PATH, createSemanticServer } from './server/semantic-server.ts';
import { semanticSettingsFromEnv } from './server/semantic-settings.ts';

const settings = semanticSettingsFromEnv();
const model = loadSemanticModel(settings.modelDirectory);
const lakeConfig = lakeConfigFromEnv();
// One read-only lake instance, opened on the first query (the lake may not exist yet when the
// server starts), with a pool of connections to it; it sees each new snapshot as it is committed.
const runner = createQueryRunner(() => openLake(lakeConfig, { readOnly: true }), settings.limits);
const semantic = createSemanticServer({
  model,
  runner,
  secret: settings.secret,
  corsOrigins: settings.corsOrigins,
  log: (line) => {
    console.log(`[semantic] ${line}`);
  },
});
const server = semantic.http;

if (settings.usesDevSecret) {
  console.warn('[semantic] SG_SEMANTIC_SECRET is not set: using the development secret');
}
server.listen(settings.port, settings.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : settings.port;
  const views = [...model.views.keys()].join(', ');
  const { size, maxWaiting, queryTimeoutMs } = settings.limits;
  console.log(
    `[semantic] listening on http://${settings.host}:${port}${API_BASE_PATH} (views: ${views}; ` +
      `${size} connections, queue ${maxWaiting}, query timeout ${queryTimeoutMs} ms)`,
  );
});

/** How long past the drain a stuck shutdown may take before the process exits regardless. */
const EXIT_BACKSTOP_MS = 5_000;
let stopping = false;
const shutdown = (signal: NodeJS.Signals): void => {
  if (stopping) {
    console.log(`[semantic] ${signal} again: exiting now`);
    process.exit(1);
  }
  stopping = true;
  console.log(`[semantic] ${signal}: draining in-flight requests (up to ${settings.drainMs} ms)`);
  setTimeout(() => {
    console.error('[semantic] shutdown did not finish: exiting');
    process.exit(1);
  }, settings.drainMs + EXIT_BACKSTOP_MS).unref();
  semantic.drain(settings.drainMs).then(
    (report) => {
      const how = report.forced
        ? `interrupted the queries still running; ${report.abandoned} requests unanswered`
        : 'all requests answered';
      console.log(`[semantic] stopped after ${report.ms} ms (${how})`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(`[semantic] drain failed: ${String(error)}`);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
