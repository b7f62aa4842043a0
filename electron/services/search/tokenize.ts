// One tokenizer for indexing, querying and highlighting, so that what is highlighted is
// exactly what matched. Words are split on spaces and punctuation; Chinese and Japanese,
// written without spaces, are indexed one character at a time so that any word of them can
// be found. Terms are lower-cased and stripped of accents (`cafe` finds `Café`).
// Speed matters here (a 10,000-post site is millions of words), hence one plain character
// class instead of Unicode property escapes on the common path.

/** Spaces and punctuation of ASCII, Latin-1, general punctuation and CJK punctuation. */
const SEPARATOR = /[\s!-/:-@[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u2190-\u2bff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]+/g;
const CJK = /[\u2e80-\u2fff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]/;
const CJK_SPLIT = /[\u2e80-\u2fff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]|[^\u2e80-\u2fff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]+/g;
const ASCII = /^[\t\n\r -~]*$/;

export interface Token {
  /** The word as written. */
  text: string;
  start: number;
  end: number;
}

/** Words of a text with their offsets (for highlighting). */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  const push = (word: string, at: number) => {
    if (!CJK.test(word)) out.push({ text: word, start: at, end: at + word.length });
    else for (const m of word.matchAll(CJK_SPLIT)) out.push({ text: m[0], start: at + m.index, end: at + m.index + m[0].length });
  };
  for (const m of text.matchAll(SEPARATOR)) {
    if (m.index > pos) push(text.slice(pos, m.index), pos);
    pos = m.index + m[0].length;
  }
  if (pos < text.length) push(text.slice(pos), pos);
  return out;
}

export function normalizeTerm(term: string): string {
  if (ASCII.test(term)) return term.toLowerCase();
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Normalised words of a query or a text, in order. */
export function terms(text: string): string[] {
  // Most posts are plain ASCII: lower-case the whole text once and skip per-word checks.
  if (ASCII.test(text)) return text.toLowerCase().split(SEPARATOR).filter(Boolean);
  const out: string[] = [];
  for (const word of text.split(SEPARATOR)) {
    if (!word) continue;
    if (!CJK.test(word)) out.push(normalizeTerm(word));
    else for (const m of word.match(CJK_SPLIT) ?? []) out.push(normalizeTerm(m));
  }
  return out;
}

/**
 * Words of a text for the index, each kept at most `cap` times. Relevance (BM25) saturates
 * after a few occurrences anyway, and this keeps building the index of a large site fast.
 */
export function cappedTerms(text: string, cap = 3): string[] {
  const seen = new Map<string, number>();
  const out: string[] = [];
  for (const t of terms(text)) {
    const n = seen.get(t) ?? 0;
    if (n < cap) {
      out.push(t);
      seen.set(t, n + 1);
    }
  }
  return out;
}
