import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommerceClient } from './client.ts';
import { extractEnterprises, judgeRecord } from './extract.ts';
import { createSnapshotCommerceClient, loadCommerceSnapshot } from './snapshot-client.ts';
import type { ListingPage } from './schemas.ts';

const FIXTURE = new URL('./fixtures/enterprises-snapshot.json', import.meta.url).pathname;
const WINDOW = '2025-06-30';

/** A valid vendor record; `uscc` must be a valid code. */
function vendorRecord(uscc: string, name: string) {
  return {
    creditCode: uscc,
    name,
    legalPersonName: '马海',
    regStatus: '存续',
    regCapital: '100万人民币',
    establishDate: '2020-01-01',
    areaCode: uscc.slice(2, 8),
    industryCode: '0171',
    updateTime: '2025-06-01 12:00:00',
  };
}

let outDir: string;
beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'sg-commerce-extract-'));
});
afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

async function readRows(path: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('extractEnterprises over the recorded fixture', () => {
  it('writes the valid rows and quarantines the rest with Chinese reasons', async () => {
    const client = createSnapshotCommerceClient(await loadCommerceSnapshot(FIXTURE));
    const result = await extractEnterprises(client, { window: WINDOW, outDir, pageSize: 3 });

    expect(result).toMatchObject({ count: 7, receivedCount: 11, pageCount: 2 });
    expect(result.count + result.quarantined.length).toBe(result.receivedCount);
    expect(result.columns.map((c) => c.name)).toContain('registered_capital_fen');
    expect(result.quarantined.map((q) => q.reasonCode).sort()).toEqual([
      'duplicate_record',
      'registered_capital_currency',
      'schema_invalid',
      'schema_invalid',
    ]);
    const reasons = result.quarantined.map((q) => q.reason).join('\n');
    expect(reasons).toContain('统一社会信用代码校验位错误');
    expect(reasons).toContain('缺少企业名称');
    expect(reasons).toContain('美元');
    expect(reasons).toContain('重复');
    for (const q of result.quarantined) expect(() => JSON.parse(q.record) as unknown).not.toThrow();

    const rows = await readRows(result.ndjsonPath);
    expect(rows).toHaveLength(7);
    expect(new Set(rows.map((r) => r['uscc'])).size).toBe(7);
    // The full-width, lower-case code arrives normalised; capital in fen; time in UTC.
    expect(rows.find((r) => r['enterprise_name'] === '中卫青禾枸杞科技有限公司')).toEqual({
      uscc: '91640521MA76QK3P5W',
      enterprise_name: '中卫青禾枸杞科技有限公司',
      legal_representative: '马海',
      region_code: '640521',
      industry_code: '0171',
      registered_capital_fen: 500_000_000,
      established_date: '2019-04-08',
      registration_status: '在业',
      updated_at: '2025-06-20 01:00:00',
    });
  });

  it.each([['../escape'], [''], ['2025 06 30']])('refuses the window "%s"', async (window) => {
    const client = createSnapshotCommerceClient({ exchanges: [] });
    await expect(extractEnterprises(client, { window, outDir })).rejects.toThrow(RangeError);
  });
});

describe('extractEnterprises: paging and streaming', () => {
  const USCCS = ['91640521MA76QK3P5W', '91640181MA75RT8W38', '91640302MA76LW9C2H'];

  /** Serves one record per page; before each later page it checks what is already on disk. */
  function onePerPageClient(onPage: (pageIndex: number) => Promise<void>): CommerceClient {
    return {
      searchEnterprises: () => Promise.reject(new Error('not used')),
      getEnterprise: () => Promise.reject(new Error('not used')),
      async listEnterprises(query): Promise<ListingPage> {
        const index = query.cursor === undefined ? 0 : Number(query.cursor);
        await onPage(index);
        const uscc = USCCS[index] ?? '';
        return {
          items: [vendorRecord(uscc, `企业${index}`)],
          nextCursor: index + 1 < USCCS.length ? String(index + 1) : null,
        };
      },
    };
  }

  it('writes each page to disk before asking for the next one', async () => {
    const linesBeforePage: number[] = [];
    const path = join(outDir, `commerce-enterprises-${WINDOW}.ndjson`);
    const client = onePerPageClient(async (pageIndex) => {
      if (pageIndex === 0) return;
      const text = await readFile(path, 'utf8');
      linesBeforePage.push(text.split('\n').filter((l) => l !== '').length);
    });
    const result = await extractEnterprises(client, { window: WINDOW, outDir, pageSize: 1 });
    expect(result.count).toBe(3);
    expect(linesBeforePage).toEqual([1, 2]);
    expect((await stat(result.ndjsonPath)).size).toBeGreaterThan(0);
  });

  it('stops on a cursor that repeats instead of looping forever', async () => {
    const client: CommerceClient = {
      searchEnterprises: () => Promise.reject(new Error('not used')),
      getEnterprise: () => Promise.reject(new Error('not used')),
      listEnterprises: () => Promise.resolve({ items: [], nextCursor: 'same' }),
    };
    await expect(extractEnterprises(client, { window: WINDOW, outDir })).rejects.toThrow(
      '重复的分页游标',
    );
  });

  it('passes a client failure through (the landing then fails as a whole)', async () => {
    const client = onePerPageClient((pageIndex) =>
      pageIndex === 2 ? Promise.reject(new Error('vendor down')) : Promise.resolve(),
    );
    await expect(
      extractEnterprises(client, { window: WINDOW, outDir, pageSize: 1 }),
    ).rejects.toThrow('vendor down');
  });

  it('stops between pages when aborted', async () => {
    const controller = new AbortController();
    const client = onePerPageClient((pageIndex) => {
      if (pageIndex === 1) controller.abort();
      return Promise.resolve();
    });
    await expect(
      extractEnterprises(client, {
        window: WINDOW,
        outDir,
        pageSize: 1,
        signal: controller.signal,
      }),
    ).rejects.toThrow();
  });
});

describe('judgeRecord', () => {
  it.each([
    ['null', null, 'not_an_object'],
    ['an array', [1, 2], 'not_an_object'],
    ['a string', '91640521MA76QK3P5W', 'not_an_object'],
    ['an empty object', {}, 'schema_invalid'],
  ])('quarantines %s', (_name, record, reasonCode) => {
    expect(judgeRecord(record)).toMatchObject({ ok: false, quarantined: { reasonCode } });
  });

  it('accepts a valid record as one NDJSON line', () => {
    const verdict = judgeRecord(vendorRecord('91640521MA76QK3P5W', '中卫青禾枸杞科技有限公司'));
    expect(verdict).toMatchObject({ ok: true, uscc: '91640521MA76QK3P5W' });
    expect(verdict.ok && verdict.line.endsWith('}\n')).toBe(true);
  });
});
