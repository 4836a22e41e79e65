/**
 * The simulator serving a world directory (the small hand-made fixture in the world file
 * contract, fixtures/world-small): every endpoint over HTTP, in-process.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELATED_SECTIONS, RELATED_SECTION_NAMES } from './commerce-catalog.ts';
import { canonicalRequest, computeSignature } from '@sg/request-signature';
import { startCommerceSimulator } from './server.ts';
import type { CommerceSimulator } from './server.ts';
import { worldTimeToUtcIso } from './world-catalog.ts';

const WORLD_DIR = new URL('./fixtures/world-small', import.meta.url).pathname;
const KEY = 'world-key';
const SECRET = 'world-secret';
const E1 = '91640104MA76Q1K2X2';
const E2 = '91640122MA77B3C4D9';
const E5_NORMALISED = '91640181MA7H8J9K10';
const E5_AS_SERVED = '９１６４０１８１MA７H８J９K１０';

const manifest = JSON.parse(readFileSync(`${WORLD_DIR}/manifest.json`, 'utf8')) as {
  files: Record<string, { rows: number }>;
};
const manifestRows = (stem: string) => manifest.files[`sources/commerce/${stem}.ndjson`]?.rows;

let sim: CommerceSimulator;
beforeAll(async () => {
  sim = await startCommerceSimulator({
    worldDir: WORLD_DIR,
    apiKey: KEY,
    apiSecret: SECRET,
    rateLimit: null,
  });
});
afterAll(async () => {
  await sim.close();
});

interface Envelope<T> {
  code: number;
  message: string;
  data: T;
}

async function get<T>(pathAndQuery: string): Promise<{ status: number; body: Envelope<T> }> {
  const url = new URL(pathAndQuery, sim.url);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = computeSignature(
    SECRET,
    canonicalRequest('GET', url.pathname, url.searchParams, timestamp),
  );
  const response = await fetch(url, {
    headers: { 'X-Api-Key': KEY, 'X-Timestamp': timestamp, 'X-Signature': signature },
  });
  return { status: response.status, body: (await response.json()) as Envelope<T> };
}

interface RelatedData {
  total: number;
  page: number;
  pageSize: number;
  items: Record<string, unknown>[];
}
interface FeedData {
  items: { creditCode: string; changeTime: string }[];
  cursor: string;
  hasMore: boolean;
}

describe('world-backed simulator', () => {
  it('reports the world in its totals: every manifest row is reachable', () => {
    const totals = sim.totals();
    expect(totals).toMatchObject({
      source: 'world',
      worldDir: WORLD_DIR,
      seed: 1,
      enterpriseCount: manifestRows('enterprises'),
      changeFeedSize: manifestRows('enterprises'),
    });
    for (const section of RELATED_SECTION_NAMES) {
      expect(totals.relatedRows[section]).toBe(manifestRows(RELATED_SECTIONS[section]));
      expect(totals.orphanRelatedRows[section]).toBe(0);
    }
  });

  it('lists every enterprise in the vendor wire shape, dirty codes as the world has them', async () => {
    const { body } = await get<{ items: Record<string, unknown>[]; nextCursor: null }>(
      '/v1/enterprises?pageSize=200',
    );
    expect(body.data.items).toHaveLength(manifestRows('enterprises') ?? -1);
    expect(body.data.items.map((i) => i['creditCode'])).toContain(E5_AS_SERVED);
    expect(body.data.items.find((i) => i['creditCode'] === E1)).toEqual({
      creditCode: E1,
      name: '宁夏塞上枸杞科技有限公司',
      legalPersonName: '马建国',
      regStatus: '存续',
      regCapital: '500万人民币',
      establishDate: '2018-03-12',
      areaCode: '640104',
      industryCode: '1373',
      updateTime: '2025-05-10 10:20:30',
      entityType: '企业',
      address: expect.any(String) as unknown,
      phone: expect.any(String) as unknown,
      businessScope: expect.any(String) as unknown,
    });
  });

  it.each([
    ['the normalised code', `/v1/enterprises/${E5_NORMALISED}`],
    ['the full-width code', `/v1/enterprises/${encodeURIComponent(E5_AS_SERVED)}`],
  ])('finds the detail by %s', async (_name, path) => {
    const { status, body } = await get<{ name: string }>(path);
    expect(status).toBe(200);
    expect(body.data.name).toBe('灵武鸿盛清洁能源有限公司');
  });

  it.each([
    ['an exact name', '吴忠利通滩羊养殖专业合作社', 1],
    ['a name fragment', '有限公司', 4],
    ['a code', E2, 1],
  ])('searches by %s', async (_name, keyword, total) => {
    const { body } = await get<{ total: number }>(
      `/v1/enterprises/search?keyword=${encodeURIComponent(keyword)}`,
    );
    expect(body.data.total).toBe(total);
  });

  it.each([
    ['shareholders', E1, 3, ['shareholderName', 'stakePercent', 'subscribedCapitalFen']],
    ['executives', E1, 3, ['name', 'position']],
    ['changes', E1, 2, ['changeDate', 'changeItem', 'beforeContent', 'afterContent']],
    ['penalties', E2, 1, ['decisionNo', 'decisionDate', 'authority', 'content', 'amountFen']],
    ['abnormal-operations', E2, 1, ['listedDate', 'listedReason', 'removedDate']],
    ['court-cases', E2, 2, ['caseNo', 'filingDate', 'caseType', 'role', 'amountFen']],
    ['enforcements', E2, 1, ['caseNo', 'filingDate', 'amountFen', 'isDishonest', 'court']],
  ])(
    'serves /%s of an enterprise, without repeating its code',
    async (section, code, total, fields) => {
      const { status, body } = await get<RelatedData>(`/v1/enterprises/${code}/${section}`);
      expect(status).toBe(200);
      expect(body.data).toMatchObject({ total, page: 1, pageSize: 20 });
      expect(body.data.items).toHaveLength(total);
      for (const item of body.data.items) {
        expect(Object.keys(item)).toEqual(expect.arrayContaining(fields));
        expect(item).not.toHaveProperty('creditCode');
      }
    },
  );

  it('pages a related list and answers empty lists for enterprises without rows', async () => {
    const pages = await Promise.all(
      [1, 2, 3].map((page) =>
        get<RelatedData>(`/v1/enterprises/${E1}/shareholders?page=${page}&pageSize=2`),
      ),
    );
    expect(pages.map((p) => p.body.data.items.length)).toEqual([2, 1, 0]);
    expect(pages.map((p) => p.body.data.total)).toEqual([3, 3, 3]);
    const none = await get<RelatedData>(`/v1/enterprises/${E1}/enforcements`);
    expect(none.body.data).toMatchObject({ total: 0, items: [] });
  });

  it.each([
    ['an unknown enterprise', '/v1/enterprises/91640100MA00000000/penalties', 404],
    ['an unknown list', `/v1/enterprises/${E1}/relatives`, 404],
    ['a related page over 100', `/v1/enterprises/${E1}/penalties?pageSize=101`, 400],
    ['a foreign feed cursor', '/v1/changes?since=abc', 400],
    ['a feed page over 500', '/v1/changes?pageSize=501', 400],
  ])('answers %s with %i', async (_name, path, status) => {
    const response = await get<null>(path);
    expect(response.status).toBe(status);
    expect(response.body.code).toBe(status);
  });

  it('feeds each enterprise once at its latest change, resumable by cursor', async () => {
    const seen: FeedData['items'] = [];
    let since = '';
    for (let guard = 0; guard < 10; guard += 1) {
      const { body } = await get<FeedData>(`/v1/changes?pageSize=4&since=${since}`);
      seen.push(...body.data.items);
      since = encodeURIComponent(body.data.cursor);
      if (!body.data.hasMore) break;
    }
    expect(seen).toHaveLength(6);
    expect(seen.map((i) => i.changeTime)).toEqual(seen.map((i) => i.changeTime).sort());
    // E2's registration update (2025-03-02) is later than its penalty, listing, cases and
    // enforcement; E1's latest is its update, the same day as its last change record.
    expect(seen.find((i) => i.creditCode === E2)?.changeTime).toBe('2025-03-02 09:00:00');
    expect(seen.at(-1)).toEqual({ creditCode: E1, changeTime: '2025-05-10 10:20:30' });
    const { body: after } = await get<FeedData>(`/v1/changes?since=${since}`);
    expect(after.data).toMatchObject({ items: [], hasMore: false });
  });

  it('answers injected 429 and 500 on the related lists like anywhere else', async () => {
    sim.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 3 });
    sim.faults.inject({ kind: 'status', status: 500 });
    expect((await get<null>(`/v1/enterprises/${E2}/court-cases`)).status).toBe(429);
    expect((await get<null>(`/v1/enterprises/${E2}/court-cases`)).status).toBe(500);
    expect((await get<null>(`/v1/enterprises/${E2}/court-cases`)).status).toBe(200);
  });
});

describe('worldTimeToUtcIso', () => {
  it.each([
    ['ISO with +08:00', '2025-05-10T10:20:30+08:00', '2025-05-10T02:20:30Z'],
    ['ISO in UTC', '2025-05-10T02:20:30Z', '2025-05-10T02:20:30Z'],
    ['Beijing wall clock', '2025-05-10 10:20:30', '2025-05-10T02:20:30Z'],
    ['a Beijing date', '2025-05-10', '2025-05-09T16:00:00Z'],
    ['an impossible date', '2024-02-30', undefined],
    ['not text', 42, undefined],
  ])('reads %s', (_name, input, expected) => {
    expect(worldTimeToUtcIso(input)).toBe(expected);
  });
});
