// The post list's cache file (list-posts.ts), written at a listing's end and read at the next
// launch, where reading it is most of a 100,000-post site's warm listing. Its layout:
//   a header line (JSON);
//   the posts' paths, each ended by a 0 byte (read first: the stat calls start on them);
//   numbers as raw arrays: per post its file's mtime, size and date in ms (Float64), its flags
//   (draft, garbled, kind, which values are null; one byte), its section and its tag count
//   (Uint32, the section as a row of `sections`), then every post's tags (Uint32 rows of `tags`);
//   JSON in ASCII: titles, dates and front-matter errors (only the ones that are not null), the
//   sections and tags each once, and the folder records.
// Version 3 kept every field as a JSON column: at 100,000 posts parsing 16 MB of JSON and the
// garbage collector's copies of its 600,000 values were some 200 ms of a 830 ms warm listing.
import { isAscii } from 'node:buffer';
import { endianness } from 'node:os';
import type { PostSummary } from '../../../shared/ipc/channels/site';

/**
 * Bumped whenever PostSummary, summarize() or the file's layout changes, so an old cache is
 * never trusted. 2: a column per field instead of a JSON row per post. 3: a header line, the
 * paths as bytes, the other columns as JSON. 4: numbers as raw arrays, repeated text once.
 */
export const CACHE_VERSION = 4;

const KINDS: ReadonlyArray<PostSummary['kind']> = ['leaf-bundle', 'branch-bundle', 'single'];
// Flag bits: draft, garbled, kind (2 bits), date null, dateMs null, a front-matter error.
const DRAFT = 1;
const GARBLED = 2;
const KIND_SHIFT = 2;
const NO_DATE = 16;
const NO_DATE_MS = 32;
const HAS_ERROR = 64;
/** Bytes of the fixed-size arrays per post: 3 Float64, 1 flag byte, 2 Uint32. */
const BYTES_PER_POST = 24 + 1 + 8;

/** One cached post as the lister keeps it. */
export interface CachedPost {
  mtimeMs: number;
  size: number;
  summary: PostSummary;
}

interface Header {
  version: number;
  contentDir: string;
  endian: string;
  count: number;
  pathBytes: number;
  tagRefs: number;
  /** Where the JSON starts, counted from the byte after the header line. */
  restAt: number;
}

interface Rest {
  title: unknown[];
  date: unknown[];
  error: unknown[];
  sections: unknown[];
  tags: unknown[];
  folders: unknown;
}

