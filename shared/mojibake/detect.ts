// Finds text that is UTF-8 read as Mac Roman or Windows-1252 and saved back as UTF-8: `’`
// shown as `‚Äô` (Mac) or `â€™` (Windows), 🚀 as `üöÄ` (after an invisible U+F8FF), é as
// `Ã©` or `√©`. Each garbled run is a stretch of characters that, encoded back to the code
// page's bytes, forms valid UTF-8 that decodes to something a writer plausibly typed.
//
// Real accented text can also encode to valid UTF-8 by accident (French `l’été` in Mac Roman
// is the bytes D5 8E, a valid Armenian letter), so a run is only reported when it is
// convincing: it decodes to a typographic character, a Latin-1 letter, an emoji or symbol; or
// it decodes to at least two characters in a row (a garbled word of another script).
import { CODE_PAGES, type CodePage, type CodePageTable } from './code-pages';
import { decodeUtf8At } from './utf8';

export interface MojibakeRun {
  /** UTF-16 offset of the first garbled character. */
  start: number;
  /** UTF-16 offset just after the last garbled character. */
  end: number;
  /** The garbled text, as in the file. */
  original: string;
  /** What the writer meant. */
  fixed: string;
  /** The code page the UTF-8 was wrongly read as. */
  encoding: CodePage;
}

interface Piece {
  start: number;
  end: number;
  cps: number[];
  strong: boolean;
}

/** Characters of either code page's upper half: text without any of them cannot be garbled. */
const HIGH_CHARS = new Set<string>(CODE_PAGES.flatMap((t) => [...t.encode.keys()]));

const UNASSIGNED_OR_PRIVATE = /[\p{Cn}\p{Co}\p{Cc}\p{Cs}]/u;

/** Kinds of character so typical of garbling that one alone is enough. */
function isStrong(cp: number, len: number): boolean {
  if (len === 2) return cp >= 0xa0 && cp <= 0x17f; // Latin-1 and Latin Extended-A letters, NBSP, ©, °
  return (
    (cp >= 0x2000 && cp <= 0x2bff) || // punctuation (’ “ ” … – —), currency, arrows, symbols, dingbats
    (cp >= 0xfe00 && cp <= 0xfe0f) || // emoji variation selectors
    (cp >= 0x1f000 && cp <= 0x1faff) // emoji
  );
}

function isAcceptable(cp: number): boolean {
  if (cp >= 0x80 && cp <= 0x9f) return false; // C1 controls: a stray byte, not a letter
  const ch = String.fromCodePoint(cp);
  if (cp === 0xfe0f || cp === 0x200d) return true;
  return !UNASSIGNED_OR_PRIVATE.test(ch);
}

/** The garbled pieces of one run of code-page characters. */
function piecesOf(chars: { ch: string; at: number }[], table: CodePageTable): Piece[] {
  const bytes = Uint8Array.from(chars.map((c) => table.encode.get(c.ch)!));
  const out: Piece[] = [];
  let cur: Piece | null = null;
  let i = 0;
  while (i < bytes.length) {
    const seq = decodeUtf8At(bytes, i);
    if (seq && isAcceptable(seq.cp)) {
      const start = chars[i].at;
      const last = chars[i + seq.len - 1];
      const end = last.at + last.ch.length;
      if (!cur) cur = { start, end, cps: [], strong: false };
      cur.cps.push(seq.cp);
      cur.end = end;
      cur.strong ||= isStrong(seq.cp, seq.len);
      i += seq.len;
    } else {
      if (cur) out.push(cur);
      cur = null;
      i++;
    }
  }
  if (cur) out.push(cur);
  return out;
}

const SCRIPTS = ['Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Nko', 'Han', 'Hangul', 'Hiragana', 'Katakana', 'Thai', 'Devanagari'];
const SCRIPT_RES = SCRIPTS.map((name) => ({ name, re: new RegExp(`^\\p{Script=${name}}$`, 'u') }));

