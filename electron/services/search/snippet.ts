// Highlighting: where the matched terms occur in a title, and a short excerpt of the body
// around the first match, with the ranges to mark.
import { normalizeTerm, tokens } from './tokenize';

export type Range = [start: number, end: number];

export interface Snippet {
  text: string;
  ranges: Range[];
}

/** Ranges of the words of `text` whose normalised form is one of `terms` (or starts with one, for prefix matches). */
export function matchRanges(text: string, terms: ReadonlySet<string>, prefixes: readonly string[] = []): Range[] {
  const out: Range[] = [];
  for (const t of tokens(text)) {
    const n = normalizeTerm(t.text);
    if (terms.has(n) || prefixes.some((p) => n.startsWith(p))) out.push([t.start, t.end]);
  }
  return out;
}

/** About `width` characters of `body` around its first match (the start when none). */
export function makeSnippet(body: string, terms: ReadonlySet<string>, prefixes: readonly string[] = [], width = 160): Snippet {
  const all = matchRanges(body, terms, prefixes);
  const first = all[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  let end = Math.min(body.length, start + width);
  // Cut at word boundaries so the excerpt does not start or end mid-word.
  if (start > 0) {
    const sp = body.slice(start, first).search(/\s/);
    if (sp !== -1) start += sp + 1;
  }
  if (end < body.length) {
    const sp = body.slice(0, end).search(/\s\S*$/);
    if (sp > first) end = sp;
  }
  const raw = body.slice(start, end);
  const text = (start > 0 ? '…' : '') + raw.replace(/\s+/g, ' ').trim() + (end < body.length ? '…' : '');
  return { text, ranges: matchRanges(text, terms, prefixes) };
}
