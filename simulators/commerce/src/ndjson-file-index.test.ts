import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNdjsonLineReader, scanNdjsonLines } from './ndjson-file-index.ts';
import type { LineLocation } from './ndjson-file-index.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sg-ndjson-index-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('scanNdjsonLines + openNdjsonLineReader', () => {
  it.each([
    ['LF, trailing newline', '{"a":"宁夏"}\n{"b":2}\n', ['{"a":"宁夏"}', '{"b":2}']],
    [
      'CRLF, blank lines, no trailing newline',
      '{"a":1}\r\n\r\n{"b":"银川"}',
      ['{"a":1}', '{"b":"银川"}'],
    ],
    ['an empty file', '', []],
  ])('finds every line by byte offset: %s', async (name, content, expected) => {
    const path = join(dir, `${expected.length}-${name.length}.ndjson`);
    await writeFile(path, content, 'utf8');
    const locations: LineLocation[] = [];
    const count = await scanNdjsonLines(path, (_line, location) => locations.push(location));
    expect(count).toBe(expected.length);
    const reader = openNdjsonLineReader(path);
    try {
      expect(locations.map((l) => reader.read(l))).toEqual(expected);
    } finally {
      reader.close();
    }
  });

  it('handles lines longer than one read chunk', async () => {
    const path = join(dir, 'long.ndjson');
    const long = JSON.stringify({ text: '枸杞'.repeat(700_000) });
    await writeFile(path, `${long}\n{"x":1}\n`, 'utf8');
    const lines: string[] = [];
    const reader = openNdjsonLineReader(path);
    try {
      await scanNdjsonLines(path, (_line, location) => lines.push(reader.read(location)));
    } finally {
      reader.close();
    }
    expect(lines).toEqual([long, '{"x":1}']);
  });
});
