/**
 * The whole commerce source end to end across a process boundary: the simulator (child process)
 * serves a small world in the world file contract (simulators/commerce/src/fixtures/world-small),
 * the live client pulls every entity through faults on the related lists, and the landing goes
 * into a real DuckLake. Rows reconcile with the world's manifest entity by entity
 * (landed + quarantined = rows in the file); then the change feed drives incremental landings.
 */
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLake } from '@sg/lake';
import type { Lake } from '@sg/lake';
import { createTestLake } from '@sg/lake/testing';
import { startSimulatorProcess } from '@sg/simulator-processes';
import type { TestLake } from '@sg/lake/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COMMERCE_ENTITIES } from './extract-source.ts';
import { landCommerceSource, readCommerceFeedCursor } from './land-source.ts';
import { createCommerceClient } from './live-client.ts';

const FIXTURE_WORLD = new URL(
  '../../../simulators/commerce/src/fixtures/world-small',
  import.meta.url,
).pathname;
const API_KEY = 'source-key';
const API_SECRET = 'source-secret';
const E2 = '91640122MA77B3C4D9';
const E3 = '92640302MA7AB1C2DQ';
const E5 = '91640181MA7H8J9K10';

/** File stem in the world of each raw entity. */
const WORLD_FILE: Record<(typeof COMMERCE_ENTITIES)[number], string> = {
  enterprises: 'enterprises',
  shareholders: 'shareholders',
  executives: 'executives',
  changes: 'changes',
  penalties: 'penalties',
  abnormal_operations: 'abnormal_operations',
  court_cases: 'court_cases',
  enforcements: 'enforcements',
  annual_reports: 'annual_reports',
};

interface RunningSimulator {
  readonly url: string;
  stop(): Promise<void>;
}

async function startSimulator(worldDir: string): Promise<RunningSimulator> {
  const simulator = await startSimulatorProcess('commerce', {
    env: {
      SG_SIM_COMMERCE_PORT: '0',
      SG_WORLD_DIR: worldDir,
      SG_SIM_COMMERCE_API_KEY: API_KEY,
      SG_SIM_COMMERCE_API_SECRET: API_SECRET,
      SG_SIM_COMMERCE_RATE_LIMIT: '0',
    },
  });
  const banner = z.object({ url: z.url(), source: z.literal('world') }).parse(simulator.banner);
  return { url: banner.url, stop: simulator.stop };
}

function client(url: string) {
  return createCommerceClient({
    baseUrl: url,
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    retry: { maxAttempts: 6, baseDelayMs: 20, maxDelayMs: 200 },
  });
}

let worldDir: string;
let testLake: TestLake;
let lake: Lake;
let simulator: RunningSimulator;

beforeAll(async () => {
  worldDir = await mkdtemp(join(tmpdir(), 'sg-commerce-world-'));
  await cp(FIXTURE_WORLD, worldDir, { recursive: true });
  testLake = await createTestLake('sqlite');
  lake = await openLake(testLake.config);
  simulator = await startSimulator(worldDir);
});

afterAll(async () => {
  await simulator.stop();
  lake.close();
  await testLake.dispose();
  await rm(worldDir, { recursive: true, force: true });
});

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await lake.connection.runAndReadAll(sql)).getRowObjectsJson();
}

async function countIn(entity: string, window: string, table = entity): Promise<number> {
  const [row] = await rows(
    `select count(*)::integer as n from lake.raw_commerce.${table} where _window = '${window}'`,
  );
  return Number(row?.['n']);
}

