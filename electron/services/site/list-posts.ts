// Lists every post of a site from front matter alone: leaf bundles (index.md), branch bundles
// (_index.md, shown as sections) and single files, newest first. Other Markdown files inside a
// leaf bundle are page resources, not posts. Results are cached by file stat so that listing
// again after one change only re-reads that file; given a cache file, the cache is kept on disk
// between runs too, so the first listing after launch reads only the files that changed
// (path + mtime + size: a file another program changed is read again). At the next launch of a
// 100,000-post site that listing is mostly stat calls: they run on helper threads from the
// moment the cache's paths are read (parallel-lstat.ts), and folders unchanged since the last
// walk are not read at all (post-walk.ts). 1.5 s became about 0.8 s on a 2-core machine. A
// first listing (no cache) reads the posts' heads on a helper thread while this one parses
// them (parallel-head-read.ts): about 4 s became 3 s. The file's layout: list-cache-format.ts.
//
// The synchronous file calls here run in the disk worker thread (worker/disk-worker.ts) when the
// app lists posts, never on the main process's event loop; the CLI and the bench call the
// class directly.
import { constants as fsConstants, lstatSync, readdirSync, readFileSync, openSync, fstatSync, readSync, closeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import { writeFileAtomic } from '../fs/atomic-write';
import type { PostSummary } from '../../../shared/ipc/channels/site';
import { splitFrontMatter } from '../../../shared/frontmatter/split';
import { parseFieldsFast, asStringList, asDateString } from '../../../shared/post/fast-fields';
import { dateToMs } from '../../../shared/post/date-ms';
import { sortNewestFirst } from '../../../shared/post/sort-posts';
import { plainFrontMatterError } from '../../../shared/post/plain-front-matter-error';
import { hasMojibake } from '../../../shared/mojibake';
import { checkRelativePath } from '../fs/safe-path';
import { StatTable } from '../git/parallel-lstat';
import { HeadReader, type ReadHead } from './parallel-head-read';
import { headText } from './head-text';
import { encodeListCache, openListCache } from './list-cache-format';

export { sortNewestFirst };
export { findPostFiles, findPostFilesSync, findPostRelsSync, knownLeavesOf } from './post-walk';
import { findPostRelsSync, knownLeavesOf, type FolderRecord } from './post-walk';
import { MD_RE, LEAF_RE, BRANCH_RE } from '../../../shared/post/post-files';
import { stopIfCancelled } from '../../../shared/ipc/errors';

/** A single file or folder name: not empty, not '.' or '..', no separator. */
function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}

/** `name` or `folder/name`, each a plain name: what one folder of the walk can hold as a post. */
function isPostBelow(rest: string): boolean {
  const slash = rest.indexOf('/');
  return slash < 0 ? isPlainName(rest) : isPlainName(rest.slice(0, slash)) && isPlainName(rest.slice(slash + 1));
}

/** The file type bits of a stat's mode, and their value for a plain file. */
const { S_IFMT, S_IFREG } = fsConstants;

/** Front matter sits at the top; a post whose front matter is longer than this is read whole. */
const HEAD_BYTES = 16 * 1024;

interface CacheEntry {
  mtimeMs: number;
  size: number;
  summary: PostSummary;
  /**
   * The listing that last saw this post (a number per entry, not a set of 100,000 paths per
   * listing). Set when the entry is made (0: none yet): added later, it gave each of 100,000
   * entries a new shape and a property array of its own during the warm listing.
   */
  seen: number;
  /** Its slot in the stat table of the listing under way (-1: none; read the file's stat). */
  slot: number;
}

/** The folder records (post-walk.ts) in the cache file: posts as rows of the post columns. */
interface FolderColumns {
  path: string[];
  mtimeMs: number[];
  posts: number[][];
  subs: string[][];
}
/** How long after a listing that changed the cache it is written (one write, not one per call). */
const SAVE_AFTER_MS = 1000;

