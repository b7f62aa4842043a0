// Lists every post of a site from front matter alone: leaf bundles (index.md), branch bundles
// (_index.md, shown as sections) and single files, newest first. Other Markdown files inside a
// leaf bundle are page resources, not posts. Results are cached by file stat so that listing
// again after one change only re-reads that file; given a cache file, the cache is kept on disk
// between runs too, so the first listing after launch reads only the files that changed
// (path + mtime + size: a file another program changed is read again).
//
// The synchronous file calls here run in the disk worker thread (worker/disk-worker.ts) when the
// app lists posts, never on the main process's event loop; the CLI and the bench call the
// class directly.
import { lstatSync, readdirSync, openSync, fstatSync, readSync, closeSync, type Dirent } from 'node:fs';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import type { PostSummary } from '../../../shared/ipc/channels/site';
import { splitFrontMatter } from '../../../shared/frontmatter/split';
import { parseFieldsFast, asStringList, asDateString } from '../../../shared/post/fast-fields';
import { dateToMs } from '../../../shared/post/date-ms';
import { sortNewestFirst } from '../../../shared/post/sort-posts';
import { plainFrontMatterError } from '../../../shared/post/plain-front-matter-error';
import { hasMojibake } from '../../../shared/mojibake';
import { checkRelativePath } from '../fs/safe-path';

export { sortNewestFirst };
import { MD_RE, LEAF_RE, BRANCH_RE } from '../../../shared/post/post-files';
import { stopIfCancelled } from '../../../shared/ipc/errors';

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
}

/**
 * Bumped whenever PostSummary, summarize() or the file's layout changes, so an old cache is
 * never trusted. 2: a column per field (CacheColumns) instead of a JSON row per post.
 */
const CACHE_VERSION = 2;

/**
 * The cache file's layout: one array per field, entry i of each being post i. Columns rather
 * than an object per post: at 100,000 posts JSON.parse of the rows (an array and an object with
 * ten keys each) was most of a warm listing's start, and its garbage made the listing grow
 * faster than the site. draft and garbled are 0/1.
 */
