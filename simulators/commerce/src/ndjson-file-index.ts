/**
 * Byte-offset access to NDJSON files: `scanNdjsonLines` streams a file once and reports every
 * non-empty line with its byte offset and length; `NdjsonLineReader` reads lines back by offset
 * (positional reads, no stream). Together they let the simulator index a large world without
 * holding its records in memory: only keys and offsets stay resident.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';

export interface LineLocation {
  readonly offset: number;
  readonly length: number;
}

const NEWLINE = 0x0a;

/** Calls `onLine` for each non-empty line (without its '\n' and a trailing '\r'), in order. */
export async function scanNdjsonLines(
  path: string,
  onLine: (line: Buffer, location: LineLocation, lineNo: number) => void,
): Promise<number> {
  let pending: Buffer = Buffer.alloc(0);
  let pendingOffset = 0;
  let lineNo = 0;
  const emit = (line: Buffer, offset: number) => {
    let length = line.length;
    if (length > 0 && line[length - 1] === 0x0d) length -= 1;
    if (length === 0) return;
    lineNo += 1;
    onLine(line.subarray(0, length), { offset, length }, lineNo);
  };
  for await (const chunk of createReadStream(path, {
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    const buffer = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let start = 0;
    for (
      let newline = buffer.indexOf(NEWLINE);
      newline !== -1;
      newline = buffer.indexOf(NEWLINE, start)
    ) {
      emit(buffer.subarray(start, newline), pendingOffset + start);
      start = newline + 1;
    }
    pendingOffset += start;
    pending = buffer.subarray(start);
  }
  emit(pending, pendingOffset);
  return lineNo;
}

export interface NdjsonLineReader {
  read(location: LineLocation): string;
  close(): void;
}

/** Concurrency: synchronous positional reads, so overlapping requests cannot interleave (0006). */
export function openNdjsonLineReader(path: string): NdjsonLineReader {
  const fd = openSync(path, 'r');
  let open = true;
  return {
    read({ offset, length }) {
      const buffer = Buffer.allocUnsafe(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, buffer, done, length - done, offset + done);
        if (n === 0) throw new RangeError(`${path}: line at ${offset} ends early`);
        done += n;
      }
      return buffer.toString('utf8');
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}
