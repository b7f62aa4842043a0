// The search index kept on disk between runs, so that a launch reads only the posts changed
// since (each post's size and time are kept with it) instead of every post of the site (6-14 s
// at 100,000 posts). It lives in the app's data folder beside the post list's cache, one file
// per content folder, for the same reasons (site-disk-jobs.ts listCacheFile). A file that is
// missing, damaged, of another format version or of another folder is ignored: the index is
// then built from the posts, as on a first launch. Written whole to a temp file and renamed.
//
// Layout (little-endian): "PWSI", u32 format version, u32 header length, the header (JSON:
// contentDir, ids, words, per-document fields; padded with spaces to a multiple of 4 bytes),
// then the index's arrays (inverted-index.ts IndexSnapshot): counts (u32 per word), slots (i32
// per posting), lengths (f32, 4 per document), tfs (u8 per posting).
import { siteCacheFile } from '../fs/site-cache-file';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import type { IndexSnapshot } from './inverted-index';
import { noLinkForms, type LinkFormCounts } from '../../../shared/links/post-address';

const MAGIC = 'PWSI';
/** Bumped whenever the layout, the tokenizer or what a document keeps changes. */
export const INDEX_CACHE_VERSION = 1;
const FIELDS = 4;

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

/** The cache file of a content folder, in the app's data folder. */
export function indexCacheFile(dataDir: string, contentDir: string): string {
  return siteCacheFile(dataDir, 'search-index-cache', contentDir, 'bin');
}

export async function writeIndexCache(file: string, contentDir: string, cache: IndexCache): Promise<void> {
  const { snapshot: s, docs } = cache;
  const docRows = docs.map((d) => [d.mtimeMs, d.size, d.title, d.tags, d.section, d.draft, d.date, d.linkForms]);
  let header = Buffer.from(JSON.stringify({ contentDir, ids: s.ids, words: s.words, docs: docRows }));
  if (header.length % 4) header = Buffer.concat([header, Buffer.alloc(4 - (header.length % 4), 0x20)]);
  const head = Buffer.alloc(12);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(INDEX_CACHE_VERSION, 4);
  head.writeUInt32LE(header.length, 8);
  const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, Buffer.concat([head, header, bytes(s.counts), bytes(s.slots), bytes(s.lengths), bytes(s.tfs)]));
}

/** The cache of `contentDir`, or null when there is none that can be trusted as a whole. */
export async function readIndexCache(file: string, contentDir: string): Promise<IndexCache | null> {
  try {
    return parse(await readFile(file), contentDir);
  } catch {
    return null;
  }
}

function parse(buf: Buffer, contentDir: string): IndexCache | null {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== MAGIC || buf.readUInt32LE(4) !== INDEX_CACHE_VERSION) return null;
  const headerLen = buf.readUInt32LE(8);
  if (12 + headerLen > buf.length) return null;
  const h = JSON.parse(buf.toString('utf8', 12, 12 + headerLen)) as { contentDir?: unknown; ids?: unknown; words?: unknown; docs?: unknown };
  if (h.contentDir !== contentDir || !isStrings(h.ids) || !isStrings(h.words) || !Array.isArray(h.docs) || h.docs.length !== h.ids.length) return null;
  const docs: CachedDoc[] = [];
  for (const row of h.docs as unknown[]) {
    const doc = docOf(row);
    if (!doc) return null;
    docs.push(doc);
  }
  let off = 12 + headerLen;
  // Copied out into buffers of their own: typed arrays need their element size's alignment.
  const take = (bytes: number): ArrayBuffer => {
    if (off + bytes > buf.length) throw new Error('cut short');
    const out = buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + off + bytes) as ArrayBuffer;
    off += bytes;
    return out;
  };
  const counts = new Uint32Array(take(h.words.length * 4));
  let total = 0;
  for (const c of counts) total += c;
  const slots = new Int32Array(take(total * 4));
  const lengths = new Float32Array(take(h.ids.length * FIELDS * 4));
  const tfs = new Uint8Array(take(total));
  if (off !== buf.length) return null;
  return { snapshot: { ids: h.ids, words: h.words, counts, slots, tfs, lengths }, docs };
}

function isStrings(a: unknown): a is string[] {
  return Array.isArray(a) && a.every((x) => typeof x === 'string');
}

function docOf(row: unknown): CachedDoc | null {
  if (!Array.isArray(row) || row.length !== 8) return null;
  const [mtimeMs, size, title, tags, section, draft, date, linkForms] = row as unknown[];
  if (typeof mtimeMs !== 'number' || typeof size !== 'number' || typeof title !== 'string' || !isStrings(tags) || typeof section !== 'string') return null;
  if (typeof draft !== 'boolean' || (date !== null && typeof date !== 'string') || !linkForms || typeof linkForms !== 'object') return null;
  if (!Object.keys(noLinkForms()).every((k) => typeof (linkForms as Record<string, unknown>)[k] === 'number')) return null;
  return { mtimeMs, size, title, tags, section, draft, date, linkForms: linkForms as LinkFormCounts };
}