function scriptOf(cp: number): string | null {
  const ch = String.fromCodePoint(cp);
  return SCRIPT_RES.find((s) => s.re.test(ch))?.name ?? null;
}

function isConvincing(p: Piece): boolean {
  return p.strong || p.cps.length >= 2;
}

function detectWith(text: string, table: CodePageTable): MojibakeRun[] {
  const runs: MojibakeRun[] = [];
  let chars: { ch: string; at: number }[] = [];
  const pieces: Piece[] = [];
  const flush = () => {
    if (chars.length >= 2) pieces.push(...piecesOf(chars, table));
    chars = [];
  };
  let at = 0;
  for (const ch of text) {
    if (ch.length === 1 && ch.charCodeAt(0) >= 0x80 && table.encode.has(ch)) chars.push({ ch, at });
    else flush();
    at += ch.length;
  }
  flush();
  // A garbled Persian or Russian text has one-letter words ("و", "в") that alone would not be
  // convincing; they are, when longer garbled words of the same script are in the same text.
  const scripts = new Set<string>();
  for (const p of pieces) if (isConvincing(p)) for (const cp of p.cps) scripts.add(scriptOf(cp) ?? '');
  scripts.delete('');
  for (const p of pieces) {
    const ok = isConvincing(p) || p.cps.every((cp) => scripts.has(scriptOf(cp) ?? ''));
    if (!ok) continue;
    runs.push({ start: p.start, end: p.end, original: text.slice(p.start, p.end), fixed: String.fromCodePoint(...p.cps), encoding: table.name });
  }
  return runs;
}

const MARK = /\p{M}/u;

/** Higher for readings made of letters and typography, lower for stray combining marks. */
function plausibility(r: MojibakeRun): number {
  let score = (r.end - r.start) / 100; // ties go to the reading covering more text
  for (const ch of r.fixed) {
    const cp = ch.codePointAt(0)!;
    const len = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    score += MARK.test(ch) && cp !== 0xfe0f ? -2 : isStrong(cp, len) ? 2 : 1;
  }
  return score;
}

/** A run garbled twice (UTF-8 → Mac Roman → UTF-8 → Mac Roman) is undone twice. */
function undoRepeated(run: MojibakeRun): MojibakeRun {
  let fixed = run.fixed;
  for (let round = 0; round < 2; round++) {
    const again = detectWith(fixed, CODE_PAGES.find((t) => t.name === run.encoding)!);
    if (again.length !== 1 || again[0].start !== 0 || again[0].end !== fixed.length) break;
    fixed = again[0].fixed;
  }
  return fixed === run.fixed ? run : { ...run, fixed };
}

/** Every garbled run in the text, in order, not overlapping. */
export function detectMojibake(text: string): MojibakeRun[] {
  let any = false;
  for (const ch of text) {
    if (HIGH_CHARS.has(ch)) {
      any = true;
      break;
    }
  }
  if (!any) return [];
  // Both code pages may claim overlapping stretches (`Ã¶` is ö from Windows-1252 but a
  // combining mark from Mac Roman); keep the more plausible reading.
  const all = CODE_PAGES.flatMap((t) => detectWith(text, t)).sort((a, b) => a.start - b.start);
  const kept: MojibakeRun[] = [];
  for (const r of all) {
    const prev = kept[kept.length - 1];
    if (prev && r.start < prev.end) {
      if (plausibility(r) > plausibility(prev)) kept[kept.length - 1] = r;
      continue;
    }
    kept.push(r);
  }
  return kept.map(undoRepeated);
}

/** Repairs exactly the garbled runs; everything else (and so every other line) is untouched. */
export function fixMojibake(text: string, runs: MojibakeRun[] = detectMojibake(text)): string {
  let out = '';
  let pos = 0;
  for (const r of runs) {
    out += text.slice(pos, r.start) + r.fixed;
    pos = r.end;
  }
  return out + text.slice(pos);
}

export function hasMojibake(text: string): boolean {
  return detectMojibake(text).length > 0;
}

/** 1-based line of an offset, for messages such as "line 12: ‚Äô should be ’". */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
