// The data-access suite, run unchanged against (a) the embedded PGlite socket server and (b) the
// real PostgreSQL. Where the two differ, BackendTraits names the difference and the tests measure it.
import type { Duplex } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { protocol } from '@electric-sql/pglite';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent, listAuditEventsForSubject } from './audit-events.ts';
import { createPool, withTransaction } from './pool.ts';
import { loadMigrations, migrationChecksum, type Migration } from './migration-files.ts';
import { migrate, MigrationHistoryError } from './migrator.ts';
import { connect, removePgliteTemplate, TEST_BACKENDS, type TestBackend } from './test-backends.ts';

const MIGRATIONS = loadMigrations();
function firstMigration(): Migration {
  const [first] = MIGRATIONS;
  if (!first) throw new Error('no migrations found');
  return first;
}
const FOUNDATION = firstMigration();
const VERSIONS = MIGRATIONS.map((migration) => migration.version);

/** Long enough that a statement which is not blocked has certainly finished. */
const BLOCKED_PROBE_MS = 1_000;

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return Promise.race([promise.then(() => true), delay(ms).then(() => false)]);
}

function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function counterValue(client: pg.Client, counterId: number): Promise<number> {
  const result = await client.query<{ value: number }>(
    'select value from test_counters where counter_id = $1',
    [counterId],
  );
  return result.rows[0]?.value ?? Number.NaN;
}

/** Largest number of intervals open at the same moment. */
function maxOverlap(intervals: readonly (readonly [number, number])[]): number {
  const edges = intervals.flatMap(([start, end]) => [
    [start, 1],
    [end, -1],
  ]);
  edges.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0));
  let open = 0;
  let max = 0;
  for (const [, step] of edges) {
    open += step ?? 0;
    max = Math.max(max, open);
  }
  return max;
}

/** Startup as a raw protocol client, so a test can stop in the middle of an exchange. */
/**
 * A session on which the test speaks the protocol itself: a `pg` client connects and
 * authenticates (the test servers ask for a password, SCRAM), then lets go of its socket.
 */
async function rawSession(connectionString: string): Promise<Duplex> {
  const client = await connect(connectionString);
  const socket = client.connection.stream;
  socket.removeAllListeners('data');
  return socket;
}

