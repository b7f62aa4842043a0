// Git object ids of files in the work tree, cached by stat data (size, mtime, inode, mode) the
// way git's index does, so a status of 10,000 unchanged posts costs one lstat per file and no
// reads. Files modified in the last seconds are not cached ("racy git": an edit within the
// same clock tick would keep the same mtime).
//
// A file the cache misses is looked up in git's own index (index-stats.ts), which holds the oid
// and stat data of every tracked file: the first status after launch costs one read of the index
// and one lstat per file, instead of reading every post and image of the site. What the index
// does not hold (new files, files edited since git last looked) is kept between runs in a small
// file inside the repository's .git folder (git never looks at it; it goes wherever the
// repository goes).
import { constants, lstatSync, readFileSync, readdirSync, readlinkSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import { objectOid, serializeTree, TREE_MODE, type TreeEntry } from './tree-store';
import { TEMP_FILE_RE } from '../fs/atomic-write';
import type { IndexStats } from './index-stats';

const RACY_MS = 3000;
/** How long after the last change the cache is written: one write per status, not per file. */
const SAVE_AFTER_MS = 1000;
// 2: holds only what git's index does not vouch for. A version 1 file (every file of the site,
// 40 MB at 100,000 posts) is ignored once and replaced by a small one.
const FILE_VERSION = 2;

/** The name of the cache file inside the repository's git folder. */
export const STAT_CACHE_FILE = 'postwright-stat-cache.json';

interface HashEntry {
  size: number;
  mtimeMs: number;
  ino: number;
  mode: number;
  oid: string;
  /** Taken from git's index (not kept in the cache file: the index holds it already). */
  indexed?: boolean;
}

/** Misses after which a changed index is read again (one read costs about as much as hashing this many small files). */
const RELOAD_INDEX_AFTER_MISSES = 2000;

/** What a status keeps of a file's stat data (a Stats object fits). */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ino: number;
  mode: number;
  isSymbolicLink(): boolean;
  isFile(): boolean;
}

/**
 * The few numbers a status needs, copied out of a Stats object: a status of 100,000 posts
 * holds some 300,000 of them until it ends, and Node's Stats (with its four Date objects) would
 * survive into the old heap and cost a full garbage collection per status.
 */
export class LiteStat implements FileStat {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  readonly mode: number;
  constructor(st: Pick<FileStat, 'size' | 'mtimeMs' | 'ino' | 'mode'>) {
    this.size = st.size;
    this.mtimeMs = st.mtimeMs;
    this.ino = st.ino;
    this.mode = st.mode;
  }
  isSymbolicLink(): boolean {
    return (this.mode & constants.S_IFMT) === constants.S_IFLNK;
  }
  isFile(): boolean {
    return (this.mode & constants.S_IFMT) === constants.S_IFREG;
  }
}

export interface WorkFile {
  /** Path relative to the unit's folder ('' for a single-file unit). */
  rel: string;
  abs: string;
  stat: FileStat;
}

export class WorktreeHasher {
  private cache = new Map<string, HashEntry>();
  private dirty = false;
  private saveTimer: NodeJS.Timeout | null = null;
  /** Files read to hash them (the cache missed): what a status really cost. */
  filesRead = 0;

  private missesSinceIndexRead = 0;

  /**
   * `file`: where the cache is kept between runs (none: memory only); `index`: git's index,
   * asked for the object id of a file the cache misses before the file is read.
   */
  constructor(
    private readonly file: string | null = null,
    private readonly index: IndexStats | null = null,
  ) {}

  /** Takes in the cache a previous run left; a missing or damaged file is an empty cache. */
  async load(): Promise<void> {
    if (!this.file) return;
    try {
      const saved = JSON.parse(await readFile(this.file, 'utf8')) as { version?: number; entries?: Record<string, unknown> };
      if (saved.version !== FILE_VERSION || !saved.entries || typeof saved.entries !== 'object') {
        this.changed(); // replaced by a current one at the next write
        return;
      }
      for (const [abs, e] of Object.entries(saved.entries)) {
        if (!Array.isArray(e) || e.length !== 5) continue;
        const [size, mtimeMs, ino, mode, oid] = e as unknown[];
        if ([size, mtimeMs, ino, mode].every((n) => typeof n === 'number') && typeof oid === 'string' && /^[0-9a-f]{40}$/.test(oid)) {
          if (!this.cache.has(abs)) this.cache.set(abs, { size, mtimeMs, ino, mode, oid } as HashEntry);
        }
      }
    } catch {
      // No cache yet, or one that cannot be read: statuses read the files and write a new one.
    }
  }