/** JSON with every character past ASCII as a \u escape (the file is read as Latin-1). */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The bytes of a typed array (no copy). */
const bytesOf = (a: Float64Array | Uint32Array | Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** The cache file for `posts` (in order: their rows) and the folder records (`folders`, JSON). */
export function encodeListCache(contentDir: string, posts: readonly CachedPost[], folders: unknown): Buffer {
  const n = posts.length;
  const numbers = new Float64Array(n * 3);
  const flags = new Uint8Array(n);
  const sectionOf = new Uint32Array(n);
  const tagCount = new Uint32Array(n);
  const tagRefs: number[] = [];
  const rest: Rest = { title: [], date: [], error: [], sections: [], tags: [], folders };
  const sectionRow = new Map<string, number>();
  const tagRow = new Map<string, number>();
  const rowOf = (map: Map<string, number>, list: unknown[], value: string) => {
    let row = map.get(value);
    if (row === undefined) map.set(value, (row = list.push(value) - 1));
    return row;
  };
  for (let i = 0; i < n; i++) {
    const { mtimeMs, size, summary: p } = posts[i];
    numbers[i * 3] = mtimeMs;
    numbers[i * 3 + 1] = size;
    numbers[i * 3 + 2] = p.dateMs ?? 0;
    flags[i] = (p.draft ? DRAFT : 0) | (p.garbled ? GARBLED : 0) | (KINDS.indexOf(p.kind) << KIND_SHIFT) | (p.date === null ? NO_DATE : 0) | (p.dateMs === null ? NO_DATE_MS : 0) | (p.frontMatterError === null ? 0 : HAS_ERROR);
    rest.title.push(p.title);
    if (p.date !== null) rest.date.push(p.date);
    if (p.frontMatterError !== null) rest.error.push(p.frontMatterError);
    sectionOf[i] = rowOf(sectionRow, rest.sections, p.section);
    tagCount[i] = p.tags.length;
    for (const t of p.tags) tagRefs.push(rowOf(tagRow, rest.tags, t));
  }
  const paths = Buffer.from(n ? `${posts.map((p) => p.summary.path).join('\0')}\0` : '');
  const refs = new Uint32Array(tagRefs);
  const binary = [paths, bytesOf(numbers), bytesOf(flags), bytesOf(sectionOf), bytesOf(tagCount), bytesOf(refs)];
  const restAt = binary.reduce((sum, b) => sum + b.length, 0);
  const header: Header = { version: CACHE_VERSION, contentDir, endian: endianness(), count: n, pathBytes: paths.length, tagRefs: refs.length, restAt };
  return Buffer.concat([Buffer.from(`${asciiJson(header)}\n`, 'latin1'), ...binary, Buffer.from(asciiJson(rest), 'latin1')]);
}

/** A cache file opened: its paths (slot i: path i) now, its posts when asked (see rows()). */
export interface OpenedListCache {
  paths: string[];
  /** The paths' UTF-8 bytes, each ended by a 0 byte, as the stat table takes them. */
  pathBlock: Buffer;
  /**
   * Parses the rest and calls `each` for every post whose row is sound (a damaged row is left
   * out: that post is read again); returns the folder records as saved, or null when the rest
   * cannot be read at all.
   */
  rows(each: (slot: number, post: CachedPost) => void): { folders: unknown } | null;
}

/** Copies `count` values of a typed array out of the file (whose offsets need not be aligned). */
function arrayAt<T extends Float64Array | Uint32Array>(bytes: Buffer, at: number, count: number, Type: { new (n: number): T; BYTES_PER_ELEMENT: number }): T {
  const out = new Type(count);
  new Uint8Array(out.buffer).set(bytes.subarray(at, at + count * Type.BYTES_PER_ELEMENT));
  return out;
}

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** The cache in `bytes` if it is one this version wrote for `contentDir` on a machine of this byte order; null otherwise. */
export function openListCache(bytes: Buffer, contentDir: string): OpenedListCache | null {
  const headerEnd = bytes.indexOf(10);
  if (headerEnd < 0) return null;
  const h = JSON.parse(bytes.toString('latin1', 0, headerEnd)) as Partial<Header>;
  if (h.version !== CACHE_VERSION || h.contentDir !== contentDir || h.endian !== endianness()) return null;
  const { count: n, pathBytes, tagRefs, restAt } = h;
  if (!isCount(n) || !isCount(pathBytes) || !isCount(tagRefs) || !isCount(restAt)) return null;
  const start = headerEnd + 1;
  if (restAt !== pathBytes + n * BYTES_PER_POST + tagRefs * 4 || start + restAt > bytes.length) return null;
  const pathBlock = bytes.subarray(start, start + pathBytes);
  // ASCII paths (most sites) are decoded as Latin-1: the same text, several times faster.
  const paths = pathBlock.toString(isAscii(pathBlock) ? 'latin1' : 'utf8').split('\0');
  paths.pop(); // each path ends with a 0 byte: nothing follows the last one
  if (paths.length !== n) return null;
  return {
    paths,
    pathBlock,
    rows(each) {
      let at = start + pathBytes;
      const numbers = arrayAt(bytes, at, n * 3, Float64Array);
      at += n * 24;
      const flags = bytes.subarray(at, at + n);
      at += n;
      const sectionOf = arrayAt(bytes, at, n, Uint32Array);
      at += n * 4;
      const tagCount = arrayAt(bytes, at, n, Uint32Array);
      at += n * 4;
      const refs = arrayAt(bytes, at, tagRefs, Uint32Array);
      const rest = JSON.parse(bytes.toString('latin1', start + restAt)) as Partial<Rest>;
      const { title, date, error, sections, tags } = rest;
      if (!Array.isArray(title) || !Array.isArray(date) || !Array.isArray(error) || !Array.isArray(sections) || !Array.isArray(tags)) return null;
      if (title.length !== n || !sections.every((s) => typeof s === 'string') || !tags.every((t) => typeof t === 'string')) return null;
      // The dates, errors and tags each row takes must be all there are, or rows and values
      // would not line up.
      let dates = 0;
      let errors = 0;
      let tagTotal = 0;
      for (let i = 0; i < n; i++) {
        if (!(flags[i] & NO_DATE)) dates++;
        if (flags[i] & HAS_ERROR) errors++;
        tagTotal += tagCount[i];
      }
      if (dates !== date.length || errors !== error.length || tagTotal !== refs.length) return null;
      let d = 0;
      let e = 0;
      let t = 0;
      for (let i = 0; i < n; i++) {
        const f = flags[i];
        // Taken whatever the row holds: the next rows' values follow these.
        const dateValue = f & NO_DATE ? null : date[d++];
        const errorValue = f & HAS_ERROR ? error[e++] : null;
        const tagList = new Array<string>(tagCount[i]);
        let tagsSound = true;
        for (let k = 0; k < tagList.length; k++) {
          const row = refs[t++];
          if (row >= tags.length) tagsSound = false;
          else tagList[k] = tags[row] as string;
        }
        const kind = KINDS[(f >> KIND_SHIFT) & 3];
        const titleValue = title[i];
        const section = sections[sectionOf[i]];
        if (!tagsSound || !kind || typeof titleValue !== 'string' || section === undefined || !(dateValue === null || typeof dateValue === 'string') || !(errorValue === null || typeof errorValue === 'string')) continue;
        const path = paths[i];
        const summary: PostSummary = {
          path,
          title: titleValue,
          date: dateValue,
          dateMs: f & NO_DATE_MS ? null : numbers[i * 3 + 2],
          draft: (f & DRAFT) !== 0,
          tags: tagList,
          section: section as string,
          kind,
          frontMatterError: errorValue,
          garbled: (f & GARBLED) !== 0,
        };
        each(i, { mtimeMs: numbers[i * 3], size: numbers[i * 3 + 1], summary });
      }
      return { folders: rest.folders };
    },
  };
}
