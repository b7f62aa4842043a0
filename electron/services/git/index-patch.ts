// After Save version, git's index must agree with the new commit for the post's files (so that
// `git status` on the command line shows them clean). isomorphic-git's `add` parses the whole
// index into objects and writes it all back: at 100,000 posts (300,000 entries) that was most of
// a 6 s save. When only the content of files already in the index changed, their entries keep
// their size and place, so this patches those entries' stat data and object id in the file's
// bytes and writes it back with a new checksum: one pass over the bytes, no object per entry.
//
// Only the plain case is patched: index version 2 or 3, each file present once at stage 0, and
// no extension but the caches git rebuilds by itself (the cached trees, the untracked cache and
// the offset tables, which are dropped since they may now be stale). Anything else (a split or
// sparse index, version 4, resolve-undo data, a file not in the index) returns false and the
// caller uses isomorphic-git.
import { createHash } from 'node:crypto';
import { lstat, open } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import { forEachIndexEntry, readIndexHeader } from './index-entries';

/** Extensions that are caches git recomputes: safe to drop. */
const DROPPABLE = new Set(['TREE', 'UNTR', 'EOIE', 'IEOT']);

export interface IndexUpdate {
  /** Repository path (POSIX). */
  path: string;
  /** Absolute path of the work-tree file (its stat data goes into the entry). */
  abs: string;
  oid: string;
}

/** How many indexes were patched in place (for tests: that the fast path ran). */
export const indexPatches = { count: 0 };

/**
 * One buffer for the index's bytes, reused from save to save. At 100,000 posts the index is
 * 30 MB: reading it into a new buffer (and copying it to another) on every save counted 60 MB of
 * fresh memory each time, which made V8 run a full garbage collection of the whole heap (some
 * 300 MB then) inside the save: the save grew faster than the site.
 */
let spare: Buffer | null = null;

/** The index's bytes in the spare buffer (taken: a concurrent patch of another repository gets its own). */
async function readIndex(file: string): Promise<Buffer | null> {
  let fh;
  try {
    fh = await open(file, 'r');
  } catch {
    return null;
  }
  try {
    const { size } = await fh.stat();
    let buf = spare;
    spare = null;
    if (!buf || buf.length < size) buf = Buffer.allocUnsafeSlow(Math.ceil(size * 1.25) + 4096);
    let n = 0;
    while (n < size) {
      const { bytesRead } = await fh.read(buf, n, size - n, n);
      if (!bytesRead) break;
      n += bytesRead;
    }
    const more = await fh.read(Buffer.alloc(1), 0, 1, n);
    if (n !== size || more.bytesRead) {
      spare = buf;
      return null; // changed while read: not the file we measured
    }
    return buf.subarray(0, size);
  } catch {
    return null;
  } finally {
    await fh.close();
  }
}

/** Patches the entries; false when the index is not the plain case (nothing written then). */
export async function patchIndexEntries(gitdir: string, updates: IndexUpdate[]): Promise<boolean> {
  const file = join(gitdir, 'index');
  const buf = await readIndex(file);
  if (!buf) return false;
  try {
    return await patchIn(file, buf, updates);
  } finally {
    spare = Buffer.from(buf.buffer, buf.byteOffset, buf.buffer.byteLength - buf.byteOffset);
  }
}

/** Patches `buf` (the index's bytes) in place and writes it back. */
async function patchIn(file: string, buf: Buffer, updates: IndexUpdate[]): Promise<boolean> {
  const header = readIndexHeader(buf);
  if (!header) return false;
  const { body } = header;
  const want = new Map(updates.map((u) => [u.path, u]));
  // Names are compared as bytes, and only those of a wanted length are decoded: an index of
  // 300,000 entries costs no string per entry.
  const lengths = new Set(updates.map((u) => Buffer.byteLength(u.path)));
  const found = new Map<string, number>();
  const off = forEachIndexEntry(buf, header, ({ off: at, flags, nameStart, end }) => {
    const path = lengths.has(end - nameStart) ? buf.toString('utf8', nameStart, end) : '';
    if (path && want.has(path)) {
      if ((flags >> 12) & 3 || found.has(path)) return false; // a conflict stage, or twice
      found.set(path, at);
    }
  });
  if (off < 0) return false;
  if (found.size !== want.size) return false;
  // What follows the entries: extensions, each a 4-letter signature and a size.
  for (let ext = off; ext < body; ) {
    if (ext + 8 > body) return false;
    const sig = buf.toString('latin1', ext, ext + 4);
    if (!DROPPABLE.has(sig)) return false;
    ext += 8 + buf.readUInt32BE(ext + 4);
  }
  // In place: the entries keep their size and place; what followed them (droppable caches) is cut.
  const out = buf.subarray(0, off + 20);
  for (const [path, at] of found) {
    const u = want.get(path)!;
    const st = await lstat(u.abs, { bigint: true });
    const mode = st.isSymbolicLink() ? 0o120000 : Number(st.mode) & 0o111 ? 0o100755 : 0o100644;
    const u32 = (n: bigint) => Number(n & 0xffffffffn);
    out.writeUInt32BE(u32(st.ctimeNs / 1_000_000_000n), at);
    out.writeUInt32BE(u32(st.ctimeNs % 1_000_000_000n), at + 4);
    out.writeUInt32BE(u32(st.mtimeNs / 1_000_000_000n), at + 8);
    out.writeUInt32BE(u32(st.mtimeNs % 1_000_000_000n), at + 12);
    out.writeUInt32BE(u32(st.dev), at + 16);
    out.writeUInt32BE(u32(st.ino), at + 20);
    out.writeUInt32BE(mode, at + 24);
    out.writeUInt32BE(u32(st.uid), at + 28);
    out.writeUInt32BE(u32(st.gid), at + 32);
    out.writeUInt32BE(u32(st.size), at + 36);
    out.write(u.oid, at + 40, 20, 'hex');
  }
  createHash('sha1').update(out.subarray(0, off)).digest().copy(out, off);
  // Replaced whole by rename, not fsynced, as git writes its index (see AtomicWriteOptions).
  await writeFileAtomic(file, out, { durable: false });
  indexPatches.count++;
  return true;
}
