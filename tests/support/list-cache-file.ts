// The post list's cache file as tests edit it (electron/services/site/list-cache-format.ts): a
// header line, the paths and the number arrays, then the rest as JSON in ASCII, last.
import { readFileSync, writeFileSync } from 'node:fs';

/** The file's paths and its JSON part (parsed, for a test to change). */
export function readListCache<T>(file: string): { paths: string[]; rest: T; keep: Buffer } {
  const bytes = readFileSync(file);
  const headerEnd = bytes.indexOf(10);
  const header = JSON.parse(bytes.toString('latin1', 0, headerEnd)) as { pathBytes: number; restAt: number };
  const pathsEnd = headerEnd + 1 + header.pathBytes;
  const restStart = headerEnd + 1 + header.restAt;
  const paths = bytes.toString('utf8', headerEnd + 1, pathsEnd).split('\0');
  return { paths, rest: JSON.parse(bytes.toString('latin1', restStart)) as T, keep: bytes.subarray(0, restStart) };
}

/** Writes the file again with the header, paths and numbers `keep` held and `rest` as its JSON part. */
export function writeListCache(file: string, keep: Buffer, rest: unknown): void {
  const ascii = JSON.stringify(rest).replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(file, Buffer.concat([keep, Buffer.from(ascii, 'latin1')]));
}
