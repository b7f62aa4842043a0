// Full-text search over every post of the open site (run in the disk worker): titles, tags,
// other front matter and bodies, in an inverted index of typed arrays (inverted-index.ts) whose
// per-query cost is a pass over the query words' postings, with no object per matching post. The index is built once when the
// site opens (reading files in slices so the main process keeps answering), then kept
// current file by file: the site watcher calls updateFile/removeFile, and a cheap stat pass
// after searches catches saves the watcher does not report. Given a cache file, the index is
// kept on disk between runs (index-cache.ts): a launch then reads only the posts changed since.
// Post bodies are not kept in memory (130 MB at 100,000 posts): a hit's excerpt is cut from
// its file when it is shown.
import { stat } from 'node:fs/promises';
import { constants as fsConstants, lstatSync } from 'node:fs';
import { isAbsolute, join, relative, sep, dirname, basename } from 'node:path';
import { existsSync } from 'node:fs';
import type { SiteInfo } from '../../../shared/ipc/channels/site';
import type { SearchHit, SearchRequest, SearchResponse } from '../../../shared/ipc/channels/search';
import { dateToMs } from '../../../shared/post/date-ms';
import { findPostRelsSync, knownLeavesOf } from '../site/list-posts';
import { readDoc, type SearchDoc } from './read-doc';
import { noLinkForms, pickLinkForm, type LinkForm } from '../../../shared/links/post-address';
import { makeSnippet, matchRanges } from './snippet';
import { terms } from './tokenize';
import { InvertedIndex } from './inverted-index';
import { StatTable } from '../git/parallel-lstat';
import { readIndexCache, writeIndexCache, type CachedDoc } from './index-cache';
import { LEAF_TEXT_NAMES, MD_RE, isLeafBundleText } from '../../../shared/post/post-files';
import { cancelledError, stopIfCancelled } from '../../../shared/ipc/errors';

const DAY_MS = 86_400_000;
/**
 * Posts stat'ed at once on helper threads by a build from the cache (StatTable): a slice at a
 * time, so that the build's thread, which answers searches between its slices, is never held
 * long (about 10 ms a slice). One lstat after another on this thread took half of a launch's load at
 * 100,000 posts (550 ms of 1,100) and grew faster than the site (exponent about 1.2 from
 * 50,000: the kernel's lookups slow down as the site's folders outgrow its caches).
 */
const STAT_SLICE = 4096;
const { S_IFMT, S_IFREG } = fsConstants;

/** What the build needs of a post's lstat. */
interface PostStat {
  isFile: boolean;
  mtimeMs: number;
  size: number;
}
/** Seconds between stat passes that look for files changed without the watcher telling us. */
const STALE_CHECK_MS = 3000;

type Meta = Omit<SearchDoc, 'meta' | 'body'>;

export interface SearchServiceOptions {
  /** Between slices of the build: resolves when the build may go on (the post list goes first). */
  pause?: () => Promise<void>;
  /** Where the index is kept between runs (index-cache.ts indexCacheFile); none: memory only. */
  cacheFile?: string | null;
}

export class SearchService {
  private index = new InvertedIndex();
  /** Everything but `meta`, by path: for filters, titles and snippets. */
  private docs = new Map<string, Meta>();
  readonly ready: Promise<void>;
  private closed = false;
  private lastStaleCheck = 0;
  private staleCheck: Promise<void> | null = null;

  constructor(
    private site: Pick<SiteInfo, 'contentDir'>,
    private readonly opts: SearchServiceOptions = {},
  ) {
    this.ready = this.build();
  }

  /** Number of posts indexed. */
  get size(): number {
    return this.docs.size;
  }

  /** Files read by the build (the cache missed): what it really cost. */
  filesRead = 0;
  /** Changed since the cache was last written. */
  private dirty = false;
  /** The build ran to its end (a build stopped half way is never written). */
  private built = false;
  private saving: Promise<void> = Promise.resolve();

