import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditEvent, listAuditEventsForSubject } from './audit-events.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@sg/embedded-postgres';
import { loadMigrations } from './migration-files.ts';
import { migrate } from './migrator.ts';

const VERSIONS = loadMigrations().map((migration) => migration.version);
import { connect, freshPgliteDataDir, removePgliteTemplate } from './test-backends.ts';

describe('startEmbeddedPostgres', () => {
  let root: string;
  let dataDir: string;
  const servers: EmbeddedPostgres[] = [];
  const clients: pg.Client[] = [];
  const start = async (maxConnections?: number): Promise<EmbeddedPostgres> => {
    const server = await startEmbeddedPostgres(
      maxConnections === undefined ? { dataDir, port: 0 } : { dataDir, port: 0, maxConnections },
    );
    servers.push(server);
    return server;
  };
  const open = async (server: EmbeddedPostgres): Promise<pg.Client> => {
    const client = await connect(server.connectionString);
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'sg-app-db-server-'));
    dataDir = await freshPgliteDataDir(root);
  });

  afterAll(removePgliteTemplate);

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.end().catch(() => undefined)));
    await Promise.all(servers.splice(0).map((server) => server.close()));
    rmSync(root, { recursive: true, force: true });
  });

  it('initialises an empty directory and serves postgres://postgres@127.0.0.1:<port>/postgres', async () => {
    dataDir = join(root, 'empty', 'app-db');
    const server = await start();
    expect(server.connectionString).toBe(`postgres://postgres@127.0.0.1:${server.port}/postgres`);
    const client = await open(server);
    const result = await client.query<{ version: string }>('select version()');
    expect(result.rows[0]?.version).toMatch(/^PostgreSQL 1[0-9]/);
  });

  it('keeps committed data and the migration history across a restart, and drops an open transaction', async () => {
    const subject = 'enterprise:91640100MA76XXXX0X';
    const first = await start();
    const writer = await open(first);
    expect((await migrate(writer)).applied).toEqual(VERSIONS);
    await appendAuditEvent(writer, {
      actor: 'system',
      action: 'enterprise_imported',
      subject,
      detail: { 名称: '银川示例科技有限公司' },
    });
    const uncommitted = await open(first);
    await uncommitted.query('begin');
    await uncommitted.query(
      "insert into app.users (login, display_name) values ('never.saved', '未提交')",
    );
    await first.close();

    const second = await start();
    const reader = await open(second);
    expect(await migrate(reader)).toEqual({ applied: [], alreadyApplied: VERSIONS });
    const events = await listAuditEventsForSubject(reader, subject);
    expect(events.map((event) => event.detail)).toEqual([{ 名称: '银川示例科技有限公司' }]);
    const users = await reader.query("select 1 from app.users where login = 'never.saved'");
    expect(users.rowCount).toBe(0);
  });

  it('refuses a second owner of the same data directory until the first closes', async () => {
    const first = await start();
    await expect(start()).rejects.toThrow(/already owned by process/);
    await first.close();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    const again = await start();
    expect((await (await open(again)).query('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });

  const CONNECTION_LIMITS = [
    {
      name: "pglite-socket's default of 1 cuts off the second client",
      maxConnections: 1,
      served: 1,
    },
    {
      name: 'our default of 20 serves twenty clients at once',
      maxConnections: undefined,
      served: 20,
    },
  ] as const;

  it.each(CONNECTION_LIMITS)('$name, and refuses one more', async ({ maxConnections, served }) => {
    const server = await start(maxConnections);
    const connected = await Promise.all(Array.from({ length: served }, () => open(server)));
    const answers = await Promise.all(
      connected.map(
        async (client, index) =>
          (await client.query<{ n: number }>('select $1::int as n', [index])).rows[0]?.n,
      ),
    );
    expect(answers).toEqual(connected.map((_, index) => index));
    await expect(connect(server.connectionString)).rejects.toThrow(
      /Connection terminated unexpectedly/,
    );
  });
});
