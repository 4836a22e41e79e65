import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSha256 } from './drop-manifest.ts';
import type { DropManifest } from './drop-manifest.ts';
import { openDuckdbSession } from './duckdb-session.ts';
import { LAYOUT_B_HEADERS } from './layout-b-csv-gbk.ts';
import { writeBankDrops } from './write-bank-drops.ts';

/** Hand-made world files in the contract format: 3 banks (one per layout), 6 accounts, 51 txns. */
const FIXTURE_WORLD = join(import.meta.dirname, 'fixtures', 'world');

const SOURCE_TXNS_PER_BANK = { NXBANK: 20, HHRCB: 21, SZSBANK: 10 } as const;

let outbox: string;
let manifests: DropManifest[];

beforeAll(async () => {
  outbox = await mkdtemp(join(tmpdir(), 'sg-sim-bank-'));
  manifests = await writeBankDrops({ worldDir: FIXTURE_WORLD, outboxDir: join(outbox, 'a') });
});
afterAll(async () => {
  await rm(outbox, { recursive: true, force: true });
});

function statementRows(manifest: DropManifest): number {
  return manifest.files
    .filter(
      (file) =>
        !['accounts.csv', 'loans.csv', 'loan_schedules.csv', 'repayments.csv'].includes(file.file),
    )
    .reduce((sum, file) => sum + file.rows, 0);
}

describe('writeBankDrops', () => {
  it.each(Object.entries(SOURCE_TXNS_PER_BANK))(
    'lists every %s transaction of the period in its statements',
    (bankCode, expected) => {
      const manifest = manifests.find((m) => m.bankCode === bankCode);
      expect(manifest?.periodStart).toBe('2024-12-03');
      expect(manifest && statementRows(manifest)).toBe(expected);
    },
  );

  it('records a sha256 per file that matches the file', async () => {
    for (const manifest of manifests) {
      for (const file of manifest.files) {
        expect(await fileSha256(join(outbox, 'a', manifest.dropId, file.file))).toBe(file.sha256);
      }
    }
  });

  it('writes layout B in GBK: not valid UTF-8, Chinese headers and thousands separators', async () => {
    const manifest = manifests.find((m) => m.bankCode === 'HHRCB');
    const csv = manifest?.files.find((file) => file.file.startsWith('mingxi-'));
    expect(csv).toBeDefined();
    const bytes = await readFile(join(outbox, 'a', manifest?.dropId ?? '', csv?.file ?? ''));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const text = iconv.decode(bytes, 'gb18030');
    expect(text.split('\n')[0]).toBe(LAYOUT_B_HEADERS.join(','));
    expect(text).toContain('"12,345,678.90"');
  });

  it('writes layout C as a titled XLSX per account with a 合计 row matching the rows', async () => {
    const manifest = manifests.find((m) => m.bankCode === 'SZSBANK');
    const xlsx = manifest?.files.find((file) => file.file.endsWith('.xlsx'));
    const session = await openDuckdbSession();
    try {
      const reader = await session.connection.runAndReadAll(
        `select * from read_xlsx('${join(outbox, 'a', manifest?.dropId ?? '', xlsx?.file ?? '')}', ` +
          `header = false, all_varchar = true, range = 'A1:G1000', stop_at_empty = true)`,
      );
      const rows = reader.getRowsJson();
      expect(rows[0]?.[0]).toBe('石嘴山银行账户交易明细');
      expect(rows[1]?.[0]).toBe('账号：62304801000104');
      expect(rows[3]?.[0]).toBe('交易时间');
      const last = rows.at(-1);
      expect(last?.[0]).toBe('合计');
      expect(last?.[1]).toBe(`共 ${String(xlsx?.rows)} 笔`);
      expect(rows.length).toBe(4 + (xlsx?.rows ?? 0) + 1);
    } finally {
      session.close();
    }
  });

  it('is deterministic: the same world and period give byte-identical files', async () => {
    const again = await writeBankDrops({ worldDir: FIXTURE_WORLD, outboxDir: join(outbox, 'b') });
    expect(again.map((m) => m.files)).toEqual(manifests.map((m) => m.files));
  });

  it('limits a drop to its period and bank', async () => {
    const [march] = await writeBankDrops({
      worldDir: FIXTURE_WORLD,
      outboxDir: join(outbox, 'c'),
      periodStart: '2025-03-01',
      periodEnd: '2025-03-31',
      bankCodes: ['HHRCB'],
    });
    expect(march?.dropId).toBe('HHRCB-2025-03-01_2025-03-31');
    // two accounts × two March transactions + the 00:30 Beijing-time refund on 1 March
    expect(march && statementRows(march)).toBe(5);
  });
});
