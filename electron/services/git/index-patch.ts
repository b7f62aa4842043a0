// After Save version, git's index must agree with the new commit for the post's files (so that
// `git status` on the command line shows them clean). isomorphic-git's `add` parses the whole
// index into objects and writes it all back: at 100,000 posts (300,000 entries) that was most of
// a 6 s save. When only the content of files already in the index changed, their entries keep
// their size and place, so this copies the index to a new file through a small window, patching
// those entries' stat data and object id on the way and writing a new checksum: one pass over
// the bytes, no object per entry, and memory that does not grow with the site.
//
// Why a window and not the whole file: at 100,000 posts the index is 30 MB. A 30 MB buffer is
// memory outside V8's heap, and allocating it on a thread whose heap the first git status had
// just filled (some 500 MB there) set off a full garbage collection inside the first Save version
// of a launch: 400 to 600 ms against 130 to 200 for the later ones.
//
// Only the plain case is patched: index version 2 or 3, each file present once at stage 0, paths
// under 4,095 bytes, a checksum that holds, and no extension but the caches git rebuilds by
// itself (the cached trees, the untracked cache and the offset tables, which are dropped since
// they may now be stale). Anything else (a split or sparse index, version 4, resolve-undo data, a
// file not in the index) returns false with the index untouched, and the caller uses
// isomorphic-git.
import { createHash, type Hash } from 'node:crypto';
import { lstat, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { replaceFileAtomic } from '../fs/atomic-write';

/** Extensions that are caches git recomputes: safe to drop. */
const DROPPABLE = new Set(['TREE', 'UNTR', 'EOIE', 'IEOT']);

/** The window's size: far above the largest plain entry (62 + 2 + 4,094 bytes and padding). */
const WINDOW_BYTES = 1 << 20;

export interface IndexUpdate {
  /** Repository path (POSIX). */
  path: string;
  /** Absolute path of the work-tree file (its stat data goes into the entry). */
  abs: string;
  oid: string;
}

/** How many indexes were patched in place (for tests: that the fast path ran). */
export const indexPatches = { count: 0 };

/** The window, reused from save to save (taken while in use: a concurrent patch of another repository gets its own). */
let spare: Buffer | null = null;

/**
 * Patches the entries; false when the index is not the plain case (nothing written then).
 * `windowBytes`: tests make it small, so entries and extensions straddle its edges.
 */
export async function patchIndexEntries(gitdir: string, updates: IndexUpdate[], windowBytes = WINDOW_BYTES): Promise<boolean> {
  const file = join(gitdir, 'index');
  let src: FileHandle;
  try {
    src = await open(file, 'r');
  } catch {
    return false;
  }
  const win = spare?.length === windowBytes ? spare : Buffer.allocUnsafeSlow(windowBytes);
  spare = null;
  try {
    const heads = new Map<string, Buffer>();
    for (const u of updates) heads.set(u.path, await entryHead(u));
    const { size } = await src.stat();
    // Replaced whole by rename, not fsynced, as git writes its index (see AtomicWriteOptions).
    const patched = await replaceFileAtomic(file, (out) => copyPatched(src, size, win, heads, out), { durable: false });
    if (patched) indexPatches.count++;
    return patched;
  } finally {
    if (windowBytes === WINDOW_BYTES) spare = win;
    await src.close();
  }
}

/** The 60 bytes an entry starts with (stat data, then the object id) for the file as it is now. */
async function entryHead(u: IndexUpdate): Promise<Buffer> {
  const st = await lstat(u.abs, { bigint: true });
  const mode = st.isSymbolicLink() ? 0o120000 : Number(st.mode) & 0o111 ? 0o100755 : 0o100644;
  const u32 = (n: bigint) => Number(n & 0xffffffffn);
  const head = Buffer.alloc(60);
  head.writeUInt32BE(u32(st.ctimeNs / 1_000_000_000n), 0);
  head.writeUInt32BE(u32(st.ctimeNs % 1_000_000_000n), 4);
  head.writeUInt32BE(u32(st.mtimeNs / 1_000_000_000n), 8);
  head.writeUInt32BE(u32(st.mtimeNs % 1_000_000_000n), 12);
  head.writeUInt32BE(u32(st.dev), 16);
  head.writeUInt32BE(u32(st.ino), 20);
  head.writeUInt32BE(mode, 24);
  head.writeUInt32BE(u32(st.uid), 28);
  head.writeUInt32BE(u32(st.gid), 32);
  head.writeUInt32BE(u32(st.size), 36);
  head.write(u.oid, 40, 20, 'hex');
  return head;
}

/**
 * Copies the index (`size` bytes in `src`) to `out` through `win`: its entries with the wanted
 * ones' heads replaced, no extension, and a new checksum. False when it is not the plain case or
 * its own checksum does not hold (the caller then removes what was written).
 */
async function copyPatched(src: FileHandle, size: number, win: Buffer, heads: Map<string, Buffer>, out: FileHandle): Promise<boolean> {
  if (size < 32) return false;
  const body = size - 20; // where the checksum starts
  const view = new IndexWindow(src, body, win);
  const written = new Output(out);
  if (!(await view.need(0, 12))) return false;
  if (win.toString('latin1', 0, 4) !== 'DIRC') return false;
  const version = win.readUInt32BE(4);
  if (version !== 2 && version !== 3) return false;
  const count = win.readUInt32BE(8);
  // Names are compared as bytes, and only those of a wanted length are decoded: an index of
  // 300,000 entries costs no string per entry.
  const lengths = new Set([...heads.keys()].map((p) => Buffer.byteLength(p)));
  const found = new Set<string>();
  let pos = 12;
  for (let i = 0; i < count; i++) {
    // The window holds the next entry nearly always: only then is there no await (one per entry
    // would cost more than the whole pass at 300,000 entries).
    if (!view.holds(pos, 62) && !(await view.need(pos, 62, written))) return false;
    const flags = win.readUInt16BE(view.at(pos) + 60);
    const extended = (flags & 0x4000) !== 0;
    if (extended && version < 3) return false;
    const nameLen = flags & 0xfff;
    if (nameLen === 0xfff) return false; // a path of 4,095 bytes or more: its length is not stored
    const nameOff = 62 + (extended ? 2 : 0);
    // Entries are padded with 1-8 NULs to a multiple of 8 bytes (versions 2 and 3).
    const entryLen = Math.ceil((nameOff + nameLen + 1) / 8) * 8;
    if (!view.holds(pos, entryLen) && !(await view.need(pos, entryLen, written))) return false;
    if (lengths.has(nameLen)) {
      const at = view.at(pos);
      const path = win.toString('utf8', at + nameOff, at + nameOff + nameLen);
      const head = heads.get(path);
      if (head) {
        if ((flags >> 12) & 3 || found.has(path)) return false; // a conflict stage, or twice
        found.add(path);
        head.copy(win, at);
      }
    }
    pos += entryLen;
  }
  if (found.size !== heads.size) return false;
  await written.take(view, pos); // the entries end here; what follows is not copied
  // What follows the entries: extensions, each a 4-letter signature and a size.
  while (pos < body) {
    if (!(await view.need(pos, 8))) return false;
    const at = view.at(pos);
    if (!DROPPABLE.has(win.toString('latin1', at, at + 4))) return false;
    pos += 8 + win.readUInt32BE(at + 4);
  }
  if (pos !== body || !(await view.checksumHolds())) return false;
  await written.finish();
  return true;
}

/** A window onto the index file's bytes before its checksum, read forward only; hashes all it reads. */
class IndexWindow {
  /** File offset of win[0], and how many bytes the window holds. */
  private start = 0;
  private len = 0;
  private readonly hash: Hash = createHash('sha1');

  constructor(
    private readonly src: FileHandle,
    private readonly body: number,
    private readonly win: Buffer,
  ) {}

  /** Where file offset `pos` is in the window. */
  at(pos: number): number {
    return pos - this.start;
  }

  /** Whether bytes [pos, pos + n) are in the window now. */
  holds(pos: number, n: number): boolean {
    return pos + n <= this.start + this.len;
  }

  /** The bytes before `pos` still in the window (for the output to take before they are dropped). */
  slice(from: number, to: number): Buffer {
    return this.win.subarray(from - this.start, to - this.start);
  }

  /**
   * Makes bytes [pos, pos + n) readable in the window, dropping those before pos (after
   * `before` took them). False when they run past the body, do not fit the window, or the file
   * ends early (it changed while read).
   */
  async need(pos: number, n: number, before?: Output): Promise<boolean> {
    if (pos + n > this.body || n > this.win.length) return false;
    if (this.holds(pos, n)) return true;
    if (before) await before.take(this, pos);
    let next = this.start + this.len; // the next byte to read from the file
    const keep = Math.max(0, next - pos); // bytes from pos on already read
    this.win.copy(this.win, 0, this.len - keep, this.len);
    this.start = pos;
    this.len = keep;
    // Bytes skipped over (an extension's data) are read only for the checksum.
    while (next < pos) {
      const got = await this.read(0, Math.min(this.win.length, pos - next), next);
      if (!got) return false;
      next += got;
    }
    while (this.len < n) {
      const got = await this.read(this.len, Math.min(this.win.length - this.len, this.body - next), next);
      if (!got) return false;
      this.len += got;
      next += got;
    }
    return true;
  }

  /** True when the file's own checksum matches the bytes read (all of them are read first). */
  async checksumHolds(): Promise<boolean> {
    if (!(await this.need(this.body, 0))) return false;
    const trailer = Buffer.alloc(20);
    const { bytesRead } = await this.src.read(trailer, 0, 20, this.body);
    return bytesRead === 20 && this.hash.digest().equals(trailer);
  }

  private async read(into: number, length: number, position: number): Promise<number> {
    const { bytesRead } = await this.src.read(this.win, into, length, position);
    this.hash.update(this.win.subarray(into, into + bytesRead));
    return bytesRead;
  }
}

/** The new index as it is written: the bytes taken so far and their checksum. */
class Output {
  private pos = 0;
  private readonly hash: Hash = createHash('sha1');

  constructor(private readonly out: FileHandle) {}

  /** Writes the window's bytes from where the output stands up to file offset `to`. */
  async take(view: IndexWindow, to: number): Promise<void> {
    if (to > this.pos) await this.write(view.slice(this.pos, to));
  }

  /** Writes the checksum of everything written. */
  async finish(): Promise<void> {
    await this.write(this.hash.digest(), false);
  }

  private async write(bytes: Buffer, hashed = true): Promise<void> {
    if (hashed) this.hash.update(bytes);
    for (let done = 0; done < bytes.length; ) done += (await this.out.write(bytes, done, bytes.length - done, this.pos + done)).bytesWritten;
    this.pos += bytes.length;
  }
}
