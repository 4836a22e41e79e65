/**
 * Sets the modification time of every entry of a zip file (XLSX) to one instant. exceljs stamps
 * entries with the current time; pinning them keeps the same world's workbooks byte-identical.
 * Patches the DOS time/date of each central-directory entry and of its local header in place.
 */
import { readFile, writeFile } from 'node:fs/promises';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/** MS-DOS time and date words of an instant (its UTC fields; 2-second resolution). */
export function dosTimestamp(date: Date): { time: number; date: number } {
  return {
    time:
      (date.getUTCHours() << 11) |
      (date.getUTCMinutes() << 5) |
      Math.floor(date.getUTCSeconds() / 2),
    date:
      ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

function endOfCentralDirectory(zip: Buffer): number {
  for (let offset = zip.length - 22; offset >= Math.max(0, zip.length - 65_557); offset -= 1) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error('not a zip file: no end of central directory record');
}

/** Returns a copy of `zip` with every entry's time set to `date`. */
export function withPinnedTimestamps(zip: Buffer, date: Date): Buffer {
  const patched = Buffer.from(zip);
  const dos = dosTimestamp(date);
  const end = endOfCentralDirectory(patched);
  const entries = patched.readUInt16LE(end + 10);
  let offset = patched.readUInt32LE(end + 16);
  for (let index = 0; index < entries; index += 1) {
    if (patched.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new Error(`zip central directory entry ${String(index)} is damaged`);
    }
    patched.writeUInt16LE(dos.time, offset + 12);
    patched.writeUInt16LE(dos.date, offset + 14);
    const local = patched.readUInt32LE(offset + 42);
    if (patched.readUInt32LE(local) !== LOCAL_FILE_HEADER) {
      throw new Error(`zip local header of entry ${String(index)} is damaged`);
    }
    patched.writeUInt16LE(dos.time, local + 10);
    patched.writeUInt16LE(dos.date, local + 12);
    offset +=
      46 +
      patched.readUInt16LE(offset + 28) +
      patched.readUInt16LE(offset + 30) +
      patched.readUInt16LE(offset + 32);
  }
  return patched;
}

export async function pinZipTimestamps(path: string, date: Date): Promise<void> {
  await writeFile(path, withPinnedTimestamps(await readFile(path), date));
}