export class PostLister {
  private cache = new Map<string, CacheEntry>();
  private loaded: Promise<void> | null = null;
  private dirty = false;
  private saveTimer: NodeJS.Timeout | null = null;
  /** The write under way: writes run one after another, so an older one never lands last. */
  private saving: Promise<void> = Promise.resolve();
  /** Files read (the cache missed) by the last list(): what a listing really cost. */
  filesRead = 0;
  /** Folders the last list() read (not known unchanged from a walk before). */
  foldersRead = 0;
  private generation = 0;
  /**
   * The known posts' files, stat'ed on several threads before a listing compares them with the
   * cache: at 100,000 posts one thread spent most of a warm listing (some 0.9 s of 1.5 s) in
   * lstat calls. Kept between listings so that its helper threads are started once.
   */
  private readonly stats: StatTable;
  /** The folders the last walk read or trusted, for the next one (post-walk.ts). */
  private folders = new Map<string, FolderRecord>();
  /** A prefetch of the table is under way, for the next listing's walk to overlap. */
  private statsStarted = false;
  /** Bumped by each listing once its stat data are in (see list()). */
  private scan = 0;
  /** Reads the heads of posts the cache does not know on helper threads (a first listing). */
  private readonly heads: HeadReader;

  /** `cacheFile`: where summaries are kept between runs (none: memory only). */
  constructor(
    private contentDir: string,
    private readonly cacheFile: string | null = null,
    statOptions: ConstructorParameters<typeof StatTable>[0] = {},
    readOptions: ConstructorParameters<typeof HeadReader>[0] = {},
  ) {
    const helpers = Math.max(1, Math.min(3, availableParallelism() - 1));
    this.stats = new StatTable({ helpers, ...statOptions });
    this.heads = new HeadReader({ helpers, ...readOptions });
  }

  /** Takes in the cache a previous run left; a missing, damaged or foreign file is ignored. */
  load(): Promise<void> {
    this.loaded ??= (async () => {
      if (!this.cacheFile) return;
      try {
        // Booted while the file is read: the helpers are ready when the paths are.
        this.stats.warmUp();
        // One synchronous read (this runs on the disk worker, not the main process): the promise
        // version reads a 14 MB cache in slices, some 40 ms slower.
        const opened = openListCache(readFileSync(this.cacheFile), this.contentDir);
        if (!opened) return;
        const { paths, pathBlock } = opened;
        // The helper threads stat the known files while this thread reads the rest of the cache,
        // builds the entries and walks the folders (list() finishes the prefetch): the stat
        // calls, half of a warm listing on one thread, are then mostly done on another core.
        this.startStats(paths, pathBlock);
        const rest = opened.rows((slot, { mtimeMs, size, summary }) => {
          const known = this.cache.get(summary.path);
          if (known) {
            known.slot = -1; // its slot was the first one's; neither is trusted
            return;
          }
          this.cache.set(summary.path, { mtimeMs, size, summary, seen: 0, slot });
        });
        if (!rest) {
          this.cache.clear();
          return;
        }
        this.folders = PostLister.foldersOf(rest.folders, paths);
      } catch {
        // No cache yet, or one that cannot be read: this listing reads the files and writes one.
        this.cache.clear();
      }
    })();
    return this.loaded;
  }

  /** Writes the cache now if it changed (when the site closes, and in tests). */
  save(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    this.saving = this.saving.then(() => this.write());
    return this.saving;
  }

  private async write(): Promise<void> {
    if (!this.cacheFile || !this.dirty) return;
    this.dirty = false;
    const posts = [...this.cache.values()];
    const index = new Map<string, number>();
    for (let i = 0; i < posts.length; i++) index.set(posts[i].summary.path, i);
    try {
      await mkdir(dirname(this.cacheFile), { recursive: true });
      await writeFileAtomic(this.cacheFile, encodeListCache(this.contentDir, posts, this.folderColumns(index)));
    } catch {
      // A read-only or full disk: the cache stays in memory; the next launch reads the files.
    }
  }

  /**
   * The folder records, their posts as rows of the cache file (`index`: path → row). A record
   * with a post the cache does not hold is left out: that folder is read at the next launch.
   */
  private folderColumns(index: ReadonlyMap<string, number>): FolderColumns {
    const out: FolderColumns = { path: [], mtimeMs: [], posts: [], subs: [] };
    for (const [rel, record] of this.folders) {
      const rows = record.posts.map((p) => index.get(p) ?? -1);
      if (rows.includes(-1)) continue;
      out.path.push(rel);
      out.mtimeMs.push(record.mtimeMs);
      out.posts.push(rows);
      out.subs.push([...record.subs]);
    }
    return out;
  }