describe.each(TEST_BACKENDS.map((make) => [make().name, make] as const))(
  'app database on %s',
  (_name, makeBackend) => {
    let backend: TestBackend;
    let shared: string;
    const clients: pg.Client[] = [];
    const open = async (connectionString: string = shared): Promise<pg.Client> => {
      const client = await connect(connectionString);
      clients.push(client);
      return client;
    };

    beforeAll(async () => {
      backend = makeBackend();
      shared = await backend.createDatabase();
      const setup = await open();
      await migrate(setup);
      await setup.query(`
        create table test_counters (counter_id integer primary key, value integer not null);
        insert into test_counters select g, 0 from generate_series(1, 10) g;
        create table test_accounts (account_id integer primary key, balance integer not null check (balance >= 0));
        insert into test_accounts select g, 1000 from generate_series(1, 5) g;
      `);
    });

    // The embedded server takes 20 connections in all: each test closes what it opened.
    afterEach(async () => {
      await Promise.all(clients.splice(0).map((client) => client.end().catch(() => undefined)));
    });

    afterAll(async () => {
      await backend.dispose();
      await removePgliteTemplate();
    });

    describe('migrations', () => {
      it('apply once, record version and checksum, and are idempotent', async () => {
        const client = await open(await backend.createDatabase());
        expect(await migrate(client)).toEqual({ applied: VERSIONS, alreadyApplied: [] });
        expect(await migrate(client)).toEqual({ applied: [], alreadyApplied: VERSIONS });
        const history = await client.query<{ version: string; name: string; checksum: string }>(
          'select version, name, checksum from public.schema_migrations',
        );
        expect(history.rows).toHaveLength(VERSIONS.length);
        expect(history.rows[0]).toEqual({
          version: '0001',
          name: 'app_foundation',
          checksum: FOUNDATION.checksum,
        });
        const roles = await client.query('select role_code from app.roles');
        expect(roles.rowCount).toBe(5);
      });

      it('apply exactly once when three clients migrate at the same time', async () => {
        const url = await backend.createDatabase();
        const migrators = await Promise.all([open(url), open(url), open(url)]);
        const results = await Promise.all(migrators.map((client) => migrate(client)));
        // Each migration is its own locked transaction, so the three clients may share the work
        // (one applies 0001 and 0004, another 0002 and 0003): exactly once is a count per version.
        expect(results.flatMap((result) => result.applied).sort()).toEqual(VERSIONS);
        expect(results.flatMap((result) => result.alreadyApplied).sort()).toEqual(
          [...VERSIONS, ...VERSIONS].sort(),
        );
        const [check] = migrators;
        const history = await check.query('select version from public.schema_migrations');
        expect(history.rowCount).toBe(VERSIONS.length);
        const roles = await check.query('select role_code from app.roles');
        expect(roles.rowCount).toBe(5);
      });

      it('refuse an applied migration whose file changed, and apply a new one after it', async () => {
        const client = await open(await backend.createDatabase());
        await migrate(client, [FOUNDATION]);
        const editedSql = `${FOUNDATION.sql}\n-- edited after release\n`;
        const edited: Migration = {
          ...FOUNDATION,
          sql: editedSql,
          checksum: migrationChecksum(editedSql),
        };
        await expect(migrate(client, [edited])).rejects.toThrow(MigrationHistoryError);
        await expect(migrate(client, [edited])).rejects.toThrow(
          /0001_app_foundation\.sql was changed after it was applied/,
        );

        const addTable = 'create table app.test_second (second_id integer primary key);';
        const second: Migration = {
          version: '0002',
          name: 'test_second',
          fileName: '0002_test_second.sql',
          sql: addTable,
          checksum: migrationChecksum(addTable),
        };
        expect(await migrate(client, [FOUNDATION, second])).toEqual({
          applied: ['0002'],
          alreadyApplied: ['0001'],
        });
      });

      it('roll back a failing migration completely', async () => {
        const client = await open(await backend.createDatabase());
        const failing = 'create table app.half_done (x integer); select 1 / 0;';
        const broken: Migration = {
          version: '0002',
          name: 'broken',
          fileName: '0002_broken.sql',
          sql: failing,
          checksum: migrationChecksum(failing),
        };
        await expect(migrate(client, [FOUNDATION, broken])).rejects.toThrow(/division by zero/);
        const leftovers = await client.query(
          "select to_regclass('app.half_done') as half_done, (select count(*) from public.schema_migrations)::int as versions",
        );
        expect(leftovers.rows[0]).toEqual({ half_done: null, versions: 1 });
      });
    });

    describe('app tables', () => {
      it('append audit events with Chinese text and jsonb detail, read them back in order', async () => {
        const pool = createPool({ kind: 'postgres', connectionString: shared, poolMax: 2 });
        try {
          const subject = 'guarantee_application:GA-2024-0001';
          await appendAuditEvent(pool, {
            actor: 'zhang.san',
            action: 'application_submitted',
            subject,
            detail: { 申请人: '宁夏某某农业合作社', amount_fen: 5_000_000 },
          });
          await appendAuditEvent(pool, { actor: 'li.si', action: 'application_reviewed', subject });
          const events = await listAuditEventsForSubject(pool, subject);
          expect(events.map((event) => [event.actor, event.action, event.detail])).toEqual([
            [
              'zhang.san',
              'application_submitted',
              { 申请人: '宁夏某某农业合作社', amount_fen: 5_000_000 },
            ],
            ['li.si', 'application_reviewed', {}],
          ]);
          expect(events[0]?.occurredAt).toBeInstanceOf(Date);
          expect(Number(events[1]?.auditEventId)).toBeGreaterThan(Number(events[0]?.auditEventId));
        } finally {
          await pool.end();
        }
      });

      it('enforce unique logins, login format, and cascade role grants with the user', async () => {
        const client = await open();
        const user = await client.query<{ user_id: string }>(
          "insert into app.users (login, display_name) values ('wang.wu', '王五') returning user_id",
        );
        const userId = user.rows[0]?.user_id;
        await expect(
          client.query("insert into app.users (login, display_name) values ('wang.wu', '王五二')"),
        ).rejects.toMatchObject({ code: '23505' });
        await expect(
          client.query("insert into app.users (login, display_name) values ('Wang Wu', '王五')"),
        ).rejects.toMatchObject({ code: '23514' });
        await client.query(
          "insert into app.user_roles (user_id, role_id) select $1, role_id from app.roles where role_code = 'risk_officer'",
          [userId],
        );
        const granted = await client.query<{ display_name: string }>(
          'select r.display_name from app.user_roles ur join app.roles r using (role_id) where ur.user_id = $1',
          [userId],
        );
        expect(granted.rows).toEqual([{ display_name: '风控专员' }]);
        await client.query('delete from app.users where user_id = $1', [userId]);
        const left = await client.query('select 1 from app.user_roles where user_id = $1', [
          userId,
        ]);
        expect(left.rowCount).toBe(0);
      });
    });

    describe('withTransaction', () => {
      it('commits what the work did, and rolls all of it back when the work throws', async () => {
        const pool = createPool({ kind: 'postgres', connectionString: shared, poolMax: 2 });
        try {
          await withTransaction(pool, async (client) => {
            await client.query('update test_counters set value = 40 where counter_id = 8');
          });
          await expect(
            withTransaction(pool, async (client) => {
              await client.query('update test_counters set value = 41 where counter_id = 8');
              throw new Error('审批规则不通过');
            }),
          ).rejects.toThrow('审批规则不通过');
          const result = await pool.query<{ value: number }>(
            'select value from test_counters where counter_id = 8',
          );
          expect(result.rows[0]?.value).toBe(40);
        } finally {
          await pool.end();
        }
      });
    });

    describe('concurrent transactions', () => {
      it('lose no update when three clients increment one counter with select … for update', async () => {
        const workers = await Promise.all([open(), open(), open()]);
        const perWorker = 25;
        const held: [number, number][] = [];
        await Promise.all(
          workers.map(async (client) => {
            for (let i = 0; i < perWorker; i += 1) {
              await client.query('begin');
              const start = performance.now();
              const current = await client.query<{ value: number }>(
                'select value from test_counters where counter_id = 1 for update',
              );
              await delay(1);
              await client.query('update test_counters set value = $1 where counter_id = 1', [
                (current.rows[0]?.value ?? 0) + 1,
              ]);
              held.push([start, performance.now()]);
              await client.query('commit');
            }
          }),
        );
        expect(await counterValue(workers[0], 1)).toBe(3 * perWorker);
        // Measured: how many of these transactions were open at once.
        const overlap = maxOverlap(held);
        if (backend.traits.statementsWaitForOtherTransactions) expect(overlap).toBe(1);
        else expect(overlap).toBeGreaterThan(1);
      });

      it('keep the total when three clients move money between five accounts', async () => {
        const workers = await Promise.all([open(), open(), open()]);
        const random = mulberry32(20_240_601);
        const plans = workers.map(() =>
          Array.from({ length: 20 }, () => ({
            from: 1 + Math.floor(random() * 5),
            to: 1 + Math.floor(random() * 5),
            amount: 1 + Math.floor(random() * 700),
          })),
        );
        let refused = 0;
        await Promise.all(
          workers.map(async (client, index) => {
            for (const { from, to, amount } of plans[index] ?? []) {
              if (from === to) continue;
              await client.query('begin');
              const locked = await client.query<{ account_id: number; balance: number }>(
                'select account_id, balance from test_accounts where account_id = any($1) order by account_id for update',
                [[from, to]],
              );
              const balance = locked.rows.find((row) => row.account_id === from)?.balance ?? 0;
              if (balance < amount) {
                refused += 1;
                await client.query('rollback');
                continue;
              }
              await client.query(
                'update test_accounts set balance = balance - $2 where account_id = $1',
                [from, amount],
              );
              await client.query(
                'update test_accounts set balance = balance + $2 where account_id = $1',
                [to, amount],
              );
              await client.query('commit');
            }
          }),
        );
        const totals = await workers[0].query<{ total: number; lowest: number }>(
          'select sum(balance)::int as total, min(balance)::int as lowest from test_accounts',
        );
        expect(totals.rows[0]?.total).toBe(5000);
        expect(totals.rows[0]?.lowest).toBeGreaterThanOrEqual(0);
        expect(refused).toBeGreaterThan(0); // the plan does overdraw sometimes: the check ran
      });

      it('never show another client an uncommitted write, and show nothing of it after rollback', async () => {
        const [writer, reader] = await Promise.all([open(), open()]);
        await writer.query('begin');
        await writer.query('update test_counters set value = -1 where counter_id = 2');
        const read = counterValue(reader, 2);
        const readFinishedDuringTransaction = await settlesWithin(read, BLOCKED_PROBE_MS);
        await writer.query('rollback');
        expect(await read).toBe(0);
        expect(readFinishedDuringTransaction).toBe(
          !backend.traits.statementsWaitForOtherTransactions,
        );

        await writer.query('begin');
        await writer.query('update test_counters set value = 7 where counter_id = 2');
        await writer.query('commit');
        expect(await counterValue(reader, 2)).toBe(7);
      });

      it('make a second locker of the same row wait, then see the first commit', async () => {
        const [first, second] = await Promise.all([open(), open()]);
        await first.query('begin');
        await first.query('select value from test_counters where counter_id = 3 for update');
        // Not awaited: on PGlite even BEGIN waits while the first transaction is open.
        const secondBegin = second.query('begin');
        const secondLock = second.query<{ value: number }>(
          'select value from test_counters where counter_id = 3 for update',
        );
        expect(await settlesWithin(secondLock, BLOCKED_PROBE_MS)).toBe(false);
        await first.query('update test_counters set value = value + 10 where counter_id = 3');
        await first.query('commit');
        await secondBegin;
        expect((await secondLock).rows[0]?.value).toBe(10);
        await second.query('commit');
      });

      it('let a transaction on another row proceed only on PostgreSQL (PGlite: one session)', async () => {
        const [first, second] = await Promise.all([open(), open()]);
        await first.query('begin');
        await first.query('select value from test_counters where counter_id = 4 for update');
        const otherRow = second.query('update test_counters set value = 1 where counter_id = 5');
        const proceeded = await settlesWithin(otherRow, BLOCKED_PROBE_MS);
        await first.query('commit');
        await otherRow;
        expect(proceeded).toBe(!backend.traits.statementsWaitForOtherTransactions);
      });

      it('keep others out of a failed transaction until it is rolled back', async () => {
        const [failing, other] = await Promise.all([open(), open()]);
        await failing.query('begin');
        await failing.query('update test_counters set value = 99 where counter_id = 6');
        await expect(failing.query('select 1 / 0')).rejects.toThrow(/division by zero/);
        const read = counterValue(other, 6);
        expect(await settlesWithin(read, BLOCKED_PROBE_MS)).toBe(
          !backend.traits.statementsWaitForOtherTransactions,
        );
        await failing.query('rollback');
        expect(await read).toBe(0);
      });

      it('discard the work of a client that disconnects inside a transaction', async () => {
        const [leaving, staying] = await Promise.all([connect(shared), open()]);
        await leaving.query('begin');
        await leaving.query('insert into test_counters values (100, 1)');
        await leaving.end();
        const rows = await staying.query('select 1 from test_counters where counter_id = 100');
        expect(rows.rowCount).toBe(0);
      });

      it('discard the work of a client that disconnects in the middle of an extended-protocol exchange', async () => {
        const staying = await open();
        const socket = await rawSession(shared);
        // Parse/Bind/Execute an insert, but never send Sync: its implicit transaction is open.
        socket.write(
          protocol.serialize.parse({ text: 'insert into test_counters values (101, 1)' }),
        );
        socket.write(protocol.serialize.bind());
        socket.write(protocol.serialize.execute());
        await delay(100);
        socket.destroy();
        const rows = await staying.query('select 1 from test_counters where counter_id = 101');
        expect(rows.rowCount).toBe(0);
        expect(await counterValue(staying, 7)).toBe(0);
      });

      it('bind each client its own parameters when large messages arrive in several reads', async () => {
        // A 4 MB Bind reaches the server in many TCP reads; pglite-socket alone lets the other
        // client's Parse run between this client's Parse and Bind (measured: wrong statement bound).
        const [large, small] = await Promise.all([open(), open()]);
        const big = 'x'.repeat(4_000_000);
        const smallClient = { running: true };
        const smallResults: number[] = [];
        const smallLoop = (async () => {
          for (let i = 0; smallClient.running; i += 1) {
            const result = await small.query<{ small_value: number }>(
              'select $1::int as small_value',
              [i],
            );
            smallResults.push(result.rows[0]?.small_value ?? -1);
          }
        })();
        await delay(20);
        const outcomes: string[] = [];
        for (let i = 0; i < 5; i += 1) {
          outcomes.push(
            await large
              .query<{ large_length: number }>('select length($1::text) as large_length', [big])
              .then(
                (result) => String(result.rows[0]?.large_length),
                (error: unknown) => (error instanceof Error ? error.message.slice(0, 60) : 'error'),
              ),
          );
        }
        smallClient.running = false;
        await smallLoop;
        expect(outcomes).toEqual(Array<string>(5).fill('4000000'));
        expect(smallResults).toEqual(smallResults.map((_, i) => i));
      });
    });

    describe('session state (PGlite serves every client from its one session)', () => {
      it('share SET between connections only on PGlite', async () => {
        const [a, b] = await Promise.all([open(), open()]);
        await a.query("set application_name = 'sg_client_a'");
        const seen = await b.query<{ application_name: string }>('show application_name');
        expect(seen.rows[0]?.application_name === 'sg_client_a').toBe(
          backend.traits.sessionStateShared,
        );
        await a.query('reset application_name');
      });

      it('make session advisory locks exclude other connections only on PostgreSQL', async () => {
        const [a, b] = await Promise.all([open(), open()]);
        const take = async (client: pg.Client): Promise<boolean> =>
          (await client.query<{ taken: boolean }>('select pg_try_advisory_lock(4242) as taken'))
            .rows[0]?.taken ?? false;
        expect(await take(a)).toBe(true);
        expect(await take(b)).toBe(backend.traits.sessionStateShared);
        await a.query('select pg_advisory_unlock_all()');
        await b.query('select pg_advisory_unlock_all()');
      });

      it('let two connections prepare the same statement name only on PostgreSQL', async () => {
        const [a, b] = await Promise.all([open(), open()]);
        await a.query({ name: 'sg_named_statement', text: 'select 1 as n' });
        const second = b.query({ name: 'sg_named_statement', text: 'select 2 as n' });
        if (backend.traits.sessionStateShared) {
          await expect(second).rejects.toMatchObject({ code: '42P05' });
        } else {
          await expect(second).resolves.toMatchObject({ rows: [{ n: 2 }] });
        }
      });
    });
  },
);
