import { describe, expect, it } from 'vitest';
import { ReadyForQueryTracker, type TransactionStatus } from './ready-for-query-tracker.ts';

const message = (type: string, body: number[]): number[] => {
  const length = body.length + 4;
  return [
    type.charCodeAt(0),
    length >>> 24,
    (length >>> 16) & 0xff,
    (length >>> 8) & 0xff,
    length & 0xff,
    ...body,
  ];
};
const ready = (status: 'I' | 'T' | 'E'): number[] => message('Z', [status.charCodeAt(0)]);
/** A DataRow whose payload contains the bytes of a ReadyForQuery, to prove framing is followed. */
const ROW_CONTAINING_Z = message('D', [0, 1, 0, 0, 0, 6, 0x5a, 0, 0, 0, 5, 0x49]);
const PARSE_COMPLETE = message('1', []);
const COMMAND_COMPLETE = message('C', [...Buffer.from('SELECT 1'), 0]);

const STREAMS: { name: string; bytes: number[]; expected: TransactionStatus | undefined }[] = [
  {
    name: 'simple query, idle afterwards',
    bytes: [...ROW_CONTAINING_Z, ...COMMAND_COMPLETE, ...ready('I')],
    expected: 'idle',
  },
  { name: 'BEGIN', bytes: [...COMMAND_COMPLETE, ...ready('T')], expected: 'in_transaction' },
  {
    name: 'error inside a transaction',
    bytes: [...message('E', [0x53, 0x45, 0x52, 0x52, 0x4f, 0x52, 0, 0]), ...ready('E')],
    expected: 'failed_transaction',
  },
  { name: 'Parse without Sync: no ReadyForQuery yet', bytes: PARSE_COMPLETE, expected: undefined },
  {
    name: 'a row that merely contains Z…I bytes',
    bytes: [...ROW_CONTAINING_Z, ...COMMAND_COMPLETE],
    expected: undefined,
  },
];

describe('ReadyForQueryTracker', () => {
  it.each(STREAMS)('$name: whole, and split at every byte boundary', ({ bytes, expected }) => {
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      const tracker = new ReadyForQueryTracker();
      tracker.push(Uint8Array.from(bytes.slice(0, cut)));
      tracker.push(Uint8Array.from(bytes.slice(cut)));
      expect(tracker.lastStatus, `cut at ${cut}`).toBe(expected);
    }
  });

  it('forgets the last status on reset', () => {
    const tracker = new ReadyForQueryTracker();
    tracker.push(Uint8Array.from(ready('T')));
    tracker.reset();
    tracker.push(Uint8Array.from(PARSE_COMPLETE));
    expect(tracker.lastStatus).toBeUndefined();
  });
});
