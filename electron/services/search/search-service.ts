// Full-text search over every post of the open site (run in the disk worker): titles, tags,
// other front matter and bodies, in an inverted index of typed arrays (inverted-index.ts) whose
// per-query cost is a pass over the query words' postings, with no object per matching post. The index is built once when the
// site opens (reading files in slices so the main process keeps answering), then kept
// current file by file: the site watcher calls updateFile/removeFile, and a cheap stat pass
// after searches catches saves the watcher does not report.
import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep, dirname, basename } from 'node:path';
import { existsSync } from 'node:fs';
import type { SiteInfo } from '../../../shared/ipc/channels/site';
import type { SearchHit, SearchRequest, SearchResponse } from '../../../shared/ipc/channels/search';
import { dateToMs } from '../../../shared/post/date-ms';
import { findPostFilesSync } from '../site/list-posts';
import { readDoc, type SearchDoc } from './read-doc';
import { noLinkForms, pickLinkForm, type LinkForm } from '../../../shared/links/post-address';
import { makeSnippet, matchRanges } from './snippet';
import { terms } from './tokenize';
import { InvertedIndex } from './inverted-index';
import { LEAF_TEXT_NAMES, MD_RE, isLeafBundleText } from '../../../shared/post/post-files';
import { cancelledError, stopIfCancelled } from '../../../shared/ipc/errors';

const DAY_MS = 86_400_000;
/** Seconds between stat passes that look for files changed without the watcher telling us. */
const STALE_CHECK_MS = 3000;

type Meta = Omit<SearchDoc, 'meta'>;

export interface SearchServiceOptions {
  /** Between slices of the build: resolves when the build may go on (the post list goes first). */
  pause?: () => Promise<void>;
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

  private async build(): Promise<void> {
    const files = findPostFilesSync(this.site.contentDir);
    const batch: SearchDoc[] = [];
    for (let i = 0; i < files.length; i++) {
      if (this.closed) return;
      const abs = files[i];
      const doc = readDoc(abs, this.rel(abs));
      if (doc) batch.push(doc);
      // Yield now and then: the main process also answers the editor while we index.
      if (batch.length >= 500) {
        this.addAll(batch.splice(0));
        await new Promise((r) => setImmediate(r));
        await this.opts.pause?.();
      }
    }
    this.addAll(batch);
  }

  private addAll(docs: SearchDoc[]): void {
    for (const d of docs) {
      this.index.add(d.id, fieldsOf(d));
      this.docs.set(d.id, withoutMeta(d));
    }
    this.facetCache = null;
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
    this.index.add(rel, fieldsOf(doc));
    this.docs.set(rel, withoutMeta(doc));
    this.facetCache = null;
  }

  async removeFile(path: string): Promise<void> {
    await this.ready;
    const rel = this.rel(path);
    this.index.remove(rel);
    this.docs.delete(rel);
    this.facetCache = null;
    // A folder removed: drop every post under it.
    const prefix = rel.replace(/\/+$/, '') + '/';
    for (const id of [...this.docs.keys()]) {
      if (id.startsWith(prefix)) {
        this.index.remove(id);
        this.docs.delete(id);
      }
    }
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
      snippet: makeSnippet(d.body, terms, terms.size ? prefixes : []),
      terms: [...terms],
    };
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

  shutdown(): void {
    this.closed = true;
  }
}

function withoutMeta(d: SearchDoc): Meta {
  const { meta: _meta, ...rest } = d;
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
