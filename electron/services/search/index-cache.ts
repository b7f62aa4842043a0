// The search index kept on disk between runs, so that a launch reads only the posts changed
// since (each post's size and time are kept with it) instead of every post of the site (6-14 s
// at 100,000 posts). It lives in the app's data folder beside the post list's cache, one file
// per content folder, for the same reasons (site-disk-jobs.ts listCacheFile). A file that is
// missing, damaged, of another format version or of another folder is ignored: the index is
// then built from the posts, as on a first launch. Written whole to a temp file and renamed.
//
// Layout (little-endian): "PWSI", u32 format version, u32 header length, the header (JSON:
// contentDir, ids, words, and the documents' texts a column each: titles, tags, sections,
// dates; padded with spaces to a multiple of 4 bytes), then the documents' numbers a column each
// (mtimeMs f64, size f64, draft u8, link forms u32 × 4) and the index's arrays (inverted-index.ts
// IndexSnapshot): counts (u32 per word), slots (i32 per posting), lengths (f32, 4 per document),
// tfs (u8 per posting). Columns, not a JSON row per document: at 100,000 posts the rows (an
// array and a link-form object each, checked one by one) were a third of the read and most of
// its garbage, and the read grew faster than the site.
import { siteCacheFile } from '../fs/site-cache-file';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import type { IndexSnapshot } from './inverted-index';
import { noLinkForms, type LinkForm, type LinkFormCounts } from '../../../shared/links/post-address';
import { dateToMs } from '../../../shared/post/date-ms';

const MAGIC = 'PWSI';
/** Bumped whenever the layout, the tokenizer or what a document keeps changes. */
export const INDEX_CACHE_VERSION = 2;
const FIELDS = 4;
/** The link forms' order in the file. */
const LINK_FORMS = Object.keys(noLinkForms()) as LinkForm[];

/** What the index keeps of a post besides its words (search-service.ts Meta, without id and dateMs). */
export interface CachedDoc {
  mtimeMs: number;
  size: number;
  title: string;
  tags: string[];
  section: string;
  draft: boolean;
  date: string | null;
  linkForms: LinkFormCounts;
}

export interface IndexCache {
  snapshot: IndexSnapshot;
  /** In the order of snapshot.ids. */
  docs: CachedDoc[];
}

/** A document as read back: with its id and date in ms, ready to keep as it is (search-service.ts Meta). */
export interface RestoredDoc extends CachedDoc {
  id: string;
  dateMs: number | null;
}

export interface RestoredIndexCache {
  snapshot: IndexSnapshot;
  docs: RestoredDoc[];
}

/** The cache file of a content folder, in the app's data folder. */
export function indexCacheFile(dataDir: string, contentDir: string): string {
  return siteCacheFile(dataDir, 'search-index-cache', contentDir, 'bin');
}

export async function writeIndexCache(file: string, contentDir: string, cache: IndexCache): Promise<void> {
  const { snapshot: s, docs } = cache;
  const n = docs.length;
  const mtimes = new Float64Array(n);
  const sizes = new Float64Array(n);
  const drafts = new Uint8Array(n);
  const links = new Uint32Array(n * LINK_FORMS.length);
  docs.forEach((d, i) => {
    mtimes[i] = d.mtimeMs;
    sizes[i] = d.size;
    drafts[i] = d.draft ? 1 : 0;
    LINK_FORMS.forEach((k, j) => (links[i * LINK_FORMS.length + j] = d.linkForms[k]));
  });
  const columns = { titles: docs.map((d) => d.title), tags: docs.map((d) => d.tags), sections: docs.map((d) => d.section), dates: docs.map((d) => d.date) };
  let header = Buffer.from(JSON.stringify({ contentDir, ids: s.ids, words: s.words, ...columns }));
  if (header.length % 4) header = Buffer.concat([header, Buffer.alloc(4 - (header.length % 4), 0x20)]);
  const head = Buffer.alloc(12);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(INDEX_CACHE_VERSION, 4);
  head.writeUInt32LE(header.length, 8);
  const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, Buffer.concat([head, header, bytes(mtimes), bytes(sizes), bytes(drafts), bytes(links), bytes(s.counts), bytes(s.slots), bytes(s.lengths), bytes(s.tfs)]));
}

/** The cache of `contentDir`, or null when there is none that can be trusted as a whole. */
export async function readIndexCache(file: string, contentDir: string): Promise<RestoredIndexCache | null> {
  try {
    return parse(await readFile(file), contentDir);
  } catch {
    return null;
  }
}

function parse(buf: Buffer, contentDir: string): RestoredIndexCache | null {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== MAGIC || buf.readUInt32LE(4) !== INDEX_CACHE_VERSION) return null;
  const headerLen = buf.readUInt32LE(8);
  if (12 + headerLen > buf.length) return null;
  const h = JSON.parse(buf.toString('utf8', 12, 12 + headerLen)) as Record<string, unknown>;
  const { ids, words, titles, tags, sections, dates } = h;
  if (h.contentDir !== contentDir || !isStrings(ids) || !isStrings(words) || !isStrings(titles) || !isStrings(sections)) return null;
  const n = ids.length;
  if (titles.length !== n || sections.length !== n || !Array.isArray(dates) || dates.length !== n || !Array.isArray(tags) || tags.length !== n) return null;
  if (!dates.every((d) => d === null || typeof d === 'string') || !tags.every(isStrings)) return null;
  let off = 12 + headerLen;
  // Copied out into buffers of their own: typed arrays need their element size's alignment.
  const take = (bytes: number): ArrayBuffer => {
    if (off + bytes > buf.length) throw new Error('cut short');
    const out = buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + off + bytes) as ArrayBuffer;
    off += bytes;
    return out;
  };
  const mtimes = new Float64Array(take(n * 8));
  const sizes = new Float64Array(take(n * 8));
  const drafts = new Uint8Array(take(n));
  const links = new Uint32Array(take(n * LINK_FORMS.length * 4));
  const counts = new Uint32Array(take(words.length * 4));
  let total = 0;
  for (const c of counts) total += c;
  const slots = new Int32Array(take(total * 4));
  const lengths = new Float32Array(take(n * FIELDS * 4));
  const tfs = new Uint8Array(take(total));
  if (off !== buf.length) return null;
  const docs: RestoredDoc[] = new Array(n);
  const L = LINK_FORMS.length;
  for (let i = 0; i < n; i++) {
    const date = dates[i] as string | null;
    const linkForms = noLinkForms();
    for (let j = 0; j < L; j++) linkForms[LINK_FORMS[j]] = links[i * L + j];
    docs[i] = { id: ids[i], mtimeMs: mtimes[i], size: sizes[i], title: titles[i], tags: tags[i] as string[], section: sections[i], draft: drafts[i] === 1, date, dateMs: dateToMs(date), linkForms };
  }
  return { snapshot: { ids, words, counts, slots, tfs, lengths }, docs };
}

function isStrings(a: unknown): a is string[] {
  return Array.isArray(a) && a.every((x) => typeof x === 'string');
}