  /** The folder records a cache file kept (see folderColumns); none when they do not check. */
  private static foldersOf(saved: unknown, paths: readonly string[]): Map<string, FolderRecord> {
    const out = new Map<string, FolderRecord>();
    const f = saved as Partial<Record<keyof FolderColumns, unknown>> | undefined;
    if (!f || !Array.isArray(f.path) || !Array.isArray(f.mtimeMs) || !Array.isArray(f.posts) || !Array.isArray(f.subs)) return out;
    const n = f.path.length;
    if (f.mtimeMs.length !== n || f.posts.length !== n || f.subs.length !== n) return out;
    for (let i = 0; i < n; i++) {
      const [rel, mtimeMs, rows, subs] = [f.path[i], f.mtimeMs[i], f.posts[i], f.subs[i]] as unknown[];
      if (typeof rel !== 'string' || typeof mtimeMs !== 'number' || !Array.isArray(rows) || !Array.isArray(subs)) return new Map();
      if (!rows.every((r) => Number.isInteger(r) && r >= 0 && r < paths.length)) return new Map();
      const posts = rows.map((r: number) => paths[r]);
      // Paths that the walk reads: only a folder inside the content folder, its own subfolders
      // and the posts it holds (a post, or a bundle's index file one folder down), never a
      // path that climbs out, whatever the file says.
      const prefix = rel ? `${rel}/` : '';
      if (rel && !rel.split('/').every(isPlainName)) return new Map();
      if (!subs.every((x) => typeof x === 'string' && x.startsWith(prefix) && isPlainName(x.slice(prefix.length)))) return new Map();
      if (!posts.every((p) => p.startsWith(prefix) && isPostBelow(p.slice(prefix.length)))) return new Map();
      out.set(rel, { mtimeMs, posts, subs: subs as string[] });
    }
    return out;
  }

  private changed(): void {
    this.dirty = true;
  }

  /** Writes the cache soon (called when a listing ends, never half way through one). */
  private saveSoon(): void {
    if (!this.dirty || !this.cacheFile || this.saveTimer) return;
    this.saveTimer = setTimeout(() => void this.save(), SAVE_AFTER_MS);
    this.saveTimer.unref?.();
  }

  /** Chunks of posts whose heads helper threads read for this lister (parallel-head-read.ts). */
  get headChunksReadAhead(): number {
    return this.heads.helperChunks;
  }

  /** How many posts' summaries are known (read at least once and still there). */
  get known(): number {
    return this.cache.size;
  }

  /**
   * Synchronous reads in slices, yielding to the event loop between slices: for thousands of
   * small files this is several times faster than a promise per file on libuv's 4 threads.
   * `signal`: the caller gave up (another site opened, the window closed): stop reading.
   */
  async list(signal?: AbortSignal): Promise<PostSummary[]> {
    await this.load();
    this.filesRead = 0;
    // Stat'ed on the helper threads during the walk (started by load() at the first listing).
    if (!this.statsStarted) this.startStats();
    // Nothing known yet (a first launch): the files will all be read, on helper threads that
    // boot while the folders are walked.
    if (this.cache.size === 0) this.heads.warmUp();
    let files: string[];
    // Needed only for folders read again (see below) and for a bundle that lost its index file:
    // made when first asked for, as it costs a pass over every known post.
    let leaves: Map<string, string> | undefined;
    const knownLeaves = { get: (dir: string) => (leaves ??= this.knownLeaves()).get(dir) };
    try {
      // A folder unchanged since a walk read it is not read again (post-walk.ts).
      const folders = { known: this.folders, next: new Map<string, FolderRecord>(), read: 0 };
      files = findPostRelsSync(this.contentDir, knownLeaves, '', folders);
      this.foldersRead = folders.read;
      if (folders.next.size !== this.folders.size || [...folders.next].some(([k, r]) => this.folders.get(k) !== r)) this.changed();
      this.folders = folders.next;
    } finally {
      // Always: helpers must never be left reading a table that the next listing changes.
      this.statsStarted = false;
      this.stats.finishPrefetch();
    }
    // A listing started while this one waits (below) refills the table: from then on this one
    // stats its files itself.
    const scan = ++this.scan;
    const generation = ++this.generation;
    const out: PostSummary[] = [];
    /** Entries this listing saw: when that is all of them, none is gone (no pass over them). */
    let seen = 0;
    // The posts the cache does not know, in the walk's order: read ahead on helper threads when
    // there are many (parallel-head-read.ts); `u` is the next of them the loop comes to.
    const unknown = this.cache.size === 0 ? files.slice() : files.filter((rel) => !this.cache.has(rel));
    const reads = this.heads.start(`${this.contentDir}${sep}`, unknown, HEAD_BYTES);
    let u = 0;
    try {
      for (let i = 0; i < files.length; i++) {
        if (i % 500 === 499) {
          await new Promise((r) => setImmediate(r));
          stopIfCancelled(signal);
        }
        const rel = files[i];
        const read = reads && u < unknown.length && unknown[u] === rel ? reads.take(u++) : null;
        const summary = read === 'gone' ? null : this.summaryOf(rel, scan === this.scan, undefined, read);
        if (summary) {
          const entry = this.cache.get(rel)!;
          if (entry.seen !== generation) {
            seen++;
            // Never back: a later listing running alongside this one may have seen it already.
            if (entry.seen < generation) entry.seen = generation;
          }
          out.push(summary);
          continue;
        }
        // A bundle taken from the cache without reading its folder lost its index.md: read the
        // folder now, as a first listing would.
        const slash = rel.lastIndexOf('/');
        const dir = rel.slice(0, Math.max(slash, 0));
        if (slash > 0 && knownLeaves.get(dir) === rel.slice(slash + 1)) {
          leaves!.delete(dir);
          files.push(...findPostRelsSync(this.contentDir, undefined, dir));
        }
      }
    } finally {
      reads?.end();
    }
    if (scan === this.scan) this.stats.endScan();
    for (const [k, e] of seen === this.cache.size ? [] : this.cache) {
      // Seen by this listing or by a later one running alongside it: still there.
      if (e.seen >= generation) continue;
      this.cache.delete(k);
      this.changed();
    }
    this.saveSoon();
    return sortNewestFirst(out);
  }

