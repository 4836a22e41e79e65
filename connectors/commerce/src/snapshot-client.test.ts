import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CommerceApiError } from './commerce-errors.ts';
import {
  createSnapshotCommerceClient,
  createSnapshotRecorder,
  loadCommerceSnapshot,
} from './snapshot-client.ts';

const FIXTURE = new URL('./fixtures/enterprises-snapshot.json', import.meta.url).pathname;
const FIRST_USCC = '91640104MAFLEJPE5X';

describe('createSnapshotCommerceClient over the recorded fixture', () => {
  it('replays the listing page by page', async () => {
    const client = createSnapshotCommerceClient(await loadCommerceSnapshot(FIXTURE));
    const first = await client.listEnterprises({ pageSize: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await client.listEnterprises({ pageSize: 3, cursor: first.nextCursor ?? '' });
    expect(second.nextCursor).toBeNull();
  });

  it('replays a detail record, validated and typed', async () => {
    const client = createSnapshotCommerceClient(await loadCommerceSnapshot(FIXTURE));
    expect(await client.getEnterprise(FIRST_USCC)).toMatchObject({
      creditCode: FIRST_USCC,
      name: '宁夏凤宇牧业有限公司',
      regCapital: '1750万人民币',
    });
  });

  it('replays a recorded 404 as null', async () => {
    const client = createSnapshotCommerceClient(await loadCommerceSnapshot(FIXTURE));
    expect(await client.getEnterprise('91640100MA00000000')).toBeNull();
  });

  it('replays a search', async () => {
    const client = createSnapshotCommerceClient(await loadCommerceSnapshot(FIXTURE));
    const page = await client.searchEnterprises({ keyword: '宁夏', pageSize: 5 });
    expect(page.total).toBe(page.items.length);
    for (const item of page.items) expect(item.name).toContain('宁夏');
  });

  it('fails clearly on a request that was never recorded', async () => {
    const client = createSnapshotCommerceClient(await loadCommerceSnapshot(FIXTURE));
    await expect(client.listEnterprises({ pageSize: 7 })).rejects.toMatchObject({
      kind: 'not_recorded',
      request: 'GET /v1/enterprises?pageSize=7',
    });
  });

  it('replays a recorded 429 as the same error a live client would raise', async () => {
    const client = createSnapshotCommerceClient({
      exchanges: [
        {
          request: 'GET /v1/enterprises?pageSize=100',
          httpStatus: 429,
          body: { code: 429, message: '请求过于频繁', data: null },
          retryAfterMs: 1_000,
        },
      ],
    });
    const error: unknown = await client.listEnterprises({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommerceApiError);
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 1_000 });
  });
});

describe('createSnapshotRecorder', () => {
  it('saves exchanges that a snapshot client can load and replay', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sg-commerce-snapshot-'));
    try {
      const recorder = createSnapshotRecorder('unit test');
      recorder.onExchange({
        request: 'GET /v1/enterprises?pageSize=100',
        httpStatus: 200,
        body: { code: 200, message: '操作成功', data: { items: [], nextCursor: null } },
      });
      await recorder.save(join(dir, 'snapshot.json'));
      const client = createSnapshotCommerceClient(
        await loadCommerceSnapshot(join(dir, 'snapshot.json')),
      );
      expect(await client.listEnterprises({})).toEqual({ items: [], nextCursor: null });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
