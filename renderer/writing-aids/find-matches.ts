// Find and replace over plain text, for editors that hand the bar their text (and for the
// bar's own count). Match case and whole word; the query is literal text, never a pattern.

export interface FindOptions {
  matchCase: boolean;
  wholeWord: boolean;
}

export type Match = [start: number, end: number];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A RegExp for the query; whole word means not glued to a letter, digit or underscore (any script). */
export function findPattern(query: string, opts: FindOptions): RegExp | null {
  if (!query) return null;
  const body = escapeRegExp(query);
  const src = opts.wholeWord ? `(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])` : body;
  return new RegExp(src, opts.matchCase ? 'gu' : 'giu');
}

export function findMatches(text: string, query: string, opts: FindOptions): Match[] {
  const re = findPattern(query, opts);
  if (!re) return [];
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
}

/** Replaces every match; returns the new text and how many were replaced. */
export function replaceAll(text: string, query: string, replacement: string, opts: FindOptions): { text: string; count: number } {
  const matches = findMatches(text, query, opts);
  let out = '';
  let pos = 0;
  for (const [s, e] of matches) {
    out += text.slice(pos, s) + replacement;
    pos = e;
  }
  return { text: out + text.slice(pos), count: matches.length };
}
