// The search index: an inverted index kept in typed arrays, so that a query over 100,000 posts
// costs one pass over the postings of its words (plain numbers, no object per match) and a
// top-k selection, instead of a result object per matching post and a sort of all of them
// (MiniSearch took 1-2 s for a word found in every post of a 100,000-post site).
//
// Ranking is BM25 per field with boosts, as before: title 4, tags 3, other front matter 1.5,
// body 1. All words must match (AND); the last word of the query also matches as a prefix (the
// word being typed), and a typo is forgiven when asked (the caller asks only when the words as
// typed find nothing). A document's place ("slot") only grows: a changed post gets a new slot
// and its old one is dead until the next compaction, so every word's list of slots stays sorted
// and "does this post hold this word" is a binary search.
import { cappedTerms } from './tokenize';

/** Fields in order, with their boosts. */
export const FIELD_BOOSTS = [4, 3, 1.5, 1] as const;
const FIELDS = FIELD_BOOSTS.length;
/** BM25 constants (as MiniSearch's defaults, so rankings stay as they were). */
const K1 = 1.2;
const B = 0.7;
const D = 0.5;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** Compact when this share of the slots is dead. */
const DEAD_SHARE = 0.25;

class Postings {
  /**
   * `slots`/`tfs` given: views on a snapshot's arrays (restore), so that a cache of 100,000
   * words allocates no pair of small arrays per word only to drop it.
   * tfs: per posting, the word's count in each field (0-3, two bits per field: the tokenizer caps counts at 3).
   */
  constructor(
    public slots: Int32Array = new Int32Array(4),
    public tfs: Uint8Array = new Uint8Array(4),
    public n = 0,
  ) {}

  push(slot: number, tf: number): void {
    if (this.n === this.slots.length) {
      const slots = new Int32Array(this.n * 2);
      slots.set(this.slots);
      this.slots = slots;
      const tfs = new Uint8Array(this.n * 2);
      tfs.set(this.tfs);
      this.tfs = tfs;
    }
    this.slots[this.n] = slot;
    this.tfs[this.n++] = tf;
  }