  private async build(): Promise<void> {
    const dir = this.site.contentDir;
    const cached = this.opts.cacheFile ? await readIndexCache(this.opts.cacheFile, dir) : null;
    if (cached) this.takeCache(cached);
    const fromCache = this.docs.size;
    // Every post is stat'ed; only those new or changed since the cache are read. The bundles the
    // cache knows are not probed by the walk (one stat per post instead of two, as the post
    // list does): one whose index file is gone has its folder walked below.
    const knownLeaves = knownLeavesOf(this.docs.keys());
    const rels = findPostRelsSync(dir, knownLeaves);
    /** Posts of the cache found by the walk: when all are, none was deleted meanwhile. */
    let stillThere = 0;
    const batch: SearchDoc[] = [];
    const stats = fromCache ? new StatSlices(dir, rels) : null;
    try {
      for (let i = 0; i < rels.length; i++) {
        // Yield after each slice of 500 posts: the thread also answers other calls while we index.
        // (At the top of the loop, so that a post dropped with `continue` cannot skip it.)
        if (i > 0 && i % 500 === 0) {
          this.addAll(batch.splice(0));
          await new Promise((r) => setImmediate(r));
          await this.opts.pause?.();
        }
        if (this.closed) return;
        const rel = rels[i];
        const abs = `${dir}/${rel}`;
        const known = this.docs.get(rel);
        // lstat: a known bundle's index file that became a link (which may point outside the
        // site) is no post, as the walk would have found.
        const st = known ? (stats ? stats.of(i, abs) : lstatOf(abs)) : null;
        if (known) {
          stillThere++;
          const slash = rel.lastIndexOf('/');
          const folder = rel.slice(0, Math.max(slash, 0));
          if (!st?.isFile && slash > 0 && knownLeaves.get(folder) === rel.slice(slash + 1)) {
            // Not probed by the walk and gone: the folder is read as a first launch would.
            this.drop(rel);
            knownLeaves.delete(folder);
            rels.push(...findPostRelsSync(dir, undefined, folder));
            continue;
          }
        }
        if (!known || !st || st.mtimeMs !== known.mtimeMs || st.size !== known.size) {
          const doc = readDoc(abs, rel);
          this.filesRead++;
          if (doc) batch.push(doc);
          else if (known) this.drop(rel);
        }
      }
    } finally {
      stats?.close();
    }
    this.addAll(batch);
    // Posts deleted while the app was closed (no set of every path when none was).
    if (stillThere < fromCache) {
      const seen = new Set(rels);
      for (const id of [...this.docs.keys()]) if (!seen.has(id)) this.drop(id);
    }
    if (!cached) this.dirty = true;
    this.built = true;
    void this.save();
  }

  private takeCache(cache: NonNullable<Awaited<ReturnType<typeof readIndexCache>>>): void {
    try {
      this.index = InvertedIndex.fromSnapshot(cache.snapshot);
    } catch {
      return; // parts that do not agree: built from the posts instead
    }
    // Each document comes as the object kept here (index-cache.ts RestoredDoc): none is copied.
    const ids = cache.snapshot.ids;
    for (let i = 0; i < ids.length; i++) this.docs.set(ids[i], cache.docs[i]);
  }

  private drop(id: string): void {
    this.index.remove(id);
    this.docs.delete(id);
    this.facetCache = null;
    this.dirty = true;
  }

  /** Writes the index to its cache file if it changed (after the build, and when the site closes). */
  save(): Promise<void> {
    this.saving = this.saving.then(async () => {
      if (!this.opts.cacheFile || !this.dirty) return;
      this.dirty = false;
      const snapshot = this.index.snapshot();
      const docs: CachedDoc[] = snapshot.ids.map((id) => {
        const { mtimeMs, size, title, tags, section, draft, date, linkForms } = this.docs.get(id)!;
        return { mtimeMs, size, title, tags, section, draft, date, linkForms };
      });
      await writeIndexCache(this.opts.cacheFile, this.site.contentDir, { snapshot, docs }).catch(() => {
        // A read-only or full disk: the next launch builds the index from the posts.
      });
    });
    return this.saving;
  }

  private addAll(docs: SearchDoc[]): void {
    for (const d of docs) {
      this.index.add(d.id, fieldsOf(d));
      this.docs.set(d.id, metaOf(d));
    }
    if (docs.length) {
      this.facetCache = null;
      this.dirty = true;
    }
  }

  private rel(path: string): string {
    return (isAbsolute(path) ? relative(this.site.contentDir, path) : path).split(sep).join('/');
  }

