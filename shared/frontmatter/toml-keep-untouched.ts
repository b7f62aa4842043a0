// toml-patch changes the value asked for, but it also re-formats lines it was not asked to touch:
// `[ author ]` becomes `[author]`, `[[ links ]]` becomes `[[links]]`, trailing blanks go, spaces
// before a key turn into tabs. A writer who changes the title must see one changed line in the
// diff, so the library's output is taken as the meaning to reach, and every difference from the
// original that is not needed for that meaning is put back as it was: first whole lines, then
// the characters inside the lines that had to change (their indentation and trailing blanks).
// "Needed" is decided by parsing: a difference is put back only when the text still reads as
// exactly the library's output, with integers told apart from floats and dates compared as written.
import { diffArrays, diffChars } from 'diff';
import { parse } from '@decimalturn/toml-patch';

/** One stretch where the two texts differ: the original's text and the library's. */
interface Piece {
  before: string;
  after: string;
  /** Unchanged text, or a difference that has been put back. */
  keep: boolean;
  /** The library's choice stands (a comment removed with the key it sits above). */
  settled?: boolean;
}

export function keepUntouched(original: string, patched: string): string {
  if (original === patched) return original;
  const target = strictRead(patched);
  if (target === undefined) return patched;
  const reads = (text: string) => {
    const v = strictRead(text);
    return v !== undefined && sameValue(v, target);
  };
  const lines = putBack(linePieces(original, patched), reads);
  // A removed key can leave an empty line in its place: a removal removes the whole line.
  for (const p of lines) {
    if (p.keep || p.after === '' || p.after.trim() !== '' || p.before.trim() === '') continue;
    const was = p.after;
    p.after = '';
    if (!reads(text(lines))) p.after = was;
  }
  // Inside a line that had to change: first its indentation and trailing blanks as a whole, then
  // any other spacing the library changed.
  for (const p of lines) {
    if (p.keep || !isOneLine(p.before) || !isOneLine(p.after)) continue;
    const respaced = withSpacingOf(p.before, p.after);
    if (respaced === p.after) continue;
    const was = p.after;
    p.after = respaced;
    if (!reads(text(lines))) p.after = was;
  }
  const fine: Piece[] = [];
  for (const p of lines) {
    if (p.keep || !isOneLine(p.before) || !isOneLine(p.after)) fine.push(p);
    else fine.push(...charPieces(p.before, p.after));
  }
  return text(putBack(fine, reads));
}

/**
 * The two texts' lines paired up. Lines that differ only in spacing (`[ author ]` and
 * `[author]`) are paired with each other, so that an added key does not drag its neighbours
 * into one block of changes; n removed and n added lines in a row are paired one by one.
 */
function linePieces(original: string, patched: string): Piece[] {
  const a = splitLines(original);
  const b = splitLines(patched);
  const squash = (l: string) => l.replace(/\s+/g, '');
  const changes = diffArrays(a, b, { comparator: (x, y) => squash(x) === squash(y) });
  const out: Piece[] = [];
  let i = 0;
  let j = 0;
  for (let k = 0; k < changes.length; k++) {
    const c = changes[k];
    if (!c.added && !c.removed) {
      for (let n = 0; n < c.value.length; n++, i++, j++) out.push({ before: a[i], after: b[j], keep: a[i] === b[j] });
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    for (; k < changes.length && (changes[k].added || changes[k].removed); k++) {
      const n = changes[k].value.length;
      if (changes[k].removed) removed.push(...a.slice(i, (i += n)));
      else added.push(...b.slice(j, (j += n)));
    }
    k--;
    if (removed.length === added.length) removed.forEach((line, n) => out.push({ before: line, after: added[n], keep: false }));
    else {
      // Each removed line on its own (the library may take a blank line along with a removed
      // key), then the added lines as one. A comment the library removed with a key was that
      // key's own (toml-patch: comment ownership), so it goes too.
      for (const line of removed) out.push({ before: line, after: '', keep: false, settled: added.length === 0 && line.trimStart().startsWith('#') });
      if (added.length) out.push({ before: '', after: added.join(''), keep: false });
    }
  }
  return out;
}

function charPieces(before: string, after: string): Piece[] {
  const out: Piece[] = [];
  const changes = diffChars(before, after);
  for (let k = 0; k < changes.length; k++) {
    if (!changes[k].added && !changes[k].removed) {
      out.push({ before: changes[k].value, after: changes[k].value, keep: true });
      continue;
    }
    let b = '';
    let a = '';
    for (; k < changes.length && (changes[k].added || changes[k].removed); k++) {
      if (changes[k].removed) b += changes[k].value;
      else a += changes[k].value;
    }
    k--;
    out.push({ before: b, after: a, keep: false });
  }
  return out;
}

/** `after`'s content with `before`'s indentation and trailing blanks. */
function withSpacingOf(before: string, after: string): string {
  const parts = (l: string) => /^([ \t]*)(.*?)([ \t]*)(\r?\n)?$/s.exec(l)!;
  const [, lead, , trail] = parts(before);
  const [, , body, , eol = ''] = parts(after);
  return lead + body + trail + eol;
}

/** One whole line (an added or removed line is left whole: its spacing goes with it). */
function isOneLine(s: string): boolean {
  if (s.trim() === '') return false;
  const i = s.indexOf('\n');
  return i === -1 || i === s.length - 1;
}

function splitLines(s: string): string[] {
  return s.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * Puts back every difference it can: a whole group at once when the text still reads the same,
 * else each half of it, down to single differences. Usually only one difference is needed (the
 * edited value), so a long front matter the library re-indented costs a few parses, not one
 * per line.
 */
function putBack(list: Piece[], reads: (text: string) => boolean): Piece[] {
  const open = list.filter((p) => !p.keep && !p.settled);
  const tryGroup = (group: Piece[]): void => {
    if (group.length === 0) return;
    for (const p of group) p.keep = true;
    if (reads(text(list))) return;
    for (const p of group) p.keep = false;
    if (group.length === 1) return;
    const half = group.length >> 1;
    tryGroup(group.slice(0, half));
    tryGroup(group.slice(half));
  };
  tryGroup(open);
  return list;
}

function text(list: Piece[]): string {
  return list.map((p) => (p.keep ? p.before : p.after)).join('');
}

function strictRead(s: string): unknown {
  try {
    return parse(s, { integersAsBigInt: true });
  } catch {
    return undefined;
  }
}

/** Equal values of equal TOML types: 1 and 1.0 differ, and so do two spellings of one instant. */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b) return false;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.constructor === b.constructor && a.toISOString() === b.toISOString();
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (a && b && typeof a === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    const ob = b as Record<string, unknown>;
    return ka.length === kb.length && ka.every((k, i) => kb[i] === k && sameValue((a as Record<string, unknown>)[k], ob[k]));
  }
  return Object.is(a, b);
}