  /**
   * Fills the stat table with the known posts' files (`rels`: the cache file's paths, in the
   * order of its entries' slots; none: the cache's own entries, given their slots here) and sets
   * the helper threads to stat them. list() finishes it after its walk.
   */
  private startStats(rels?: readonly string[], block?: Buffer): void {
    let all = rels;
    if (!all) {
      const known: string[] = [];
      for (const [rel, e] of this.cache) e.slot = known.push(rel) - 1;
      all = known;
    }
    this.stats.replaceAll(`${this.contentDir}${sep}`, all, block);
    this.stats.startPrefetch();
    this.statsStarted = true;
  }

  /** Stops the stat helper threads (they hold nothing; a later listing starts them again). */
  close(): void {
    this.stats.close();
    this.heads.close();
  }

  /**
   * The bundle folders the cache knows (content-relative folder → its index file's name). The
   * walk then stats each one's index file instead of reading the folder: a folder holding an
   * index file is a leaf bundle whatever else it holds, so on a 100,000-post site the listing
   * costs one stat per post instead of a folder read and a stat.
   */
  private knownLeaves(): Map<string, string> {
    return knownLeavesOf(this.cache.keys());
  }

  /**
   * One post's entry, read again only when its file changed (stat): after a save or a change by
   * another program, the list updates that entry instead of listing the whole site. Null when
   * the path is not a post the list would show (gone, not Markdown, a resource of a bundle).
   */
  one(path: string): PostSummary | null {
    const rel = checkRelativePath(path).split(sep).join('/');
    if (!MD_RE.test(rel)) return null;
    const abs = join(this.contentDir, ...rel.split('/'));
    const name = rel.split('/').pop() ?? rel;
    // As the walk does: nothing reached through a symlink (it may point outside the site).
    if (!reachedWithoutLinks(this.contentDir, rel)) return null;
    // A Markdown file beside a bundle's index.md is a resource of that page, not a post.
    if (!LEAF_RE.test(name) && rel.includes('/')) {
      const dir = abs.slice(0, abs.length - name.length);
      try {
        if (readdirSync(dir).some((n) => LEAF_RE.test(n))) return null;
      } catch {
        return null;
      }
    }
    const summary = this.summaryOf(rel, false, abs);
    if (!summary && this.cache.delete(rel)) this.changed();
    this.saveSoon();
    return summary;
  }

