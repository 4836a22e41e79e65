/**
 * What a file is, from its content alone: XLSX by its zip signature, then the row holding a known
 * layout's headers; CSV by the bytes of its head (valid UTF-8 or not) and its header line. A file
 * whose bytes do not fit the encoding its layout declares is refused (wrong_encoding) instead of
 * being read into mojibake.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from '@sg/sql-text';
import { BankFileError } from './bank-errors.ts';
import { layoutSignature } from './layout-registry.ts';
import type { StatementLayout, TextEncoding } from './layout-registry.ts';
import { detectRecordEntity } from './record-layouts.ts';
import type { RecordEntity } from './record-layouts.ts';

export type DetectedFile =
  | {
      readonly kind: 'statement';
      readonly layout: StatementLayout;
      readonly headers: readonly string[];
      /** 1-based row of the header (CSV: 1). */
      readonly headerRow: number;
      /** XLSX only: the last header column's letter, e.g. `G`. */
      readonly lastColumn: string;
      /** XLSX only: the text of the rows above the header. */
      readonly titleLines: readonly string[];
    }
  | { readonly kind: 'record'; readonly entity: RecordEntity; readonly headers: readonly string[] };

const HEAD_BYTES = 64 * 1024;
/** XLSX title rows and header are looked for in this block. */
const XLSX_PROBE_RANGE = 'A1:AZ30';

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function isZip(head: Buffer): boolean {
  return head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
}

/** The head up to its last complete line (a multi-byte character is never cut). */
function completeLines(head: Buffer): Buffer {
  if (head.length < HEAD_BYTES) return head;
  const end = head.lastIndexOf(0x0a);
  return end > 0 ? head.subarray(0, end + 1) : head;
}

function decodes(bytes: Buffer, encoding: TextEncoding): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Splits one CSV header line (no embedded newlines; quotes allowed). */
export function splitCsvHeader(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line.charAt(index);
    if (char === '"') {
      if (quoted && line.charAt(index + 1) === '"') {
        cell += '"';
        index += 1;
      } else quoted = !quoted;
    } else if (char === ',' && !quoted) {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

function matchesLayout(layout: StatementLayout, headers: readonly string[]): boolean {
  const present = new Set(headers);
  return layoutSignature(layout).every((name) => present.has(name));
}

const ENCODING_NAMES: Record<TextEncoding, string> = { 'utf-8': 'UTF-8', gb18030: 'GBK/GB18030' };

function detectCsv(path: string, head: Buffer, registry: readonly StatementLayout[]): DetectedFile {
  const bytes = completeLines(head);
  const utf8 = decodes(bytes, 'utf-8');
  const text = utf8 ?? decodes(bytes, 'gb18030') ?? '';
  const headers = splitCsvHeader((text.split(/\r?\n/)[0] ?? '').replace(/^\uFEFF/, ''));
  const name = basename(path);
  const actual: TextEncoding = utf8 === undefined ? 'gb18030' : 'utf-8';
  const hasNonAscii = bytes.some((byte) => byte >= 0x80);
  const layout = registry.find(
    (candidate) => candidate.container === 'csv' && matchesLayout(candidate, headers),
  );
  if (layout !== undefined) {
    if (hasNonAscii && layout.encoding !== actual) {
      throw new BankFileError(
        'wrong_encoding',
        `文件「${name}」的表头符合版式 ${layout.id}（声明编码 ${ENCODING_NAMES[layout.encoding]}），` +
          `但内容按该编码${layout.encoding === 'utf-8' ? '无法解码' : '读取会产生乱码（实为 UTF-8）'}：` +
          '请确认银行导出时的编码，或在版式登记中更正编码。',
        path,
      );
    }
    return { kind: 'statement', layout, headers, headerRow: 1, lastColumn: '', titleLines: [] };
  }
  const entity = detectRecordEntity(headers);
  if (entity !== undefined) {
    if (utf8 === undefined) {
      throw new BankFileError(
        'wrong_encoding',
        `文件「${name}」是 ${entity} 记录文件，应为 UTF-8，但内容不是有效的 UTF-8。`,
        path,
      );
    }
    return { kind: 'record', entity, headers };
  }
  throw new BankFileError(
    'unknown_layout',
    `无法识别文件「${name}」的版式（表头：${headers.slice(0, 12).join('，')}）：请在版式登记中添加该银行的导出格式。`,
    path,
  );
}

/** Column letters for a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let letters = '';
  let rest = index + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

async function detectXlsx(
  connection: DuckDBConnection,
  path: string,
  registry: readonly StatementLayout[],
): Promise<DetectedFile> {
  const reader = await connection.runAndReadAll(
    `select * from read_xlsx(${sqlString(path)}, header = false, all_varchar = true, ` +
      `range = ${sqlString(XLSX_PROBE_RANGE)}, stop_at_empty = false)`,
  );
  const rows = reader
    .getRowsJson()
    .map((row) => row.map((cell) => (typeof cell === 'string' ? cell.trim() : '')));
  for (const [index, row] of rows.entries()) {
    const layout = registry.find(
      (candidate) => candidate.container === 'xlsx' && matchesLayout(candidate, row),
    );
    if (layout === undefined) continue;
    let last = row.length - 1;
    while (last > 0 && row[last] === '') last -= 1;
    return {
      kind: 'statement',
      layout,
      headers: row.slice(0, last + 1),
      headerRow: index + 1,
      lastColumn: columnLetter(last),
      titleLines: rows
        .slice(0, index)
        .map((cells) => cells.filter((cell) => cell !== '').join(' ')),
    };
  }
  throw new BankFileError(
    'unknown_layout',
    `无法识别 XLSX 文件「${basename(path)}」的版式：前 30 行中没有已登记版式的表头。`,
    path,
  );
}

export async function detectFile(
  connection: DuckDBConnection,
  path: string,
  registry: readonly StatementLayout[],
): Promise<DetectedFile> {
  const head = await readHead(path);
  return isZip(head) ? detectXlsx(connection, path, registry) : detectCsv(path, head, registry);
}
