// Minimal diffs inside a changed block: a three-way merge with
//   base   = the pristine block as the serializer writes it,
//   ours   = the block's original source,
//   theirs = the edited block as the serializer writes it.
// Lines the edit did not touch come from the original (keeping its formatting); lines it did
// touch come from the serializer. On a line both sides changed (the edit, and the serializer's
// own habits: `_` for `*`, a dropped closing `##`, an escape, a break written differently) the
// merge goes on word by word, so the edited line keeps the file's style around the edit. On
// conflict the edit wins: the writer's change must land. Callers check the result reads back as
// the edited block (see engine/block-check.ts) and fall back to `theirs`.
import { diff3Merge } from 'node-diff3';

export interface MergeOptions {
  /** Merge a line both sides changed word by word (default true). */
  words?: boolean;
}

export function mergeBlock(base: string, ours: string, theirs: string, options: MergeOptions = {}): string {
  if (base === theirs) return ours;
  if (base === ours) return theirs;
  const words = options.words ?? true;
  const merged = merge(ours.split('\n'), base.split('\n'), theirs.split('\n'), (o, b, t) => resolveLines(o, b, t, words));
  return merged.join('\n');
}

type Resolve = (ours: string[], base: string[], theirs: string[]) => string[];

function merge(ours: string[], base: string[], theirs: string[], resolve: Resolve): string[] {
  const chunks = diff3Merge(ours, base, theirs, { excludeFalseConflicts: true });
  const out: string[] = [];
  for (const chunk of chunks) {
    if (chunk.ok) out.push(...chunk.ok);
    else if (chunk.conflict) out.push(...resolve(chunk.conflict.a, chunk.conflict.o, chunk.conflict.b));
  }
  return out;
}

/**
 * diff3 reports neighbouring changes (the edit on one line, a style difference on the next) as
 * one conflict. When the three sides have the same number of lines, resolve line by line.
 */
function resolveLines(ours: string[], base: string[], theirs: string[], words: boolean): string[] {
  if (ours.length !== base.length || base.length !== theirs.length) {
    // The original breaks a line where the serializer writes a space, or the other way round
    // (inside inline code a line break cannot always be written back, so the serializer writes
    // a space): the edit sits on a neighbouring line. Merged word by word across the lines,
    // line breaks count as the space they stand for, and the original's break stays.
    if (words && sameWords(ours, base)) return mergeLine(base.join('\n'), ours.join('\n'), theirs.join('\n')).split('\n');
    return theirs;
  }
  return theirs.map((line, i) => {
    if (line === base[i]) return ours[i];
    if (ours[i] === base[i] || !words) return line;
    return mergeLine(base[i], ours[i], line);
  });
}

/** The same words, only the whitespace between them (spaces, line breaks, indentation) differs. */
function sameWords(a: string[], b: string[]): boolean {
  const words = (lines: string[]) => lines.join('\n').trim().split(/\s+/);
  const x = words(a);
  const y = words(b);
  return x.length === y.length && x.every((w, i) => w === y[i]);
}

// Words, runs of spaces, and single other characters (markers, escapes, punctuation).
const TOKEN = /[\p{L}\p{N}]+|\s+|./gsu;

/** Word-level three-way merge of one line; where both sides changed the same words, the edit wins. */
export function mergeLine(base: string, ours: string, theirs: string): string {
  const tok = (s: string) => s.match(TOKEN) ?? [];
  const resolve: Resolve = (o, b, t) => {
    if (o.length === b.length && b.length === t.length) return t.map((x, i) => (x === b[i] ? o[i] : x));
    // The original only added words after (or before) what the edit replaced: keep them there
    // (a closing `##`, a trailing backslash or spaces).
    if (o.length > b.length && b.every((x, i) => o[i] === x)) return [...t, ...o.slice(b.length)];
    if (o.length > b.length && b.every((x, i) => o[o.length - b.length + i] === x)) return [...o.slice(0, o.length - b.length), ...t];
    // The original changed only tokens the edit left alone at the end (or the start) of the
    // stretch, say the line break after a word typed into: keep both.
    if (o.length === b.length) {
      let suf = 0;
      while (suf < b.length && suf < t.length && b[b.length - 1 - suf] === t[t.length - 1 - suf]) suf++;
      if (suf > 0 && o.slice(0, b.length - suf).every((x, i) => x === b[i])) return [...t.slice(0, t.length - suf), ...o.slice(o.length - suf)];
      let pre = 0;
      while (pre < b.length && pre < t.length && b[pre] === t[pre]) pre++;
      if (pre > 0 && o.slice(pre).every((x, i) => x === b[pre + i])) return [...o.slice(0, pre), ...t.slice(pre)];
    }
    return t;
  };
  return merge(tok(ours), tok(base), tok(theirs), resolve).join('');
}
