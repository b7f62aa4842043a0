// One walk of the content folder that finds the posts (same rules as the post list: a folder
// with index.md is a leaf bundle whose other files are its resources; hidden folders skipped)
// and collects each post's unit files with their stat data. Folder listings are cached by the
// folder's own stat (adding, removing or renaming an entry changes a folder's mtime), so a
// repeated status costs one lstat per folder and per file instead of a readdir per folder:
// on 10,000 posts that walk is most of the cost of a status. Each cached folder and file has a
// slot in a table of paths (parallel-lstat.ts) whose stat data are taken on this thread and
// three helper threads just before a scan, so a large site's lstat calls are shared among the
// cores, as git shares them.
import { constants, lstatSync, readdirSync, type Stats } from 'node:fs';
import { sep } from 'node:path';
import { LiteStat, type WorkFile } from './worktree-hash';
import { StatTable } from './parallel-lstat';
import type { PostUnit } from './repo';
import { TEMP_FILE_RE } from '../fs/atomic-write';
import { MD_RE, LEAF_RE } from '../../../shared/post/post-files';

const RACY_MS = 3000;

export interface ScannedPost {
  /** Content-relative POSIX path of the post's text file. */
  path: string;
  files: WorkFile[];
  /** The post's unit, filled in by the status that first needs it (kept while the object is reused). */
  unit?: PostUnit;
}

type Kind = 'dir' | 'file' | 'link' | 'other';
/**
 * A folder entry: its name, kind, absolute path (joined once, when the folder is read) and its
 * slot in the stat table (-1: none; a scan lstat's it itself).
 */
type Entry = [string, Kind, string, number];
interface Listing {
  mtimeMs: number;
  ino: number;
  /** The folder's own slot in the stat table (-1: none). */
  slot: number;
  /** How many slots the folder and its entries hold (counted dead when the listing goes). */
  slots: number;
  entries: Entry[];
  /** The name of its leaf bundle text file (index.md), or null. */
  leaf: string | null;
  /** The scan that last reached this folder (a number, not a set of every folder per scan). */
  seen: number;
  /** For a leaf bundle: the post the last scan found here (reused while its files' stat data hold). */
  post?: ScannedPost;
}

export class PostScanner {
  private listings = new Map<string, Listing>();
  private generation = 0;
  /** Where a large site's lstat calls are made, on several threads (see parallel-lstat.ts). */
  readonly table: StatTable;

  /** `parallel: false`: every lstat on this thread; the other options are for tests (StatTable). */
  constructor(options: ConstructorParameters<typeof StatTable>[0] = {}) {
    this.table = new StatTable(options);
  }

  /** Stops the helper threads, if they run (a new large scan starts them again). */
  close(): void {
    this.table.close();
  }

  scan(contentDir: string): ScannedPost[] {
    try {
      return this.walk(contentDir);
    } finally {
      this.table.endScan();
    }
  }

  private walk(contentDir: string): ScannedPost[] {
    const out: ScannedPost[] = [];
    const gen = ++this.generation;
    const table = this.table;
    // Folders re-read and removed leave dead slots: renumbered once they are most of the table.
    if (table.dead > table.size / 2) this.reslot();
    // Small sites: the scan's own lstat calls (helper threads would cost more than they save).
    if (table.size >= table.minPaths) table.prefetch();
    // Paths below are joined by hand (path.join normalises, which at 100,000 posts costs more
    // than the lstat): the base must end without a separator, as join leaves it.
    const base = contentDir.length > 1 ? contentDir.replace(/[\\/]+$/, '') || contentDir : contentDir;
    // [folder, its parent's content-relative path, its name]: the folder's own path is joined
    // only when needed (not for a bundle the last scan already knows).
    const stack: Array<[string, string, string]> = [[base, '', '']];
    while (stack.length) {
      const [dir, parentRel, dirName] = stack.pop()!;
      const listing = this.list(dir, gen);
      if (!listing) continue;
      if (listing.leaf && dirName) {
        out.push(this.bundle(parentRel, dirName, listing, gen));
        continue;
      }
      const rel = parentRel ? `${parentRel}/${dirName}` : dirName;
      for (const [name, kind, abs, slot] of listing.entries) {
        if (name.startsWith('.')) continue;
        if (kind === 'dir') stack.push([abs, rel, name]);
        else if (kind === 'file' && MD_RE.test(name)) {
          const st = this.statOf(slot, abs);
          if (st?.isFile()) out.push({ path: rel ? `${rel}/${name}` : name, files: [{ rel: '', abs, stat: st }] });
        }
      }
    }
    // forEach, not for-of: no [key, value] pair built per folder (100,000 of them per status).
    this.listings.forEach((l, k) => {
      if (l.seen !== gen) {
        this.listings.delete(k);
        table.dead += l.slots;
      }
    });
    return out;
  }

  /** A path's stat data: from the table when this scan's prefetch took them, else lstat'ed now. */
  private statOf(slot: number, abs: string): LiteStat | null {
    const t = this.table;
    if (!t.has(slot)) {
      const st = lstatOrNull(abs);
      return st ? new LiteStat(st) : null;
    }
    const mode = t.mode(slot);
    return mode === 0 ? null : new LiteStat({ size: t.sizeOf(slot), mtimeMs: t.mtimeMs(slot), ino: t.ino(slot), mode });
  }

