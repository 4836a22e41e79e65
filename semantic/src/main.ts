// CLI: node semantic/src/main.ts — serves Cube's REST API over the lake (read-only).
import { lakeConfigFromEnv, openLake } from '@sg/lake';
import { loadSemanticModel } from './model/load-model.ts';
import { createQueryRunner } from './server/query-runner.ts';
import { API_BASE_PATH, createSemanticServer } from './server/semantic-server.ts';
import { semanticSettingsFromEnv } from './server/semantic-settings.ts';

const settings = semanticSettingsFromEnv();
const model = loadSemanticModel(settings.modelDirectory);
const lakeConfig = lakeConfigFromEnv();
// Opened on the first query (the lake may not exist yet when the server starts) and reopened
// after a failure; the read-only DuckLake connection sees each new snapshot as it is committed.
const runner = createQueryRunner(() => openLake(lakeConfig, { readOnly: true }));
const server = createSemanticServer({
  model,
  runner,
  secret: settings.secret,
  corsOrigins: settings.corsOrigins,
  log: (line) => {
    console.log(`[semantic] ${line}`);
  },
});

if (settings.usesDevSecret) {
  console.warn('[semantic] SG_SEMANTIC_SECRET is not set: using the development secret');
}
server.listen(settings.port, settings.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : settings.port;
  const views = [...model.views.keys()].join(', ');
  console.log(
    `[semantic] listening on http://${settings.host}:${port}${API_BASE_PATH} (views: ${views})`,
  );
});

const shutdown = (): void => {
  server.close();
  void runner.close().finally(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