  /** Re-reads one post (added or changed); a path that is no post any more is removed. */
  async updateFile(path: string): Promise<void> {
    await this.ready;
    const rel = this.rel(path);
    const abs = join(this.site.contentDir, rel);
    if (!MD_RE.test(rel) || isBundleResource(abs)) return this.removeFile(rel);
    const doc = readDoc(abs, rel);
    if (!doc) return this.removeFile(rel);
    this.addAll([doc]);
  }

  async removeFile(path: string): Promise<void> {
    await this.ready;
    const rel = this.rel(path);
    this.drop(rel);
    // A folder removed: drop every post under it.
    const prefix = rel.replace(/\/+$/, '') + '/';
    for (const id of [...this.docs.keys()]) if (id.startsWith(prefix)) this.drop(id);
  }

  /** The form the site's posts most use for links to each other (the Link dialog writes new ones so). */
  async linkForm(): Promise<LinkForm> {
    await this.ready;
    const counts = noLinkForms();
    for (const d of this.docs.values()) for (const k of Object.keys(counts) as LinkForm[]) counts[k] += d.linkForms[k];
    return pickLinkForm(counts);
  }

  /**
   * `signal`: the writer typed on or closed search. The wait for the index ends there (the
   * index itself goes on building: the next search needs it) and no query runs.
   */
  async search(req: SearchRequest, signal?: AbortSignal): Promise<SearchResponse> {
    await untilReadyOrCancelled(this.ready, signal);
    const t0 = performance.now();
    const limit = req.limit ?? 50;
    const pass = this.filter(req);
    const query = req.query.trim();
    let hits: SearchHit[];
    let total: number;
    if (!query) {
      // No words: the filtered posts, newest first.
      const all = [...this.docs.values()].filter(pass).sort((a, b) => (b.dateMs ?? -Infinity) - (a.dateMs ?? -Infinity));
      total = all.length;
      hits = all.slice(0, limit).map((d) => this.hit(d, 0, new Set(), []));
    } else {
      const filtered = req.section !== undefined || req.tag !== undefined || req.draft !== undefined || !!req.from || !!req.to;
      const filter = filtered ? (id: string) => pass(this.docs.get(id)!) : undefined;
      const words = terms(query);
      let results = this.index.search({ words, limit, filter });
      // Typos are forgiven only when the words as typed find nothing, so that common words stay
      // fast and exact matches are never drowned by near ones. Numbers are never "near"; a word
      // of 4+ letters may be a quarter of its letters off, at most 2.
      if (!results.total) {
        results = this.index.search({ words, limit, filter, fuzzy: (w) => (w.length >= 4 && !/^\d+$/.test(w) ? Math.min(2, Math.round(w.length * 0.25)) : 0) });
      }
      total = results.total;
      const prefixes = words.length ? [words[words.length - 1]] : [];
      hits = results.hits.map((r) => this.hit(this.docs.get(r.id)!, r.score, new Set(r.terms), prefixes));
    }
    this.checkStaleSoon();
    return {
      hits,
      total,
      indexed: this.docs.size,
      tookMs: performance.now() - t0,
      ...this.facets(),
    };
  }

  private facetCache: { sections: string[]; tags: string[] } | null = null;

  /** Sections and tags for the filter menus, recomputed only after the index changed. */
  private facets(): { sections: string[]; tags: string[] } {
    if (!this.facetCache) {
      const docs = [...this.docs.values()];
      this.facetCache = {
        sections: [...new Set(docs.map((d) => d.section))].sort(),
        tags: [...new Set(docs.flatMap((d) => d.tags))].sort((a, b) => a.localeCompare(b)),
      };
    }
    return this.facetCache;
  }

  private filter(req: SearchRequest): (d: Meta) => boolean {
    const from = req.from ? dateToMs(req.from.slice(0, 10)) : null;
    const toDay = req.to ? dateToMs(req.to.slice(0, 10)) : null;
    const to = toDay === null ? null : toDay + DAY_MS - 1;
    const tag = req.tag?.toLowerCase();
    return (d) =>
      (req.section === undefined || d.section === req.section) &&
      (req.draft === undefined || d.draft === req.draft) &&
      (tag === undefined || d.tags.some((t) => t.toLowerCase() === tag)) &&
      (from === null || (d.dateMs !== null && d.dateMs >= from)) &&
      (to === null || (d.dateMs !== null && d.dateMs <= to));
  }

