// The post list's cache file as tests edit it (electron/services/site/list-posts.ts write()): a
// header line, the paths (each ended by a 0 byte), then the other columns as JSON in ASCII.
import { readFileSync, writeFileSync } from 'node:fs';

/** The file's paths and its other columns (parsed, for a test to change). */
export function readListCache<T>(file: string): { paths: string[]; rest: T; keep: Buffer } {
  const bytes = readFileSync(file);
  const headerEnd = bytes.indexOf(10);
  const restStart = headerEnd + 1 + (JSON.parse(bytes.toString('latin1', 0, headerEnd)) as { pathBytes: number }).pathBytes;
  const paths = bytes.toString('utf8', headerEnd + 1, restStart).split('\0');
  return { paths, rest: JSON.parse(bytes.toString('latin1', restStart)) as T, keep: bytes.subarray(0, restStart) };
}

/** Writes the file again with the header and paths `keep` held and `rest` as its other columns. */
export function writeListCache(file: string, keep: Buffer, rest: unknown): void {
  const ascii = JSON.stringify(rest).replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(file, Buffer.concat([keep, Buffer.from(ascii, 'latin1')]));
}