async function injectFault(fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${simulator.url}/v1/_sim/faults`, {
    method: 'POST',
    body: JSON.stringify(fault),
  });
  expect(response.status).toBe(200);
}

describe('landCommerceSource: full landing of a world (child-process simulator → real DuckLake)', () => {
  const WINDOW = '2025-06-30';

  it('lands every entity through 429, 500, a cut connection and malformed JSON on the related lists', async () => {
    await injectFault({
      kind: 'status',
      status: 429,
      retryAfterSeconds: 1,
      pathContains: '/shareholders',
    });
    await injectFault({ kind: 'status', status: 500, count: 2, pathContains: '/penalties' });
    await injectFault({ kind: 'cut-connection', pathContains: '/court-cases' });
    await injectFault({ kind: 'malformed-json', pathContains: '/enforcements' });
    await injectFault({ kind: 'cut-connection', pathContains: '/v1/changes' });

    const result = await landCommerceSource(lake, client(simulator.url), WINDOW, {
      mode: 'full',
      pageSize: 4,
      relatedPageSize: 2,
      feedPageSize: 4,
    });
    const pending = z
      .object({ data: z.object({ pending: z.int() }) })
      .parse(await (await fetch(`${simulator.url}/v1/_sim/faults`)).json());
    expect(pending.data.pending).toBe(0);
    expect(result).toMatchObject({ mode: 'full', since: null, enterprisesPulled: 6 });
    expect(result.feedCursor).not.toBeNull();

    const manifest = z
      .object({ files: z.record(z.string(), z.object({ rows: z.int() })) })
      .parse(JSON.parse(await readFile(join(worldDir, 'manifest.json'), 'utf8')));
    const reconciliation = COMMERCE_ENTITIES.map((entity) => {
      const landing = result.landings[entity];
      return {
        entity,
        world: manifest.files[`sources/commerce/${WORLD_FILE[entity]}.ndjson`]?.rows,
        landedPlusQuarantined: (landing?.rowCount ?? 0) + (landing?.quarantinedCount ?? 0),
      };
    });
    for (const r of reconciliation) expect(r.landedPlusQuarantined, r.entity).toBe(r.world);

    // The dirty records of the fixture, and nothing else, went to quarantine.
    expect(
      Object.fromEntries(
        COMMERCE_ENTITIES.map((e) => [e, result.landings[e]?.quarantinedCount ?? -1]),
      ),
    ).toEqual({
      enterprises: 1, // wrong check character
      shareholders: 0,
      executives: 0,
      changes: 0,
      penalties: 1, // belongs to the quarantined enterprise
      abnormal_operations: 0,
      court_cases: 1, // filing date 2024-02-30
      enforcements: 0,
      annual_reports: 0,
    });
    const reasons = await rows(
      `select reason from lake.raw_commerce.enterprises__quarantine
       union all select reason from lake.raw_commerce.penalties__quarantine
       union all select reason from lake.raw_commerce.court_cases__quarantine order by reason`,
    );
    expect(reasons.map((r) => String(r['reason']))).toEqual([
      'creditCode：统一社会信用代码校验位错误',
      '司法案件：filingDate：立案日期不是有效日期',
      '所属企业记录已隔离（creditCode：统一社会信用代码校验位错误），其行政处罚记录一并隔离',
    ]);
  });

  it('maps vendor fields to typed raw columns', async () => {
    const [enterprise] = await rows(
      `select uscc, entity_type, phone is not null as has_phone from lake.raw_commerce.enterprises
        where _window = '${WINDOW}' and enterprise_name = '灵武鸿盛清洁能源有限公司'`,
    );
    expect(enterprise).toEqual({ uscc: E5, entity_type: '企业', has_phone: true }); // full-width normalised
    const [enforcement] = await rows(
      `select uscc, is_dishonest, amount_fen, typeof(is_dishonest) as t_flag, typeof(amount_fen) as t_amount,
              typeof(filing_date) as t_date
         from lake.raw_commerce.enforcements where _window = '${WINDOW}'`,
    );
    expect(enforcement).toEqual({
      uscc: E2,
      is_dishonest: true,
      amount_fen: '150000000',
      t_flag: 'BOOLEAN',
      t_amount: 'BIGINT',
      t_date: 'DATE',
    });
    const [stakes] = await rows(
      `select sum(stake_percent)::double as total, typeof(any_value(stake_percent)) as t
         from lake.raw_commerce.shareholders where uscc = '91640104MA76Q1K2X2'`,
    );
    expect(stakes).toEqual({ total: 100, t: 'DOUBLE' });
  });

  it('pulls only what the change feed names afterwards; the latest window holds their whole state', async () => {
    const LATER = '2025-07-01';
    // The world moves on: E2 gets a penalty; E3 is deregistered and its only executive removed.
    const dir = join(worldDir, 'sources', 'commerce');
    await appendFile(
      join(dir, 'penalties.ndjson'),
      `${JSON.stringify({ creditCode: E2, decisionNo: '贺市监罚〔2025〕3号', decisionDate: '2025-06-15', authority: '贺兰县市场监督管理局', content: '超范围经营', amountFen: 1_000_000 })}\n`,
    );
    const enterprises = (await readFile(join(dir, 'enterprises.ndjson'), 'utf8'))
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .map((e) =>
        e['creditCode'] === E3
          ? { ...e, regStatus: '注销', updateTime: '2025-06-20T10:00:00+08:00' }
          : e,
      );
    await writeFile(
      join(dir, 'enterprises.ndjson'),
      enterprises.map((e) => `${JSON.stringify(e)}\n`).join(''),
    );
    const executives = (await readFile(join(dir, 'executives.ndjson'), 'utf8'))
      .split('\n')
      .filter((l) => l !== '' && !l.includes(E3));
    await writeFile(join(dir, 'executives.ndjson'), executives.map((l) => `${l}\n`).join(''));
    await simulator.stop();
    simulator = await startSimulator(worldDir);

    const before = await readCommerceFeedCursor(lake, LATER);
    expect(before).not.toBeNull();
    const land = () => landCommerceSource(lake, client(simulator.url), LATER, { feedPageSize: 1 });

    // A crash after some entities landed: the cursor does not move, the rerun replaces them.
    const crashed = landCommerceSource(lake, client(simulator.url), LATER, {
      onLanded: (entity) => {
        if (entity === 'penalties') throw new Error('worker killed');
      },
    });
    await expect(crashed).rejects.toThrow('worker killed');
    expect(await countIn('penalties', LATER)).toBe(2);
    expect(await countIn('change_feed', LATER)).toBe(0);
    expect(await readCommerceFeedCursor(lake, '2099-01-01')).toBe(before);

    // Faults on the detail endpoint of a changed enterprise are retried.
    await injectFault({ kind: 'status', status: 500, pathContains: `/v1/enterprises/${E3}` });
    await injectFault({ kind: 'cut-connection', pathContains: `/v1/enterprises/${E3}` });
    await injectFault({ kind: 'malformed-json', pathContains: `/v1/enterprises/${E2}` });
    const first = await land();
    const pending = z
      .object({ data: z.object({ pending: z.int() }) })
      .parse(await (await fetch(`${simulator.url}/v1/_sim/faults`)).json());
    expect(pending.data.pending).toBe(0);
    expect(first).toMatchObject({ mode: 'incremental', since: before, enterprisesPulled: 2 });
    const again = await land(); // re-running the window resumes from the same cursor
    expect(again).toMatchObject({ mode: 'incremental', since: before, enterprisesPulled: 2 });

    expect(await countIn('enterprises', LATER)).toBe(2);
    expect(await countIn('change_feed', LATER)).toBe(2);
    expect(await countIn('penalties', LATER)).toBe(2); // E2's old and new penalty
    expect(await countIn('court_cases', LATER)).toBe(1); // E2's valid case; the bad one quarantined again

    // Current state: for each enterprise, its rows from the latest window that has it.
    const current = await rows(
      `with latest as (
         select uscc, max(_window) as w from lake.raw_commerce.enterprises group by uscc)
       select e.uscc, e.registration_status,
              (select count(*) from lake.raw_commerce.executives x
                where x.uscc = e.uscc and x._window = e._window)::integer as executives
         from lake.raw_commerce.enterprises e join latest l on l.uscc = e.uscc and l.w = e._window
        where e.uscc in ('${E2}', '${E3}') order by e.uscc`,
    );
    expect(current).toEqual([
      { uscc: E2, registration_status: '在业', executives: 2 },
      { uscc: E3, registration_status: '注销', executives: 0 },
    ]);

    // Nothing changed since: the next window is empty and the cursor stays.
    const quiet = await landCommerceSource(lake, client(simulator.url), '2025-07-02');
    expect(quiet).toMatchObject({
      mode: 'incremental',
      enterprisesPulled: 0,
      feedCursor: quiet.since,
    });
    expect(quiet.since).toBe(first.feedCursor);
  });
});