  private hit(d: Meta, score: number, terms: Set<string>, prefixes: string[]): SearchHit {
    return {
      path: d.id,
      title: d.title,
      section: d.section,
      tags: d.tags,
      draft: d.draft,
      date: d.date,
      score,
      titleRanges: terms.size ? matchRanges(d.title, terms, prefixes) : [],
      snippet: makeSnippet(this.bodyOf(d.id), terms, terms.size ? prefixes : []),
      terms: [...terms],
    };
  }

  /** A post's searchable body, read from its file for an excerpt (bodies are not kept in memory). */
  private bodyOf(id: string): string {
    return readDoc(join(this.site.contentDir, id), id)?.body ?? '';
  }

  /**
   * After a search, at most every few seconds: stat the indexed files and re-read those that
   * changed (the app's own saves, which the watcher does not report). Runs in the background.
   */
  private checkStaleSoon(): void {
    const now = Date.now();
    if (this.staleCheck || now - this.lastStaleCheck < STALE_CHECK_MS) return;
    this.lastStaleCheck = now;
    this.staleCheck = this.refreshChanged().finally(() => (this.staleCheck = null));
  }

  /** Re-reads every indexed post whose size or time changed on disk. Returns when done. */
  async refreshChanged(): Promise<void> {
    for (const d of [...this.docs.values()]) {
      if (this.closed) return;
      const st = await stat(join(this.site.contentDir, d.id)).catch(() => null);
      if (!st) await this.removeFile(d.id);
      else if (st.mtimeMs !== d.mtimeMs || st.size !== d.size) await this.updateFile(d.id);
    }
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Stops the build, and writes the index to its cache when it is whole and changed. */
  async shutdown(): Promise<void> {
    this.closed = true;
    if (this.built) await this.save();
  }
}

function metaOf(d: SearchDoc): Meta {
  const { meta: _meta, body: _body, ...rest } = d;
  return rest;
}

/** A post's searchable texts in the index's field order (title, tags, other front matter, body). */
function fieldsOf(d: SearchDoc): string[] {
  return [d.title, d.tags.join(' '), d.meta, d.body];
}

/** A Markdown file beside a leaf bundle's index.md is a resource of that page, not a post. */
function isBundleResource(abs: string): boolean {
  if (isLeafBundleText(basename(abs))) return false;
  const dir = dirname(abs);
  return LEAF_TEXT_NAMES.some((n) => existsSync(join(dir, n)));
}

/** Waits for `ready`, or throws 'cancelled' as soon as the signal fires. */
async function untilReadyOrCancelled(ready: Promise<void>, signal?: AbortSignal): Promise<void> {
  stopIfCancelled(signal);
  if (!signal) return ready;
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(cancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([ready, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

function lstatOf(abs: string): PostStat | null {
  const st = lstatSync(abs, { throwIfNoEntry: false });
  return st ? { isFile: st.isFile(), mtimeMs: st.mtimeMs, size: st.size } : null;
}

/**
 * The lstat of each path of `rels` (by index), taken a slice at a time on helper threads just
 * before the build compares it (see STAT_SLICE). Paths added to `rels` meanwhile (a folder walked
 * again) are stat'ed as their turn comes, like the rest.
 */
class StatSlices {
  private readonly table = new StatTable({ minPaths: STAT_SLICE / 2 });
  private from = 0;
  private to = 0;

  constructor(
    private readonly dir: string,
    private readonly rels: readonly string[],
  ) {}

  of(i: number, abs: string): PostStat | null {
    if (i < this.from || i >= this.to) {
      this.from = i;
      this.to = Math.min(this.rels.length, i + STAT_SLICE);
      this.table.replaceAll(`${this.dir}/`, this.rels.slice(this.from, this.to));
      this.table.prefetch();
    }
    const slot = i - this.from;
    if (!this.table.has(slot)) return lstatOf(abs);
    const mode = this.table.mode(slot);
    if (mode === 0) return null;
    return { isFile: (mode & S_IFMT) === S_IFREG, mtimeMs: this.table.mtimeMs(slot), size: this.table.sizeOf(slot) };
  }

  close(): void {
    this.table.close();
  }
}
