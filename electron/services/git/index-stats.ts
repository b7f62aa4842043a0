// Git's index already knows the object id of every tracked file together with the stat data the
// file had when git last looked at it (size, mtime to the nanosecond, inode, mode). A file whose
// stat data still matches its entry has that object id: git status trusts exactly this. So the
// first status after launch reads the index once (one pass over its bytes) and hashes only the
// files whose stat data differ, instead of reading every post and image of the site.
//
// Git's "racily clean" rule holds here too: an entry whose file was modified at or after the
// moment the index was written may have changed again within the same clock tick without its
// stat data changing, so such entries are never trusted (the caller hashes the file).
// Only the plain case is read: index version 2 or 3, stage 0 entries without extended flags
// (intent-to-add and skip-worktree entries are left to hashing); anything else is ignored.
import { readFileSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import { forEachIndexEntry, readIndexHeader } from './index-entries';

interface IndexEntry {
  mtimeMs: number;
  /** Low 32 bits, as git stores them. */
  size: number;
  ino: number;
  mode: number;
  oid: string;
}

/** How many times an index was read (tests: that a status read it once). */
export const indexReads = { count: 0 };

export class IndexStats {
  private entries: Map<string, IndexEntry> | null = null;
  /** The index file's stat when it was read ('' when never read or unreadable). */
  private stamp = '';
  private indexMtimeMs = 0;

  /** `dir`: the work tree root; `indexFile`: the index's path. */
  constructor(
    private readonly dir: string,
    private readonly indexFile: string,
  ) {}

  /** Whether the index file changed since it was read (or was never read). */
  stale(): boolean {
    return this.currentStamp() !== this.stamp || this.entries === null;
  }

  private currentStamp(): string {
    const st = statSync(this.indexFile, { throwIfNoEntry: false });
    return st ? `${st.mtimeMs}:${st.size}:${st.ino}` : 'none';
  }

  /** Reads the index (again); an unreadable or unusual index leaves no entries. */
  load(): void {
    this.stamp = this.currentStamp();
    this.entries = new Map();
    let buf: Buffer;
    try {
      buf = readFileSync(this.indexFile);
      this.indexMtimeMs = statSync(this.indexFile).mtimeMs;
    } catch {
      return;
    }
    indexReads.count++;
    const parsed = parseIndex(buf, `${this.dir}${sep}`);
    if (parsed) this.entries = parsed;
  }

  /**
   * The object id the index holds for the file when its stat data match the entry and the
   * entry is not racily clean; else null (the caller hashes the file).
   */
  oidFor(abs: string, st: { size: number; mtimeMs: number; ino: number; mode: number }, gitMode: string): string | null {
    const e = this.entries?.get(abs);
    if (!e) return null;
    // Racily clean: written in the same tick as (or after) the index, the entry proves nothing.
    if (e.mtimeMs >= this.indexMtimeMs) return null;
    if (e.mtimeMs !== st.mtimeMs || e.size !== st.size % 0x1_0000_0000) return null;
    // Git for Windows records no inode (0): size and time to the nanosecond are its whole check.
    if (e.ino !== 0 && e.ino !== st.ino % 0x1_0000_0000) return null;
    if (e.mode.toString(8) !== gitMode) return null;
    // The caller keeps it from here on: one copy of 300,000 entries in memory, not two.
    this.entries!.delete(abs);
    return e.oid;
  }
}

/** abs path → entry for stage-0 plain entries; null when the file is not an index we read. */
function parseIndex(buf: Buffer, prefix: string): Map<string, IndexEntry> | null {
  const header = readIndexHeader(buf);
  if (!header) return null;
  const out = new Map<string, IndexEntry>();
  const slash = sep === '/' ? null : /\//g;
  const ok = forEachIndexEntry(buf, header, ({ off, flags, nameStart, end }) => {
    // Stage 0, not assume-unchanged, no extended flags (intent-to-add, skip-worktree).
    if ((flags & 0x4000) !== 0 || (flags & 0xb000) !== 0) return;
    const name = buf.toString('utf8', nameStart, end);
    // Node computes mtimeMs as sec * 1e3 + nsec / 1e6: the same sum gives the same double.
    const mtimeMs = buf.readUInt32BE(off + 8) * 1e3 + buf.readUInt32BE(off + 12) / 1e6;
    out.set(prefix + (slash ? name.replace(slash, sep) : name), {
      mtimeMs,
      ino: buf.readUInt32BE(off + 20),
      mode: buf.readUInt32BE(off + 24),
      size: buf.readUInt32BE(off + 36),
      oid: buf.toString('hex', off + 40, off + 60),
    });
  });
  return ok < 0 ? null : out;
}
