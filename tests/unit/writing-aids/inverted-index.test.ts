// The search index's own rules: every word must match, the last one also as a prefix, typos
// only when asked; the best `limit` hits come first with the total of all matches; and after
// thousands of changed and removed posts (dead slots, compactions) it answers exactly as an
// index built fresh from the same posts.
import { describe, it, expect } from 'vitest';
import { InvertedIndex, editDistance } from '../../../electron/services/search/inverted-index';
import { terms } from '../../../electron/services/search/tokenize';

const WORDS = 'harbor tide lantern keynote canary rollout sticker coffee demo volunteer'.split(' ');
const text = (i: number, v = 0) => Array.from({ length: 6 }, (_, k) => WORDS[(i * 3 + k * 7 + v) % WORDS.length]).join(' ') + ` n${i}`;
const q = (s: string) => terms(s);

describe('InvertedIndex', () => {
  it('matches every word, the last as a prefix, and forgives a typo only when asked', () => {
    const ix = new InvertedIndex();
    ix.add('a', ['Harbor day', '', '', 'tide charts and lanterns']);
    ix.add('b', ['Keynote', 'recap', '', 'harbor maps']);
    const ids = (r: { hits: Array<{ id: string }> }) => r.hits.map((h) => h.id).sort();
    expect(ids(ix.search({ words: q('harbor'), limit: 10 }))).toEqual(['a', 'b']);
    expect(ids(ix.search({ words: q('harbor tide'), limit: 10 }))).toEqual(['a']);
    expect(ids(ix.search({ words: q('harbor lant'), limit: 10 }))).toEqual(['a']);
    expect(ix.search({ words: q('lant harbor'), limit: 10 }).total).toBe(0); // only the last word is a prefix
    expect(ix.search({ words: q('keynot'), limit: 10 }).hits[0]?.id).toBe('b'); // prefix
    expect(ix.search({ words: q('hrabor'), limit: 10 }).total).toBe(0);
    expect(ids(ix.search({ words: q('harbr'), limit: 10, fuzzy: () => 1 }))).toEqual(['a', 'b']);
    // The title weighs more than the body; the matched words are given for highlighting.
    const top = ix.search({ words: q('harbor'), limit: 1 });
    expect(top).toMatchObject({ total: 2, hits: [{ id: 'a', terms: ['harbor'] }] });
    expect(ix.search({ words: q('harbor lant'), limit: 5 }).hits[0].terms.sort()).toEqual(['harbor', 'lanterns']);
  });

  it('returns the best hits in order and counts all of them, with a filter', () => {
    const ix = new InvertedIndex();
    for (let i = 0; i < 500; i++) ix.add(`p${i}`, [i % 7 === 0 ? 'harbor' : 'day', '', '', text(i)]);
    const all = ix.search({ words: q('harbor'), limit: 10_000 });
    const top = ix.search({ words: q('harbor'), limit: 20 });
    expect(top.total).toBe(all.total);
    expect(top.hits).toEqual(all.hits.slice(0, 20));
    for (let i = 1; i < all.hits.length; i++) expect(all.hits[i - 1].score).toBeGreaterThanOrEqual(all.hits[i].score);
    const odd = ix.search({ words: q('harbor'), limit: 10_000, filter: (id) => Number(id.slice(1)) % 2 === 1 });
    expect(odd.hits.map((h) => h.id)).toEqual(all.hits.map((h) => h.id).filter((id) => Number(id.slice(1)) % 2 === 1));
  });

  it('after thousands of changes and removals answers as a fresh index of the same posts', () => {
    const ix = new InvertedIndex();
    const final = new Map<string, string>();
    for (let i = 0; i < 3000; i++) {
      ix.add(`p${i}`, ['', '', '', text(i)]);
      final.set(`p${i}`, text(i));
    }
    for (let r = 1; r <= 3; r++) {
      for (let i = 0; i < 3000; i += r + 1) {
        ix.add(`p${i}`, ['', '', '', text(i, r)]); // changed: replaces the old entry
        final.set(`p${i}`, text(i, r));
      }
    }
    for (let i = 0; i < 3000; i += 5) {
      ix.remove(`p${i}`);
      final.delete(`p${i}`);
    }
    const fresh = new InvertedIndex();
    for (const [id, t] of final) fresh.add(id, ['', '', '', t]);
    expect(ix.size).toBe(fresh.size);
    for (const query of ['harbor', 'tide canary', 'n12', 'volunteer co', 'n299']) {
      const a = ix.search({ words: q(query), limit: 100_000 });
      const b = fresh.search({ words: q(query), limit: 100_000 });
      expect(a.total).toBe(b.total);
      expect(new Set(a.hits.map((h) => h.id))).toEqual(new Set(b.hits.map((h) => h.id)));
    }
  });

  it('measures edit distance with an early stop', () => {
    expect(editDistance('drftwood', 'driftwood', 2)).toBe(1);
    expect(editDistance('keynote', 'keynote', 2)).toBe(0);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});
