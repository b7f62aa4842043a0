// Walks the entries of git's index file (versions 2 and 3) in its bytes, without an object per
// entry: what the first git status reads (index-stats.ts). Save version's patch (index-patch.ts)
// walks the same format through a window instead, never holding the whole file. The format:
// https://git-scm.com/docs/index-format.
import { createHash } from 'node:crypto';

export interface IndexHeader {
  version: number;
  count: number;
  /** Where the trailing checksum starts: the end of the entries and extensions. */
  body: number;
}

/** One entry, as offsets into the index's bytes. */
export interface IndexEntryAt {
  /** Where the entry starts (its stat data, then the object id at off + 40). */
  off: number;
  flags: number;
  /** Where its path starts and ends (bytes). */
  nameStart: number;
  end: number;
}

/** The header of a version 2 or 3 index whose checksum holds; null for anything else. */
export function readIndexHeader(buf: Buffer): IndexHeader | null {
  if (buf.length < 32 || buf.toString('latin1', 0, 4) !== 'DIRC') return null;
  const version = buf.readUInt32BE(4);
  if (version !== 2 && version !== 3) return null;
  const count = buf.readUInt32BE(8);
  const body = buf.length - 20;
  // The checksum must hold, or the file is not what we think it is.
  if (!createHash('sha1').update(buf.subarray(0, body)).digest().equals(buf.subarray(body))) return null;
  return { version, count, body };
}

/**
 * Calls `visit` for each entry in order. Returns the offset just after the last entry (where the
 * extensions start), or -1 when an entry runs past the end, has extended flags in a version 2
 * index, or `visit` returned false.
 */
export function forEachIndexEntry(buf: Buffer, { version, count, body }: IndexHeader, visit: (e: IndexEntryAt) => boolean | void): number {
  let off = 12;
  for (let i = 0; i < count; i++) {
    if (off + 62 > body) return -1;
    const flags = buf.readUInt16BE(off + 60);
    const extended = (flags & 0x4000) !== 0;
    if (extended && version < 3) return -1;
    const nameStart = off + 62 + (extended ? 2 : 0);
    const nameLen = flags & 0xfff;
    const end = nameLen < 0xfff ? nameStart + nameLen : buf.indexOf(0, nameStart);
    if (end < 0 || end > body) return -1;
    if (visit({ off, flags, nameStart, end }) === false) return -1;
    // Entries are padded with 1-8 NULs to a multiple of 8 bytes (versions 2 and 3).
    off += Math.ceil((end - off + 1) / 8) * 8;
  }
  return off;
}