  has(slot: number): boolean {
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.slots[mid];
      if (s === slot) return true;
      if (s < slot) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

export interface IndexHit {
  id: string;
  score: number;
  /** The indexed words that matched (for highlighting). */
  terms: string[];
}

export interface IndexResult {
  total: number;
  hits: IndexHit[];
}

export interface IndexQuery {
  /** Normalised words (tokenize.ts `terms`). */
  words: string[];
  /** How many hits to return, best first. */
  limit: number;
  filter?: (id: string) => boolean;
  /** Allow words this near (edit distance) to longer query words: 0 for none. */
  fuzzy?: (word: string) => number;
}

export class InvertedIndex {
  private postings = new Map<string, Postings>();
  /** Words in order, for prefix and typo look-ups; words added since are in `pending`. */
  private sorted: string[] = [];
  private pending: string[] = [];
  private ids: Array<string | null> = [];
  private slotOf = new Map<string, number>();
  private lengths = new Float32Array(4 * FIELDS);
  private lengthSums = new Float64Array(FIELDS);
  private dead = 0;

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds a document, or replaces the one with that id. `fields`: texts in FIELD_BOOSTS order. */
  add(id: string, fields: readonly string[]): void {
    this.remove(id);
    const slot = this.ids.length;
    this.ids.push(id);
    this.slotOf.set(id, slot);
    if (this.lengths.length < (slot + 1) * FIELDS) {
      const grown = new Float32Array(this.lengths.length * 2);
      grown.set(this.lengths);
      this.lengths = grown;
    }
    const tf = new Map<string, number>();
    for (let f = 0; f < FIELDS; f++) {
      const words = cappedTerms(fields[f] ?? '');
      this.lengths[slot * FIELDS + f] = words.length;
      this.lengthSums[f] += words.length;
      for (const w of words) tf.set(w, (tf.get(w) ?? 0) + (1 << (2 * f)));
    }
    for (const [w, packed] of tf) {
      let p = this.postings.get(w);
      if (!p) {
        p = new Postings();
        this.postings.set(w, p);
        this.pending.push(w);
      }
      p.push(slot, packed);
    }
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.ids[slot] = null;
    for (let f = 0; f < FIELDS; f++) this.lengthSums[f] -= this.lengths[slot * FIELDS + f];
    this.dead++;
    if (this.dead > 1000 && this.dead > this.ids.length * DEAD_SHARE) this.compact();
  }

  /** Drops dead slots: renumbers the live ones in order, so every list stays sorted. */
  private compact(): void {
    const newSlot = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    const lengths = new Float32Array(Math.max(4, this.slotOf.size) * FIELDS);
    for (let s = 0; s < this.ids.length; s++) {
      const id = this.ids[s];
      if (id === null) continue;
      newSlot[s] = ids.length;
      lengths.set(this.lengths.subarray(s * FIELDS, s * FIELDS + FIELDS), ids.length * FIELDS);
      this.slotOf.set(id, ids.length);
      ids.push(id);
    }
    for (const [w, p] of this.postings) {
      let k = 0;
      for (let i = 0; i < p.n; i++) {
        const s = newSlot[p.slots[i]];
        if (s < 0) continue;
        p.slots[k] = s;
        p.tfs[k++] = p.tfs[i];
      }
      p.n = k;
      if (k === 0) this.postings.delete(w);
    }
    this.ids = ids;
    this.lengths = lengths;
    this.dead = 0;
    this.sorted = this.sorted.filter((w) => this.postings.has(w));
    this.pending = this.pending.filter((w) => this.postings.has(w));
  }

  private vocabulary(): string[] {
    if (this.pending.length) {
      const add = this.pending.sort();
      this.pending = [];
      const out: string[] = [];
      let i = 0;
      let j = 0;
      while (i < this.sorted.length || j < add.length) {
        if (j >= add.length || (i < this.sorted.length && this.sorted[i] < add[j])) out.push(this.sorted[i++]);
        else out.push(add[j++]);
      }
      this.sorted = out;
    }
    return this.sorted;
  }

  /** Indexed words matching one query word, each with its weight. */
  private expand(word: string, prefix: boolean, distance: number): Map<string, number> {
    const out = new Map<string, number>();
    if (this.postings.has(word)) out.set(word, 1);
    if (!prefix && !distance) return out;
    const vocab = this.vocabulary();
    if (prefix) {
      let lo = 0;
      let hi = vocab.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (vocab[mid] < word) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < vocab.length && vocab[i].startsWith(word); i++) {
        const w = vocab[i];
        if (w === word || !this.postings.has(w)) continue;
        out.set(w, (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * (w.length - word.length)));
      }
    }
    if (distance) {
      for (const w of vocab) {
        if (Math.abs(w.length - word.length) > distance || out.has(w) || !this.postings.has(w) || isNumber(w)) continue;
        const d = editDistance(word, w, distance);
        if (d > 0 && d <= distance) out.set(w, (FUZZY_WEIGHT * word.length) / (word.length + d));
      }
    }
    return out;
  }

  /** The index as plain arrays, for the cache on disk (see IndexSnapshot). */
  snapshot(): IndexSnapshot {
    const newSlot = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    const lengths = new Float32Array(this.slotOf.size * FIELDS);
    for (let s = 0; s < this.ids.length; s++) {
      const id = this.ids[s];
      if (id === null) continue;
      lengths.set(this.lengths.subarray(s * FIELDS, s * FIELDS + FIELDS), ids.length * FIELDS);
      newSlot[s] = ids.length;
      ids.push(id);
    }
    const words: string[] = [];
    const counts: number[] = [];
    let total = 0;
    for (const p of this.postings.values()) total += p.n;
    const slots = new Int32Array(total);
    const tfs = new Uint8Array(total);
    let k = 0;
    // Words in order: the next launch then needs no sort before its first prefix or typo look-up.
    for (const w of this.vocabulary()) {
      const p = this.postings.get(w);
      if (!p) continue;
      const start = k;
      for (let i = 0; i < p.n; i++) {
        const s = newSlot[p.slots[i]];
        if (s < 0) continue;
        slots[k] = s;
        tfs[k++] = p.tfs[i];
      }
      if (k === start) continue;
      words.push(w);
      counts.push(k - start);
    }
    return { ids, words, counts: Uint32Array.from(counts), slots: slots.subarray(0, k), tfs: tfs.subarray(0, k), lengths };
  }

  /** An index from a snapshot; throws when its parts do not agree (a damaged cache). */
  static fromSnapshot(snap: IndexSnapshot): InvertedIndex {
    const index = new InvertedIndex();
    index.restore(snap);
    return index;
  }

  private restore(snap: IndexSnapshot): void {
    const n = snap.ids.length;
    if (snap.words.length !== snap.counts.length || snap.lengths.length !== n * FIELDS || snap.slots.length !== snap.tfs.length) throw new Error('index snapshot: sizes differ');
    this.ids = [...snap.ids];
    snap.ids.forEach((id, i) => this.slotOf.set(id, i));
    if (this.slotOf.size !== n) throw new Error('index snapshot: an id twice');
    this.lengths = n ? snap.lengths : new Float32Array(4 * FIELDS);
    for (let s = 0; s < n; s++) for (let f = 0; f < FIELDS; f++) this.lengthSums[f] += snap.lengths[s * FIELDS + f];
    let k = 0;
    for (let w = 0; w < snap.words.length; w++) {
      const c = snap.counts[w];
      if (k + c > snap.slots.length) throw new Error('index snapshot: postings cut short');
      const p = new Postings(snap.slots.subarray(k, k + c), snap.tfs.subarray(k, k + c), c);
      let prev = -1;
      for (let i = 0; i < c; i++) {
        const s = p.slots[i];
        if (s <= prev || s >= n) throw new Error('index snapshot: postings out of order');
        prev = s;
      }
      k += c;
      this.postings.set(snap.words[w], p);
    }
    if (k !== snap.slots.length) throw new Error('index snapshot: postings left over');
    // A snapshot's words come in order (snapshot()); any other order is sorted on first use.
    let ordered = true;
    for (let w = 1; w < snap.words.length && ordered; w++) ordered = snap.words[w - 1] < snap.words[w];
    if (ordered) this.sorted = snap.words;
    else this.pending = [...snap.words];
  }

  search(q: IndexQuery): IndexResult {
    const words = q.words;
    if (!words.length || words.length > 250 || !this.size) return { total: 0, hits: [] };
    const slots = this.ids.length;
    const live = this.size;
    const avg = Array.from(this.lengthSums, (sum) => Math.max(sum / live, 1));
    const score = new Float64Array(slots);
    const count = new Uint8Array(slots);
    const expansions: Array<Map<string, number>> = [];
    for (let qi = 0; qi < words.length; qi++) {
      const word = words[qi];
      const exp = this.expand(word, qi === words.length - 1, q.fuzzy?.(word) ?? 0);
      if (!exp.size) return { total: 0, hits: [] }; // AND: one word found nowhere finds nothing
      expansions.push(exp);
      const mark = new Uint8Array(slots);
      for (const [w, weight] of exp) {
        const p = this.postings.get(w)!;
        // The word's rarity, from its list length (dead slots included until the next compaction).
        const idf = Math.log(1 + (live - p.n + 0.5) / (p.n + 0.5));
        const wIdf = weight * Math.max(idf, 0.01);
        for (let i = 0; i < p.n; i++) {
          const s = p.slots[i];
          const tfs = p.tfs[i];
          let sc = 0;
          for (let f = 0; f < FIELDS; f++) {
            const tf = (tfs >> (2 * f)) & 3;
            if (!tf) continue;
            const norm = 1 - B + (B * this.lengths[s * FIELDS + f]) / avg[f];
            sc += FIELD_BOOSTS[f] * (D + (tf * (K1 + 1)) / (tf + K1 * norm));
          }
          score[s] += wIdf * sc;
          if (!mark[s]) {
            mark[s] = 1;
            count[s]++;
          }
        }
      }
    }
    // The best `limit` of the posts that hold every word: a min-heap of slots by score.
    const need = words.length;
    const heap: number[] = [];
    const limit = Math.max(0, q.limit);
    let total = 0;
    const worse = (a: number, b: number) => score[a] < score[b] || (score[a] === score[b] && a > b);
    for (let s = 0; s < slots; s++) {
      if (count[s] !== need) continue;
      const id = this.ids[s];
      if (id === null || (q.filter && !q.filter(id))) continue;
      total++;
      if (!limit) continue;
      if (heap.length < limit) {
        heap.push(s);
        siftUp(heap, heap.length - 1, worse);
      } else if (worse(heap[0], s)) {
        heap[0] = s;
        siftDown(heap, 0, worse);
      }
    }
    heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
    const hits = heap.map((s) => {
      const terms: string[] = [];
      for (const exp of expansions) for (const w of exp.keys()) if (this.postings.get(w)!.has(s)) terms.push(w);
      return { id: this.ids[s]!, score: score[s], terms };
    });
    return { total, hits };
  }
}

function siftUp(h: number[], i: number, worse: (a: number, b: number) => boolean): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!worse(h[i], h[parent])) return;
    [h[i], h[parent]] = [h[parent], h[i]];
    i = parent;
  }
}

function siftDown(h: number[], i: number, worse: (a: number, b: number) => boolean): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < h.length && worse(h[l], h[m])) m = l;
    if (r < h.length && worse(h[r], h[m])) m = r;
    if (m === i) return;
    [h[i], h[m]] = [h[m], h[i]];
    i = m;
  }
}

function isNumber(w: string): boolean {
  return /^\d+$/.test(w);
}

/** Levenshtein distance of a and b, or max + 1 once it is known to exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The index as plain arrays, for the cache on disk (index-cache.ts): live documents only, their
 * slots renumbered 0..n-1 in order (so every word's list stays sorted). Word w's postings are
 * `counts[w]` entries of `slots`/`tfs`, after those of the words before it.
 */
export interface IndexSnapshot {
  ids: string[];
  words: string[];
  counts: Uint32Array<ArrayBuffer>;
  slots: Int32Array<ArrayBuffer>;
  tfs: Uint8Array<ArrayBuffer>;
  /** FIELDS numbers per document. */
  lengths: Float32Array<ArrayBuffer>;
}
