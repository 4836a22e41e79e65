/**
 * CLI of the legacy business system simulator. Prints one JSON line per command.
 *
 *   node simulators/business/src/main.ts seed --world <dir> [--replace] [--url <db url>]
 *   node simulators/business/src/main.ts advance --changed-at '2025-07-01 09:00:00'
 *        [--late-commit-at '2025-06-30 23:58:00'] [--seed 640000] [--url <db url>]
 *   node simulators/business/src/main.ts serve [--world <dir>]
 *
 * The database: --url, else SG_BUSINESS_DB_URL (postgres://… or mariadb://…), else the embedded
 * PGlite server (127.0.0.1:SG_BUSINESS_DB_PORT, default 5434; data in $SG_DATA_DIR/business-db).
 * `serve` owns the embedded server (seeding it from --world when given and not yet seeded) and
 * stays up until SIGINT/SIGTERM; `seed`/`advance` against the embedded default need it running.
 */
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres } from '@sg/embedded-postgres';
import { advanceBusinessDatabase } from './advance.ts';
import { businessDbConfigFromEnv } from './business-db-config.ts';
import { connectLegacyDatabase, dialectOfUrl } from './legacy-database.ts';
import type { LegacyDatabase } from './legacy-database.ts';
import { seedBusinessDatabase } from './seeder.ts';

const DEFAULT_ADVANCE_SEED = 640000;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    world: { type: 'string' },
    url: { type: 'string' },
    replace: { type: 'boolean', default: false },
    seed: { type: 'string' },
    'changed-at': { type: 'string' },
    'late-commit-at': { type: 'string' },
  },
});
const [command] = positionals;
const config = businessDbConfigFromEnv(process.env);
const url = values.url ?? config.url;
const embeddedTarget = values.url === undefined && config.kind === 'embedded';

async function withDatabase<T>(
  target: string,
  work: (db: LegacyDatabase) => Promise<T>,
  embedded: boolean,
): Promise<T> {
  const db = await connectLegacyDatabase(target, embedded ? { postgresBulkLoad: 'insert' } : {});
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new Error(`missing ${flag}`);
  return value;
}

if (command === 'seed') {
  const worldDir = required(values.world, '--world <dir>');
  const result = await withDatabase(
    url,
    (db) => seedBusinessDatabase(db, { worldDir, replace: values.replace }),
    embeddedTarget,
  );
  process.stdout.write(`${JSON.stringify({ command, dialect: dialectOfUrl(url), ...result })}\n`);
} else if (command === 'advance') {
  const changedAt = required(values['changed-at'], '--changed-at');
  const lateCommitAt = values['late-commit-at'];
  const seed = Number(values.seed ?? DEFAULT_ADVANCE_SEED);
  const report = await withDatabase(
    url,
    (db) =>
      advanceBusinessDatabase(db, {
        seed,
        changedAt,
        ...(lateCommitAt === undefined ? {} : { lateCommitAt }),
      }),
    embeddedTarget,
  );
  process.stdout.write(`${JSON.stringify({ command, ...report })}\n`);
} else if (command === 'serve') {
  if (config.kind !== 'embedded') {
    throw new Error('serve runs the embedded database; unset SG_BUSINESS_DB_URL to use it');
  }
  const server = await startEmbeddedPostgres(config.server);
  const worldDir = values.world;
  let seeded: unknown = null;
  if (worldDir !== undefined) {
    seeded = await withDatabase(
      server.connectionString,
      async (db) => {
        const existing = await db.queryText(
          `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 't_customer'`,
        );
        if (existing[0]?.['n'] !== '0') return 'already seeded';
        return seedBusinessDatabase(db, { worldDir });
      },
      true,
    );
  }
  process.stdout.write(
    `${JSON.stringify({ service: 'sim-business', url: server.connectionString, dataDir: server.dataDir, seeded })}\n`,
  );
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else {
  process.stderr.write('usage: main.ts seed|advance|serve [options] (see the file header)\n');
  process.exitCode = 2;
}
