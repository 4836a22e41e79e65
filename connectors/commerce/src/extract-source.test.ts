import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommerceSourceClient } from './client.ts';
import { extractCommerceSource } from './extract-source.ts';
import type { ChangeFeedPage, RelatedPage } from './schemas.ts';
import { vendorEnterpriseSchema } from './schemas.ts';

const KNOWN = '91640104MA76Q1K2X2';
const GONE = '91640122MA77B3C4D9';

function enterprise(uscc: string) {
  return vendorEnterpriseSchema.parse({
    creditCode: uscc,
    name: '宁夏塞上枸杞科技有限公司',
    legalPersonName: '马建国',
    regStatus: '存续',
    regCapital: '500万人民币',
    establishDate: '2018-03-12',
    areaCode: '640104',
    industryCode: '1373',
    updateTime: '2025-05-10 10:20:30',
  });
}

/** A vendor whose feed and related lists are scripted; every call is logged. */
function fakeVendor(
  feedPages: ChangeFeedPage[],
  related: Partial<Record<string, RelatedPage>> = {},
) {
  const calls: string[] = [];
  const client: CommerceSourceClient = {
    searchEnterprises: () => Promise.reject(new Error('not used')),
    listEnterprises: () => Promise.reject(new Error('not used in a changes pull')),
    getEnterprise(uscc) {
      calls.push(`detail ${uscc}`);
      return Promise.resolve(uscc === KNOWN ? enterprise(uscc) : null);
    },
    listRelated(list, uscc, query) {
      calls.push(`${list} ${uscc} p${String(query.page)}`);
      return Promise.resolve(related[list] ?? { total: 0, page: 1, pageSize: 100, items: [] });
    },
    listChanges(query) {
      calls.push(`feed ${query.since ?? '-'}`);
      const index = query.since === undefined ? 0 : Number(query.since.slice(1));
      const page = feedPages[index];
      return page === undefined ? Promise.reject(new Error('no such page')) : Promise.resolve(page);
    },
  };
  return { client, calls };
}

let outDir: string;
beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'sg-commerce-source-'));
});
afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('extractCommerceSource: a changes pull', () => {
  it('pulls only the enterprises the feed names after the cursor, and reports the ones gone', async () => {
    const { client, calls } = fakeVendor(
      [
        { items: [], cursor: 'c0', hasMore: true }, // never asked for: the pull resumes after c0
        {
          items: [
            { creditCode: KNOWN.toLowerCase(), changeTime: '2025-06-01 09:00:00' },
            { creditCode: GONE, changeTime: '2025-06-02 09:00:00' },
          ],
          cursor: 'c2',
          hasMore: true,
        },
        {
          items: [{ creditCode: 'X', changeTime: '2025-13-01 00:00:00' }],
          cursor: 'c3',
          hasMore: false,
        },
      ],
      {
        penalties: {
          total: 1,
          page: 1,
          pageSize: 100,
          items: [{ decisionNo: 'N1', decisionDate: '2024-06-20', amountFen: 500_000 }],
        },
      },
    );
    // 'c1' → index 1 in the scripted feed.
    const result = await extractCommerceSource(client, {
      window: '2025-07-01',
      outDir,
      pull: { kind: 'changes', since: 'c1' },
    });
    expect(calls.filter((c) => c.startsWith('feed'))).toEqual(['feed c1', 'feed c2']);
    expect(calls).toContain(`detail ${KNOWN}`);
    expect(calls).toContain(`detail ${GONE}`);
    expect(calls.filter((c) => c.includes(GONE) && !c.startsWith('detail'))).toEqual([]);
    expect(result).toMatchObject({
      feedCursor: 'c3',
      enterprisesPulled: 1,
      enterprisesGone: [GONE],
    });

    const byEntity = Object.fromEntries(result.entities.map((e) => [e.entity, e]));
    expect(byEntity['enterprises']).toMatchObject({ count: 1, receivedCount: 1 });
    expect(byEntity['penalties']).toMatchObject({ count: 1 });
    expect(byEntity['change_feed']).toMatchObject({ count: 2, receivedCount: 3 });
    expect(byEntity['change_feed']?.quarantined[0]?.reason).toBe(
      '变更时间无效：“2025-13-01 00:00:00”',
    );
    const feedRows = (await readFile(byEntity['change_feed']?.ndjsonPath ?? '', 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(feedRows[0]).toEqual({
      uscc: KNOWN,
      changed_at: '2025-06-01 01:00:00',
      feed_cursor: 'c2',
    });
  });

  it('stops on a feed cursor that repeats instead of looping forever', async () => {
    const { client } = fakeVendor([
      { items: [], cursor: 'c1', hasMore: true },
      { items: [], cursor: 'c1', hasMore: true },
    ]);
    await expect(
      extractCommerceSource(client, {
        window: 'w1',
        outDir,
        pull: { kind: 'changes', since: 'c0' },
      }),
    ).rejects.toThrow('重复的游标');
  });
});
