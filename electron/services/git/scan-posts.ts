// One walk of the content folder that finds the posts (same rules as the post list: a folder
// with index.md is a leaf bundle whose other files are its resources; hidden folders skipped)
// and collects each post's unit files with their stat data. Folder listings are cached by the
// folder's own stat (adding, removing or renaming an entry changes a folder's mtime), so a
// repeated status costs one lstat per folder and per file instead of a readdir per folder:
// on 10,000 posts that walk is most of the cost of a status. Each cached folder and file has a
// slot in a table of paths (parallel-lstat.ts) whose stat data are taken on this thread and
// three helper threads just before a scan, so a large site's lstat calls are shared among the
// cores, as git shares them.
//
// Given a cache file, the listings are kept on disk between launches too (in the repository's
// git folder, as the stat cache): the first status after a launch then lstat's each folder
// (on the helper threads) instead of reading it, as git's untracked cache does. At 100,000 posts
// the folder reads were a quarter of that status and grew faster than the site.
import { constants, lstatSync, readdirSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { sep } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import { LiteStat, type WorkFile } from './worktree-hash';
import { StatTable } from './parallel-lstat';
import type { PostUnit } from './repo';
import { TEMP_FILE_RE } from '../fs/atomic-write';
import { MD_RE, LEAF_RE } from '../../../shared/post/post-files';

const RACY_MS = 3000;
/** The name of the folder-listing cache inside the repository's git folder. */
export const FOLDER_CACHE_FILE = 'postwright-folder-cache.json';
/** Bumped whenever the file's layout changes: an older file is ignored. */
const FOLDER_CACHE_VERSION = 1;
/** How long after a scan that changed the listings they are written (one write, not one per scan). */
const SAVE_AFTER_MS = 1000;
/**
 * Fewer folders than this and the listings are not written: reading a few hundred folders takes
 * milliseconds, and a small site's git folder then gets no file of ours (opening a site, even a
 * damaged one, leaves its files as they were).
 */
export const FOLDER_CACHE_MIN_FOLDERS = 2000;
/** An entry's kind as one letter in the cache file (and back). */
const KIND_CODE: Record<Kind, string> = { dir: 'd', file: 'f', link: 'l', other: 'o' };
const CODE_KIND: Record<string, Kind> = { d: 'dir', f: 'file', l: 'link', o: 'other' };

/**
 * The cache file's layout: one array per field, entry i of each being folder i. A folder's
 * entries are one string, each entry its kind's letter and its name, joined by '/' (which no
 * file name holds on any system): one string per folder instead of an array per entry.
 */
interface FolderCache {
  version: number;
  /** The content folder the listings are of (the file is ignored for another). */
  base: string;
  /** Each folder's path after `base` ('' for the content folder itself). */
  dirs: string[];
  mtimeMs: number[];
  ino: number[];
  entries: string[];
}

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
  private loaded: Promise<void> | null = null;
  /** The listings changed since they were last written. */
  private dirty = false;
  private saveTimer: NodeJS.Timeout | null = null;
  /** The write under way: writes run one after another, so an older one never lands last. */
  private saving: Promise<void> = Promise.resolve();
  /** The content folder of the last scan (what the cache file's listings are of). */
  private base: string | null = null;
  /** The listings were written once by this scanner (saveSoon). */
  private written = false;
  /** Folders read (their listing was not known or changed) since the scanner was made. */
  foldersRead = 0;
  /** The fewest folders whose listings are written to the cache file (tests lower it). */
  minCachedFolders = FOLDER_CACHE_MIN_FOLDERS;

  /**
   * `parallel: false`: every lstat on this thread; the other options are for tests (StatTable).
   * `cacheFile`: where the folder listings are kept between launches (none: memory only).
   */
  constructor(
    options: ConstructorParameters<typeof StatTable>[0] = {},
    private readonly cacheFile: string | null = null,
  ) {
    this.table = new StatTable(options);
  }

  /** How many folder listings the scanner keeps (tests: which sites' listings are written). */
  listingsCount(): number {
    return this.listings.size;
  }

  /** Stops the helper threads, if they run (a new large scan starts them again). */
  close(): void {
    this.table.close();
  }

  /**
   * Takes in the listings a previous launch left for `contentDir` (once; before the first scan).
   * A missing, damaged or foreign file is ignored: that scan reads the folders.
   */
  load(contentDir: string): Promise<void> {
    this.loaded ??= (async () => {
      if (!this.cacheFile) return;
      const base = baseOf(contentDir);
      try {
        const saved = JSON.parse(await readFile(this.cacheFile, 'utf8')) as Partial<FolderCache>;
        if (saved.version !== FOLDER_CACHE_VERSION || saved.base !== base) return;
        const { dirs, mtimeMs, ino, entries } = saved;
        if (!Array.isArray(dirs) || ![mtimeMs, ino, entries].every((a) => Array.isArray(a) && a.length === dirs.length)) return;
        // The file is of this content folder: a scan that changes no listing need not rewrite it.
        this.base = base;
        for (let i = 0; i < dirs.length; i++) {
          const listing = decodeListing(dirs[i], mtimeMs![i], ino![i], entries![i], base);
          if (!listing || this.listings.has(listing.dir)) continue;
          this.giveSlots(listing.dir, listing.listing);
          this.listings.set(listing.dir, listing.listing);
        }
      } catch {
        // No cache yet, or one that cannot be read: the first scan reads every folder.
      }
    })();
    return this.loaded;
  }

  /** Writes the listings now if they changed (when the site closes, and in tests). */
  flush(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    this.saving = this.saving.then(() => this.write());
    return this.saving;
  }

  private async write(): Promise<void> {
    const base = this.base;
    if (!this.cacheFile || !this.dirty || base === null || this.listings.size < this.minCachedFolders) return;
    this.dirty = false;
    const out: FolderCache = { version: FOLDER_CACHE_VERSION, base, dirs: [], mtimeMs: [], ino: [], entries: [] };
    this.listings.forEach((l, dir) => {
      if (!dir.startsWith(base)) return;
      out.dirs.push(dir.slice(base.length));
      out.mtimeMs.push(l.mtimeMs);
      out.ino.push(l.ino);
      out.entries.push(l.entries.map(([name, kind]) => KIND_CODE[kind] + name).join('/'));
    });
    this.written = true;
    try {
      await writeFileAtomic(this.cacheFile, Buffer.from(JSON.stringify(out)));
    } catch {
      // A read-only repository or a full disk: the next launch reads the folders.
    }
  }

  /**
   * Writes the listings soon after the first scan (so that a launch that ends in a crash still
   * leaves them); later changes wait for flush() when the site closes. A save changes its
   * bundle's folder, and rewriting 100,000 listings after each status would cost the thread a
   * moment per save; a listing left stale on disk is only read again (its folder's time differs).
   */
  private saveSoon(): void {
    if (!this.dirty || !this.cacheFile || this.saveTimer || this.written) return;
    this.saveTimer = setTimeout(() => void this.flush(), SAVE_AFTER_MS);
    this.saveTimer.unref?.();
  }

  scan(contentDir: string): ScannedPost[] {
    try {
      return this.walk(contentDir);
    } finally {
      this.table.endScan();
      this.saveSoon();
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
    const base = baseOf(contentDir);
    if (this.base !== base) {
      this.base = base;
      this.dirty = true;
    }
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
        this.dirty = true;
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
    this.foldersRead++;
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
      this.dirty = true;
    } else if (this.listings.delete(dir)) this.dirty = true;
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

/** The content folder as the walk joins paths to it: without a trailing separator. */
function baseOf(contentDir: string): string {
  // Joined by hand below (path.join normalises, which at 100,000 posts costs more than the lstat).
  return contentDir.length > 1 ? contentDir.replace(/[\\/]+$/, '') || contentDir : contentDir;
}

/** A folder listing from the cache file; null when any part is not what write() makes. */
function decodeListing(rel: unknown, mtimeMs: unknown, ino: unknown, packed: unknown, base: string): { dir: string; listing: Listing } | null {
  if (typeof rel !== 'string' || typeof mtimeMs !== 'number' || typeof ino !== 'number' || typeof packed !== 'string') return null;
  // The content folder itself, or a folder below it: never a path that climbs out.
  if (rel !== '' && (!rel.startsWith(sep) || rel.split(/[\\/]/).some((p, i) => (i > 0 && !p) || p === '.' || p === '..'))) return null;
  const dir = base + rel;
  const entries: Entry[] = [];
  if (packed) {
    for (const part of packed.split('/')) {
      const kind = CODE_KIND[part[0]];
      const name = part.slice(1);
      if (!kind || !name || name === '.' || name === '..' || name.includes(sep)) return null;
      entries.push([name, kind, `${dir}${sep}${name}`, -1]);
    }
  }
  const leaf = entries.find(([name, kind]) => kind === 'file' && LEAF_RE.test(name))?.[0] ?? null;
  return { dir, listing: { mtimeMs, ino, slot: -1, slots: 0, entries, leaf, seen: 0 } };
}

function lstatOrNull(abs: string): Stats | null {
  try {
    return lstatSync(abs, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}