interface CacheColumns {
  mtimeMs: number[];
  size: number[];
  path: string[];
  title: string[];
  date: Array<string | null>;
  dateMs: Array<number | null>;
  draft: number[];
  tags: string[][];
  section: string[];
  kind: Array<PostSummary['kind']>;
  frontMatterError: Array<string | null>;
  garbled: number[];
}
const COLUMNS: ReadonlyArray<keyof CacheColumns> = ['mtimeMs', 'size', 'path', 'title', 'date', 'dateMs', 'draft', 'tags', 'section', 'kind', 'frontMatterError', 'garbled'];
const KINDS = new Set<unknown>(['leaf-bundle', 'branch-bundle', 'single']);
const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';
const isNumberOrNull = (v: unknown) => v === null || typeof v === 'number';
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
  private generation = 0;

  /** `cacheFile`: where summaries are kept between runs (none: memory only). */
  constructor(
    private contentDir: string,
    private readonly cacheFile: string | null = null,
  ) {}

  /** Takes in the cache a previous run left; a missing, damaged or foreign file is ignored. */
  load(): Promise<void> {
    this.loaded ??= (async () => {
      if (!this.cacheFile) return;
      try {
        const saved = JSON.parse(await readFile(this.cacheFile, 'utf8')) as { version?: unknown; contentDir?: unknown } & Partial<Record<keyof CacheColumns, unknown>>;
        if (saved.version !== CACHE_VERSION || saved.contentDir !== this.contentDir || !Array.isArray(saved.path)) return;
        const n = saved.path.length;
        if (!COLUMNS.every((k) => Array.isArray(saved[k]) && (saved[k] as unknown[]).length === n)) return;
        const c = saved as unknown as CacheColumns;
        for (let i = 0; i < n; i++) {
          const path = c.path[i];
          const mtimeMs = c.mtimeMs[i];
          const size = c.size[i];
          const title = c.title[i];
          const date = c.date[i];
          const dateMs = c.dateMs[i];
          const tags = c.tags[i];
          const section = c.section[i];
          const kind = c.kind[i];
          const frontMatterError = c.frontMatterError[i];
          // An entry that is not what summarize() makes is skipped: that post is read again.
          if (typeof path !== 'string' || typeof mtimeMs !== 'number' || typeof size !== 'number' || typeof title !== 'string' || typeof section !== 'string') continue;
          if (!isStringOrNull(date) || !isNumberOrNull(dateMs) || !isStringOrNull(frontMatterError) || !KINDS.has(kind) || !Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) continue;
          if (this.cache.has(path)) continue;
          const summary: PostSummary = { path, title, date, dateMs, draft: c.draft[i] === 1, tags, section, kind, frontMatterError, garbled: c.garbled[i] === 1 };
          this.cache.set(path, { mtimeMs, size, summary, seen: 0 });
        }
      } catch {
        // No cache yet, or one that cannot be read: this listing reads the files and writes one.
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
    const columns = Object.fromEntries(COLUMNS.map((k) => [k, [] as unknown[]])) as unknown as CacheColumns;
    for (const { mtimeMs, size, summary: p } of this.cache.values()) {
      columns.mtimeMs.push(mtimeMs);
      columns.size.push(size);
      columns.path.push(p.path);
      columns.title.push(p.title);
      columns.date.push(p.date);
      columns.dateMs.push(p.dateMs);
      columns.draft.push(p.draft ? 1 : 0);
      columns.tags.push(p.tags);
      columns.section.push(p.section);
      columns.kind.push(p.kind);
      columns.frontMatterError.push(p.frontMatterError);
      columns.garbled.push(p.garbled ? 1 : 0);
    }
    try {
      await mkdir(dirname(this.cacheFile), { recursive: true });
      await writeFileAtomic(this.cacheFile, Buffer.from(JSON.stringify({ version: CACHE_VERSION, contentDir: this.contentDir, ...columns })));
    } catch {
      // A read-only or full disk: the cache stays in memory; the next launch reads the files.
    }
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
    const knownLeaves = this.knownLeaves();
    // Content-relative paths throughout: at 100,000 posts, path.relative/join per post (each a
    // resolve of both paths) cost more than the stat itself.
    const files = findPostRelsSync(this.contentDir, knownLeaves);
    const generation = ++this.generation;
    const out: PostSummary[] = [];
    for (let i = 0; i < files.length; i++) {
      if (i % 500 === 499) {
        await new Promise((r) => setImmediate(r));
        stopIfCancelled(signal);
      }
      const rel = files[i];
      const summary = this.summaryOf(`${this.contentDir}${sep}${rel}`, rel);
      if (summary) {
        this.cache.get(rel)!.seen = generation;
        out.push(summary);
        continue;
      }
      // A bundle taken from the cache without reading its folder lost its index.md: read the
      // folder now, as a first listing would.
      const slash = rel.lastIndexOf('/');
      const dir = rel.slice(0, Math.max(slash, 0));
      if (slash > 0 && knownLeaves.get(dir) === rel.slice(slash + 1)) {
        knownLeaves.delete(dir);
        files.push(...findPostRelsSync(this.contentDir, undefined, dir));
      }
    }
    for (const [k, e] of this.cache) {
      // Seen by this listing or by a later one running alongside it: still there.
      if (e.seen >= generation) continue;
      this.cache.delete(k);
      this.changed();
    }
    this.saveSoon();
    return sortNewestFirst(out);
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
    const summary = this.summaryOf(abs, rel);
    if (!summary && this.cache.delete(rel)) this.changed();
    this.saveSoon();
    return summary;
  }

  private summaryOf(abs: string, rel: string): PostSummary | null {
    const hit = this.cache.get(rel);
    if (hit) {
      // A known post costs one stat, not an open, a stat and a close. lstat: a known bundle's
      // index file (taken without the walk's look) that became a link, which may point outside
      // the site, is no post; its folder is then read as the walk would.
      const st = lstatSync(abs, { throwIfNoEntry: false });
      if (!st?.isFile()) return null; // deleted while listing, or no plain file any more
      if (hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.summary;
    }
    let fd: number;
    try {
      fd = openSync(abs, 'r');
    } catch {
      return null; // deleted while listing
    }
    try {
      const st = fstatSync(fd);
      const summary = summarize(rel, readHead(fd, st.size));
      this.filesRead++;
      this.cache.set(rel, { mtimeMs: st.mtimeMs, size: st.size, summary, seen: 0 });
      this.changed();
      return summary;
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * The leaf bundles among known post paths (content-relative): folder → its index file's name,
 * for findPostRelsSync's `knownLeaves`. A caller that finds such an index file gone walks its
 * folder again (findPostRelsSync(dir, undefined, folder)): it may hold posts of its own now.
 */
export function knownLeavesOf(rels: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of rels) {
    const slash = rel.lastIndexOf('/');
    if (slash > 0 && LEAF_RE.test(rel.slice(slash + 1))) out.set(rel.slice(0, slash), rel.slice(slash + 1));
  }
  return out;
}

/** Walks the content folder; skips hidden folders and the resources of leaf bundles. */
export function findPostFilesSync(dir: string): string[] {
  return findPostRelsSync(dir).map((rel) => join(dir, ...rel.split('/')));
}

/**
 * The same walk in content-relative POSIX paths (`knownLeaves` keyed by relative folder), from
 * `startRel` ('' for the whole content folder). Paths are joined by hand: Node accepts '/'
 * on every system, and the walk of a 100,000-post site must not resolve paths per post.
 */
export function findPostRelsSync(contentDir: string, knownLeaves?: ReadonlyMap<string, string>, startRel = ''): string[] {
  const out: string[] = [];
  const probe = caseSensitive(contentDir);
  const stack = [startRel];
  while (stack.length) {
    const rel = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(rel ? `${contentDir}/${rel}` : contentDir, { withFileTypes: true });
    } catch {
      continue;
    }
    // A folder holding a plain file index.md is a leaf bundle whatever else it holds: one lstat
    // tells, where reading the folder cost 4x more (most of a first listing of a 100,000-post
    // site). Only where names are exact: elsewhere 'index.md' would also find 'Index.md' and the
    // post's path would be spelt wrong.
    sortFolder(rel, entries, out, stack, (sub) => knownLeaves?.get(sub) ?? (probe && isPlainFile(`${contentDir}/${sub}/index.md`) ? 'index.md' : undefined));
  }
  return out;
}

/** findPostFilesSync without blocking the event loop (main process): one folder read at a time. */
export async function findPostFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const stack = [''];
  while (stack.length) {
    const rel = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = await readdir(rel ? `${dir}/${rel}` : dir, { withFileTypes: true });
    } catch {
      continue;
    }
    sortFolder(rel, entries, out, stack, () => undefined);
  }
  return out.map((r) => join(dir, ...r.split('/')));
}

/**
 * One folder of the walk (`rel`, content-relative POSIX): pushes its post files to `out` and the
 * folders to walk next to `next`. `leafOf(sub)` names a subfolder's bundle file when it is
 * known without reading the folder.
 */
function sortFolder(rel: string, entries: Dirent[], out: string[], next: string[], leafOf: (sub: string) => string | undefined): void {
  const prefix = rel ? `${rel}/` : '';
  const leaf = entries.find((e) => e.isFile() && LEAF_RE.test(e.name));
  if (leaf) {
    out.push(prefix + leaf.name); // everything else in a leaf bundle is a resource of that page
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    if (e.isDirectory()) {
      const sub = prefix + e.name;
      const leafName = leafOf(sub);
      if (leafName) out.push(`${sub}/${leafName}`);
      else next.push(sub);
    } else if (e.isFile() && MD_RE.test(e.name)) out.push(prefix + e.name);
  }
}

function isPlainFile(abs: string): boolean {
  try {
    return lstatSync(abs, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

const caseSensitiveDirs = new Map<string, boolean>();

/** Whether file names under `dir` are told apart by case (the folder's name spelt in the other case is not the same folder). */
function caseSensitive(dir: string): boolean {
  let known = caseSensitiveDirs.get(dir);
  if (known === undefined) {
    const name = basename(dir);
    const other = name === name.toLowerCase() ? name.toUpperCase() : name.toLowerCase();
    try {
      const here = lstatSync(dir, { throwIfNoEntry: false });
      const there = other === name ? here : lstatSync(join(dirname(dir), other), { throwIfNoEntry: false });
      // No letter in the name: nothing tells; take the safe answer (names may not be exact).
      known = !!here && other !== name && (!there || there.ino !== here.ino || there.dev !== here.dev);
    } catch {
      known = false;
    }
    caseSensitiveDirs.set(dir, known);
  }
  return known;
}

/** One buffer for every head read (the listing is synchronous): no allocation per post. */
const head = Buffer.allocUnsafe(HEAD_BYTES);

function readHead(fd: number, size: number): string {
  const len = readSync(fd, head, 0, Math.min(size, HEAD_BYTES), 0);
  let text = head.toString('utf8', 0, len);
  if (size > HEAD_BYTES && splitFrontMatter(text).error) {
    const all = Buffer.alloc(size);
    readSync(fd, all, 0, size, 0);
    text = all.toString('utf8');
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function summarize(rel: string, text: string): PostSummary {
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
  if (text.includes('\0')) error = 'This file holds binary data, not text.';
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
