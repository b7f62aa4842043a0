// Helpers that blank out parts of a post's text without moving anything, so that offsets found
// in the masked copy are offsets in the original. Blanked characters become spaces; line breaks
// stay, so line numbers stay right too.

export type Range = [start: number, end: number];

export function maskRanges(text: string, ranges: Range[]): string {
  if (!ranges.length) return text;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [s, e] of sorted) {
    const start = Math.max(s, pos);
    if (e <= start) continue;
    out += text.slice(pos, start) + text.slice(start, e).replace(/[^\r\n]/g, ' ');
    pos = e;
  }
  return out + text.slice(pos);
}

/** Fenced code blocks (``` or ~~~), from the opening fence to the closing one or the end. */
export function fencedCodeRanges(text: string, from: number): Range[] {
  const ranges: Range[] = [];
  const re = /^ {0,3}(`{3,}|~{3,})[^\n]*$/gm;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const fence = m[1];
    if (fence[0] === '`' && m[0].slice(m[0].indexOf(fence) + fence.length).includes('`')) continue;
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*\\r?$`, 'gm');
    close.lastIndex = m.index + m[0].length;
    const c = close.exec(text);
    const end = c ? c.index + c[0].length : text.length;
    ranges.push([m.index, end]);
    re.lastIndex = end;
  }
  return ranges;
}

/**
 * Indented code blocks: lines indented by 4+ spaces (or a tab) after a blank line, when the
 * text before the blank line is not a list (inside lists, indentation means "belongs to the
 * item", not code). A heuristic, kept strict so that list content is never skipped.
 */
export function indentedCodeRanges(text: string, from: number): Range[] {
  const ranges: Range[] = [];
  const lines = text.slice(from).split('\n');
  let pos = from;
  let prevBlank = true;
  let lastText = '';
  let open: number | null = null;
  for (const line of lines) {
    const blank = line.trim() === '';
    const indented = /^( {4}|\t)/.test(line);
    if (open !== null) {
      if (!blank && !indented) {
        ranges.push([open, pos]);
        open = null;
      }
    } else if (indented && !blank && prevBlank && !/^\s*([-*+]|\d+[.)])(\s|$)/.test(lastText) && !/^\s{2,}/.test(lastText)) {
      open = pos;
    }
    if (!blank && open === null) lastText = line;
    prevBlank = blank;
    pos += line.length + 1;
  }
  if (open !== null) ranges.push([open, text.length]);
  return ranges;
}

/** `<!-- … -->` comments (unclosed ones run to the end, as in HTML). */
export function htmlCommentRanges(text: string, from: number): Range[] {
  const ranges: Range[] = [];
  let i = text.indexOf('<!--', from);
  while (i !== -1) {
    const close = text.indexOf('-->', i + 4);
    const end = close === -1 ? text.length : close + 3;
    ranges.push([i, end]);
    i = text.indexOf('<!--', end);
  }
  return ranges;
}

const PARAGRAPH_END = /\n[ \t]*\r?\n/g;

/** Inline code spans: a run of backticks closed by a run of the same length in one paragraph. */
export function codeSpanRanges(text: string, from: number): Range[] {
  const ranges: Range[] = [];
  const re = /`+/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m.index > 0 && text[m.index - 1] === '\\') continue;
    const n = m[0].length;
    PARAGRAPH_END.lastIndex = m.index;
    const paraEnd = PARAGRAPH_END.exec(text);
    const limit = paraEnd ? paraEnd.index : text.length;
    const closer = new RegExp(`(?<!\`)\`{${n}}(?!\`)`, 'g');
    closer.lastIndex = m.index + n;
    const c = closer.exec(text);
    if (c && c.index < limit) {
      ranges.push([m.index, c.index + n]);
      re.lastIndex = c.index + n;
    }
  }
  return ranges;
}

export function inRanges(ranges: Range[], offset: number): boolean {
  return ranges.some(([s, e]) => offset >= s && offset < e);
}

/** Start offset of every line, for turning offsets into 1-based line numbers. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