  /** Gives a cached listing (the folder and the entries a scan lstat's) its slots in the table. */
  private giveSlots(dir: string, listing: Listing): void {
    const t = this.table;
    listing.slot = t.add(dir);
    let n = 1;
    for (const e of listing.entries) {
      const [name, kind, abs] = e;
      // What a scan lstat's: Markdown files outside bundles, every file inside one (not .git, not temp files).
      const wanted = (kind === 'file' || kind === 'link') && name !== '.git' && !TEMP_FILE_RE.test(name) && (listing.leaf !== null || MD_RE.test(name));
      e[3] = wanted ? t.add(abs) : -1;
      if (wanted) n++;
    }
    listing.slots = n;
  }

  /** Renumbers the table with only the slots of cached listings. */
  private reslot(): void {
    this.table.clear();
    this.listings.forEach((l, dir) => this.giveSlots(dir, l));
  }

  /**
   * A leaf bundle's post. When the folder is unchanged and each file's stat data match the last
   * scan's, the last scan's object is returned as it was: a warm status of 100,000 posts then
   * builds nothing per file but the lstat (and the status knows the post unchanged at a glance).
   */
  private bundle(parentRel: string, name: string, listing: Listing, gen: number): ScannedPost {
    const prev = listing.post;
    if (prev && this.sameFlatFiles(listing.entries, prev.files)) return prev;
    const files: WorkFile[] = [];
    this.collect('', listing.entries, files, gen);
    const post: ScannedPost = { path: `${parentRel ? `${parentRel}/` : ''}${name}/${listing.leaf}`, files };
    listing.post = post;
    return post;
  }

  /** Every file of a bundle folder (recursively, `.git` excluded) with its stat data. */
  private collect(prefix: string, entries: Entry[], out: WorkFile[], gen: number): void {
    for (const [name, kind, abs, slot] of entries) {
      // Temp files of interrupted saves are never part of a post (as in listWorkFiles).
      if (name === '.git' || TEMP_FILE_RE.test(name)) continue;
      const rel = prefix ? `${prefix}/${name}` : name;
      if (kind === 'dir') {
        const sub = this.list(abs, gen);
        if (sub) this.collect(rel, sub.entries, out, gen);
      } else if (kind === 'file' || kind === 'link') {
        const st = this.statOf(slot, abs);
        if (st && (st.isFile() || st.isSymbolicLink())) out.push({ rel, abs, stat: st });
      }
    }
  }

  private list(dir: string, gen: number): Listing | null {
    const hit = this.listings.get(dir);
    const t = this.table;
    let mtimeMs: number;
    let ino: number;
    if (hit && t.has(hit.slot)) {
      if ((t.mode(hit.slot) & constants.S_IFMT) !== constants.S_IFDIR) return null;
      mtimeMs = t.mtimeMs(hit.slot);
      ino = t.ino(hit.slot);
    } else {
      const st = lstatOrNull(dir);
      if (!st?.isDirectory()) return null;
      mtimeMs = st.mtimeMs;
      ino = st.ino;
    }
    if (hit && hit.mtimeMs === mtimeMs && hit.ino === ino) {
      hit.seen = gen;
      return hit;
    }
    let entries: Entry[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).map((e) => [
        e.name,
        e.isDirectory() ? 'dir' : e.isFile() ? 'file' : e.isSymbolicLink() ? 'link' : 'other',
        `${dir}${sep}${e.name}`,
        -1,
      ]);
    } catch {
      return null;
    }
    const leaf = entries.find(([name, kind]) => kind === 'file' && LEAF_RE.test(name))?.[0] ?? null;
    const listing: Listing = { mtimeMs, ino, slot: -1, slots: 0, entries, leaf, seen: gen };
    // The listing it replaces (changed, or gone) leaves its slots dead.
    if (hit) t.dead += hit.slots;
    if (Date.now() - mtimeMs > RACY_MS) {
      this.giveSlots(dir, listing);
      this.listings.set(dir, listing);
    } else this.listings.delete(dir);
    return listing;
  }

  /**
   * True when a folder without subfolders still holds exactly the files of `files` (same names in
   * the same order) with the same stat data. A bundle with subfolders answers false (collected anew).
   */
  private sameFlatFiles(entries: Entry[], files: WorkFile[]): boolean {
    const t = this.table;
    let k = 0;
    for (const [name, kind, abs, slot] of entries) {
      if (name === '.git' || TEMP_FILE_RE.test(name)) continue;
      if (kind === 'dir') return false;
      if (kind !== 'file' && kind !== 'link') continue;
      const f = files[k++];
      if (!f || f.rel !== name) return false;
      if (t.has(slot)) {
        if (t.mode(slot) !== f.stat.mode || t.sizeOf(slot) !== f.stat.size || t.mtimeMs(slot) !== f.stat.mtimeMs || t.ino(slot) !== f.stat.ino) return false;
        continue;
      }
      const st = lstatOrNull(abs);
      if (!st || st.size !== f.stat.size || st.mtimeMs !== f.stat.mtimeMs || st.ino !== f.stat.ino || st.mode !== f.stat.mode) return false;
    }
    return k === files.length;
  }
}

function lstatOrNull(abs: string): Stats | null {
  try {
    return lstatSync(abs, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}
