import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBankDrops } from './write-bank-drops.ts';
import { dosTimestamp, withPinnedTimestamps } from './zip-timestamps.ts';

const FIXTURE_WORLD = join(import.meta.dirname, 'fixtures', 'world');

describe('dosTimestamp', () => {
  it.each([
    { iso: '1980-01-01T00:00:00Z', time: 0, date: (1 << 5) | 1 },
    { iso: '2025-04-17T00:00:00Z', time: 0, date: (45 << 9) | (4 << 5) | 17 },
    {
      iso: '2025-04-17T13:45:59Z',
      time: (13 << 11) | (45 << 5) | 29,
      date: (45 << 9) | (4 << 5) | 17,
    },
  ])('$iso', ({ iso, time, date }) => {
    expect(dosTimestamp(new Date(iso))).toEqual({ time, date });
  });
});

describe('withPinnedTimestamps', () => {
  it('pins every entry of a simulated workbook to the statement period end', async () => {
    const outbox = await mkdtemp(join(tmpdir(), 'sg-sim-bank-zip-'));
    try {
      const [drop] = await writeBankDrops({
        worldDir: FIXTURE_WORLD,
        outboxDir: outbox,
        bankCodes: ['SZSBANK'],
      });
      const xlsx = drop?.files.find((file) => file.file.endsWith('.xlsx'));
      const bytes = await readFile(join(outbox, drop?.dropId ?? '', xlsx?.file ?? ''));
      const moved = withPinnedTimestamps(bytes, new Date('2030-01-02T03:04:06Z'));
      expect(moved.equals(bytes)).toBe(false);
      // Pinning back to the period end restores the file exactly: every entry had that time.
      expect(withPinnedTimestamps(moved, new Date(`${drop?.periodEnd ?? ''}T00:00:00Z`))).toEqual(
        bytes,
      );
    } finally {
      await rm(outbox, { recursive: true, force: true });
    }
  });

  it('refuses bytes that are not a zip', () => {
    expect(() => withPinnedTimestamps(Buffer.alloc(100), new Date())).toThrow(/not a zip/);
  });
});