  /** Writes the cache now if it changed (tests, and when the site closes). */
  async flush(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (!this.file || !this.dirty) return;
    this.dirty = false;
    const entries: Record<string, [number, number, number, number, string]> = {};
    // Entries git's index vouches for are not written: the index holds them, and writing
    // 300,000 of them (40 MB of JSON, a second of blocked event loop) would stall whatever runs next.
    for (const [abs, e] of this.cache) if (!e.indexed) entries[abs] = [e.size, e.mtimeMs, e.ino, e.mode, e.oid];
    try {
      await writeFileAtomic(this.file, Buffer.from(JSON.stringify({ version: FILE_VERSION, entries })));
    } catch {
      // A read-only repository or a full disk: the cache stays in memory; nothing is lost.
    }
  }

  private changed(): void {
    this.dirty = true;
    if (!this.file || this.saveTimer) return;
    this.saveTimer = setTimeout(() => void this.flush(), SAVE_AFTER_MS);
    this.saveTimer.unref?.();
  }

  /** Git mode of a work-tree file. */
  static modeOf(st: FileStat): string {
    if (st.isSymbolicLink()) return '120000';
    return st.mode & 0o111 ? '100755' : '100644';
  }

  blobOid(abs: string, st: FileStat): string {
    const hit = this.cache.get(abs);
    if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs && hit.ino === st.ino && hit.mode === st.mode) return hit.oid;
    const known = this.fromIndex(abs, st);
    if (known) {
      this.cache.set(abs, { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, mode: st.mode, oid: known, indexed: true });
      return known;
    }
    const data = st.isSymbolicLink() ? Buffer.from(readlinkSync(abs), 'utf8') : readFileSync(abs);
    this.filesRead++;
    const oid = objectOid('blob', data);
    if (Date.now() - st.mtimeMs > RACY_MS) this.cache.set(abs, { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, mode: st.mode, oid });
    else if (!this.cache.delete(abs)) return oid;
    this.changed();
    return oid;
  }

  /** The oid git's index holds for the file when its entry's stat data still match, else null. */
  private fromIndex(abs: string, st: FileStat): string | null {
    // A file changed in the last seconds is hashed, whatever the index says (racy git).
    if (!this.index || Date.now() - st.mtimeMs <= RACY_MS) return null;
    // Read once at the first miss; again only after many misses and if git rewrote it since.
    // (An older read stays right: each entry's stat data and oid were true together.)
    if (this.missesSinceIndexRead === 0 || this.missesSinceIndexRead >= RELOAD_INDEX_AFTER_MISSES) {
      if (this.missesSinceIndexRead === 0 || this.index.stale()) this.index.load();
      this.missesSinceIndexRead = 1;
    }
    const oid = this.index.oidFor(abs, st, WorktreeHasher.modeOf(st));
    if (!oid) this.missesSinceIndexRead++;
    return oid;
  }

  /**
   * The oid git would give a folder's tree (recursively), without writing anything; null when
   * the folder holds no files (git keeps no empty folders).
   */
  folderOid(files: WorkFile[]): string | null {
    if (files.length === 0) return null;
    const root: Dir = new Map();
    for (const f of files) {
      const parts = f.rel.split('/');
      let d = root;
      for (let i = 0; i < parts.length - 1; i++) {
        let sub = d.get(parts[i]);
        if (!(sub instanceof Map)) {
          sub = new Map();
          d.set(parts[i], sub);
        }
        d = sub;
      }
      d.set(parts[parts.length - 1], { mode: WorktreeHasher.modeOf(f.stat), name: parts[parts.length - 1], oid: this.blobOid(f.abs, f.stat) });
    }
    return dirOid(root);
  }
}

type Dir = Map<string, Dir | TreeEntry>;

function dirOid(d: Dir): string {
  const entries: TreeEntry[] = [];
  for (const [name, v] of d) entries.push(v instanceof Map ? { mode: TREE_MODE, name, oid: dirOid(v) } : v);
  return objectOid('tree', serializeTree(entries));
}

/** Every file (and symlink) under a folder, skipping `.git`. Missing folder → []. */
export function listWorkFiles(folder: string, prefix = '', out: WorkFile[] = []): WorkFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return out;
  }
  for (const name of names) {
    // Temp files of interrupted saves are never part of a post (nor of a version).
    if (name === '.git' || TEMP_FILE_RE.test(name)) continue;
    const abs = join(folder, name);
    let st: Stats;
    try {
      st = lstatSync(abs);
    } catch {
      continue;
    }
    const rel = prefix ? `${prefix}/${name}` : name;
    if (st.isDirectory()) listWorkFiles(abs, rel, out);
    else if (st.isFile() || st.isSymbolicLink()) out.push({ rel, abs, stat: st });
  }
  return out;
}
