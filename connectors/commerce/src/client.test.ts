/**
 * Contract test of the CommerceClient interface: the live client (over HTTP) and the snapshot
 * client (in memory) answer the same recorded exchanges identically, errors included.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommerceClient } from './client.ts';
import { createCommerceClient, describeRequest } from './live-client.ts';
import { createSnapshotCommerceClient, loadCommerceSnapshot } from './snapshot-client.ts';
import type { CommerceSnapshot } from './snapshot-client.ts';

const FIXTURE = new URL('./fixtures/enterprises-snapshot.json', import.meta.url).pathname;

let snapshot: CommerceSnapshot;
let server: Server;
let clients: Record<'live' | 'snapshot', CommerceClient>;

beforeAll(async () => {
  snapshot = await loadCommerceSnapshot(FIXTURE);
  // Replays the snapshot over HTTP, keyed exactly as the snapshot client keys it.
  server = createServer((req, res) => {
    const request = describeRequest('GET', new URL(req.url ?? '/', 'http://replay.invalid'));
    const exchange = snapshot.exchanges.find((e) => e.request === request);
    res.writeHead(exchange?.httpStatus ?? 599, { 'content-type': 'application/json' });
    res.end(JSON.stringify(exchange?.body ?? null));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  clients = {
    live: createCommerceClient({ baseUrl, apiKey: 'k', apiSecret: 's', retry: { maxAttempts: 1 } }),
    snapshot: createSnapshotCommerceClient(snapshot),
  };
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
});

describe('CommerceClient: live and snapshot implementations agree', () => {
  it('on a listing page', async () => {
    expect(await clients.live.listEnterprises({ pageSize: 3 })).toEqual(
      await clients.snapshot.listEnterprises({ pageSize: 3 }),
    );
  });

  it('on a detail record and on an unknown enterprise (null)', async () => {
    for (const uscc of ['91640104MAFLEJPE5X', '91640100MA00000000']) {
      expect(await clients.live.getEnterprise(uscc)).toEqual(
        await clients.snapshot.getEnterprise(uscc),
      );
    }
    expect(await clients.live.getEnterprise('91640100MA00000000')).toBeNull();
  });

  it('on a search', async () => {
    const query = { keyword: '宁夏', pageSize: 5 };
    expect(await clients.live.searchEnterprises(query)).toEqual(
      await clients.snapshot.searchEnterprises(query),
    );
  });
});