  /**
   * `fromTable`: the caller is the listing whose stat data the table holds, taken a moment ago
   * (one() is not: it is asked after a change, and must see it).
   */
  private summaryOf(rel: string, fromTable: boolean, absPath?: string, read: ReadHead | null = null): PostSummary | null {
    const hit = this.cache.get(rel);
    if (hit) {
      const slot = fromTable ? hit.slot : -1;
      // A known post costs one stat, not an open, a stat and a close. lstat: a known bundle's
      // index file (taken without the walk's look) that became a link, which may point outside
      // the site, is no post; its folder is then read as the walk would.
      if (this.stats.has(slot)) {
        // Mode 0: gone (or unreadable); otherwise its file type bits must say a plain file.
        if ((this.stats.mode(slot) & S_IFMT) !== S_IFREG) return null;
        if (hit.mtimeMs === this.stats.mtimeMs(slot) && hit.size === this.stats.sizeOf(slot)) return hit.summary;
      } else {
        const st = lstatSync(absPath ?? `${this.contentDir}${sep}${rel}`, { throwIfNoEntry: false });
        if (!st?.isFile()) return null; // deleted while listing, or no plain file any more
        if (hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.summary;
      }
    }
    // Read ahead by a helper thread: the same bytes readHead() takes, unless the front matter
    // runs past them (then the file is read whole, here).
    if (read) {
      const head = headText(read.bytes);
      if (!(read.size > HEAD_BYTES && splitFrontMatter(head.text).error)) return this.remember(rel, read.mtimeMs, read.size, summarize(rel, head.text, head.binary));
    }
    let fd: number;
    try {
      fd = openSync(absPath ?? `${this.contentDir}${sep}${rel}`, 'r');
    } catch {
      return null; // deleted while listing
    }
    try {
      const st = fstatSync(fd);
      const { text, binary } = readHead(fd, st.size);
      return this.remember(rel, st.mtimeMs, st.size, summarize(rel, text, binary));
    } finally {
      closeSync(fd);
    }
  }

  /** A post just read: its summary, kept with the stat data it was read with. */
  private remember(rel: string, mtimeMs: number, size: number, summary: PostSummary): PostSummary {
    this.filesRead++;
    this.cache.set(rel, { mtimeMs, size, summary, seen: 0, slot: -1 });
    this.changed();
    return summary;
  }
}

/** One buffer for every head read (the listing is synchronous): no allocation per post. */
const head = Buffer.allocUnsafe(HEAD_BYTES);

/** What the list reads of a post: its first HEAD_BYTES, or all of it when its front matter runs past them. */
function readHead(fd: number, size: number): { text: string; binary: boolean } {
  const len = readSync(fd, head, 0, Math.min(size, HEAD_BYTES), 0);
  const text = headText(head.subarray(0, len));
  if (size > HEAD_BYTES && splitFrontMatter(text.text).error) {
    const all = Buffer.alloc(size);
    readSync(fd, all, 0, size, 0);
    return headText(all);
  }
  return text;
}

/** `binary`: whether the text read holds a 0 byte (given by a caller that decoded only part of it, see head-text.ts). */
export function summarize(rel: string, text: string, binary = text.includes('\0')): PostSummary {
  const name = rel.split('/').pop() ?? rel;
  const kind = LEAF_RE.test(name) ? 'leaf-bundle' : BRANCH_RE.test(name) ? 'branch-bundle' : 'single';
  const segments = rel.split('/');
  const section = segments.length > 1 ? segments[0] : '';
  const split = splitFrontMatter(text);
  let fields: Record<string, unknown> = {};
  let error = split.error;
  let garbled = false;
  if (!error && split.format !== 'none') {
    const fm = text.slice(split.fmStart, split.fmEnd);
    const parsed = parseFieldsFast(split.format, fm);
    fields = parsed.fields;
    // The parser counts lines from the front matter's first line; the writer counts the file's.
    error = parsed.error && plainFrontMatterError(parsed.error, lineAt(text, split.fmStart));
    // Only non-ASCII text can be garbled: most front matter skips the detector entirely.
    garbled = /[^\u0020-\u007e\s]/.test(fm) && hasMojibake(fm);
  }
  if (binary) error = 'This file holds binary data, not text.';
  const fallbackTitle = kind === 'single' ? name.replace(MD_RE, '') : segments[segments.length - 2] ?? name;
  const date = asDateString(fields.date ?? fields.publishDate ?? fields.pubdate ?? fields.Pubdate ?? null);
  return {
    path: rel,
    title: typeof fields.title === 'string' && fields.title.trim() ? fields.title : fallbackTitle,
    date,
    dateMs: dateToMs(date),
    draft: fields.draft === true || fields.draft === 'true',
    tags: asStringList(fields.tags),
    section,
    kind,
    frontMatterError: error,
    garbled,
  };
}

/** True when every step from `dir` down to `rel` is a plain folder or file, never a symlink. */
function reachedWithoutLinks(dir: string, rel: string): boolean {
  let cur = dir;
  for (const part of rel.split('/')) {
    cur = join(cur, part);
    try {
      if (lstatSync(cur).isSymbolicLink()) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** The 1-based line of `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
