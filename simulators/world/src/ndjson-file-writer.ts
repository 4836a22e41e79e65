/**
 * One NDJSON output file: rows are serialised as they come, gathered into ~64 KiB chunks, hashed
 * (sha256) and written with backpressure (the writer waits for 'drain'), so no table is ever held
 * in memory whole. `close()` returns the row count and digest that go into manifest.json.
 */
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';
import { dirname } from 'node:path';

const CHUNK_CHARS = 64 * 1024;

export interface WrittenFile {
  readonly rows: number;
  readonly sha256: string;
}

export class NdjsonFileWriter {
  readonly path: string;
  #stream: WriteStream;
  #hash: Hash = createHash('sha256');
  #pending: string[] = [];
  #pendingChars = 0;
  #rows = 0;
  /** Set when the stream asked to wait; the listener is attached at once so no event is missed. */
  #drained: Promise<unknown> | null = null;

  constructor(path: string) {
    this.path = path;
    mkdirSync(dirname(path), { recursive: true });
    this.#stream = createWriteStream(path);
  }

  get rows(): number {
    return this.#rows;
  }

  /** Queues one row. Call `await writer.settle()` regularly to honour backpressure. */
  write(row: object): void {
    const line = `${JSON.stringify(row)}\n`;
    this.#pending.push(line);
    this.#pendingChars += line.length;
    this.#rows += 1;
    if (this.#pendingChars >= CHUNK_CHARS) this.#flush();
  }

  /** Resolves once the file stream has room again (immediately when it has). */
  async settle(): Promise<void> {
    const drained = this.#drained;
    if (drained !== null) {
      this.#drained = null;
      await drained;
    }
  }

  async close(): Promise<WrittenFile> {
    this.#flush();
    await this.settle();
    this.#stream.end();
    await once(this.#stream, 'finish');
    return { rows: this.#rows, sha256: this.#hash.digest('hex') };
  }

  #flush(): void {
    if (this.#pending.length === 0) return;
    const chunk = Buffer.from(this.#pending.join(''), 'utf8');
    this.#pending = [];
    this.#pendingChars = 0;
    this.#hash.update(chunk);
    if (!this.#stream.write(chunk) && this.#drained === null) {
      this.#drained = once(this.#stream, 'drain');
    }
  }
}
