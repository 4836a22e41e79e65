/**
 * GBK/GB18030 CSV to UTF-8, streamed through Node's built-in TextDecoder (fatal: a byte sequence
 * that is not valid in the encoding stops with an error instead of becoming mojibake).
 *
 * Why not DuckDB's `read_csv(…, encoding = 'gb18030')`: with duckdb 1.4.4 and the
 * duckdb-ext-encodings wheel, a valid GB18030 file larger than the CSV reader's buffer (≈32 MB)
 * fails at the buffer boundary ("Invalid unicode (byte sequence mismatch) … not gb18030 encoded",
 * a `?` in the middle of ASCII digits); a bigger `buffer_size` only moves the limit. Decoding in
 * Node costs one streamed pass and spares loading the ~360 MB extension.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { TextEncoding } from './layout-registry.ts';

export class TextDecodingError extends Error {
  constructor(encoding: TextEncoding, options?: ErrorOptions) {
    super(`内容不是有效的 ${encoding} 编码`, options);
    this.name = 'TextDecodingError';
  }
}

export async function transcodeToUtf8(
  sourcePath: string,
  encoding: TextEncoding,
  targetPath: string,
): Promise<void> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  async function* decode(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
    try {
      for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
      yield decoder.decode();
    } catch (error: unknown) {
      if (error instanceof TypeError) throw new TextDecodingError(encoding, { cause: error });
      throw error;
    }
  }
  await pipeline(createReadStream(sourcePath), decode, createWriteStream(targetPath));
}
