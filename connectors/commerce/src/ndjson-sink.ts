/**
 * An NDJSON work file written chunk by chunk with backpressure: `write` resolves once the chunk is
 * handed to the file, `end` flushes and closes, `destroy` abandons it after a failure.
 */
import { createWriteStream } from 'node:fs';

export interface NdjsonSink {
  readonly path: string;
  write(chunk: string): Promise<void>;
  end(): Promise<void>;
  destroy(): void;
}

export function createNdjsonSink(path: string): NdjsonSink {
  const out = createWriteStream(path, { encoding: 'utf8' });
  // Stream errors reach the write and end callbacks; this listener only keeps an 'error' event
  // from becoming an uncaught exception.
  out.on('error', () => undefined);
  return {
    path,
    write(chunk) {
      if (chunk === '') return Promise.resolve();
      return new Promise((resolve, reject) => {
        out.write(chunk, (error) => {
          if (error) reject(error);
          else resolve();
        });
      });
    },
    end() {
      if (out.errored !== null) return Promise.reject(out.errored);
      return new Promise<void>((resolve, reject) => {
        out.once('error', reject);
        out.end(resolve);
      });
    },
    destroy() {
      out.destroy();
    },
  };
}
