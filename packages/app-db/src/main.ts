// CLI: `node packages/app-db/src/main.ts`.
// Without DATABASE_URL: owns $SG_DATA_DIR/app-db, serves it on 127.0.0.1:$SG_APP_DB_PORT (5433),
// applies migrations, prints the connection string and stays up until SIGINT/SIGTERM.
// With DATABASE_URL: applies migrations to that PostgreSQL database and exits.
import pg from 'pg';
import { appDbConfigFromEnv, embeddedAppDbOptionsFromEnv } from './app-db-config.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@sg/embedded-postgres';
import { migrate, type MigrateResult } from './migrator.ts';

async function migrateAt(connectionString: string): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await migrate(client);
  } finally {
    await client.end();
  }
}

function describe(result: MigrateResult): string {
  const list = (versions: string[]): string => (versions.length ? versions.join(', ') : 'none');
  return `migrations applied now: ${list(result.applied)}; already applied: ${list(result.alreadyApplied)}`;
}

async function serveEmbedded(): Promise<void> {
  const options = embeddedAppDbOptionsFromEnv(process.env);
  const server: EmbeddedPostgres = await startEmbeddedPostgres(options);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`app-db: ${signal} received, closing ${server.dataDir}`);
    server.close().then(
      () => {
        console.log('app-db: closed');
        process.exit(0);
      },
      (error: unknown) => {
        console.error('app-db: close failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    const result = await migrateAt(server.connectionString);
    console.log(`app-db: ${describe(result)}`);
  } catch (error) {
    await server.close();
    throw error;
  }
  console.log(`app-db: data directory ${server.dataDir}`);
  console.log(`app-db: ready at ${server.connectionString}`);
}

async function main(): Promise<void> {
  const config = appDbConfigFromEnv(process.env);
  if (config.kind === 'postgres') {
    const result = await migrateAt(config.connectionString);
    console.log(`app-db: DATABASE_URL set; ${describe(result)}`);
    return;
  }
  await serveEmbedded();
}

main().catch((error: unknown) => {
  console.error('app-db: failed', error);
  process.exit(1);
});
