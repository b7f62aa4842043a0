// Where a long post may be parsed piece by piece (see progressive-open.ts), so that its start is
// on screen and editable long before the whole post is read. Markdown is not context-free, so a
// cut is made only where nothing before it can change how what follows is read:
// - at a top-level ATX heading after a blank line: no paragraph, list, quote or table continues
//   past that (a heading at column 0 cannot continue a container);
// - never between a paired shortcode's opening and closing tags (`{{< note >}} … {{< /note >}}`
//   is one block, remark-shortcodes.ts pairs them across the whole body);
// - never in a post with reference or footnote definitions (`[id]: …` may be used on either
//   side), nor in one starting with a byte order mark (the parser's offsets shift by one);
// - and once a piece is parsed, it must end with a closed block (`endsClosed`): a fenced code
//   block or an HTML block of kinds 1 to 5 (<pre>, <script>, comments, …) still open at the cut
//   would have read on through the heading. A piece that does not is not cut there.
// Pure functions on strings: tested under Node against whole-post parses of the corpus.
import { pairShortcodes } from '../shared/markdown/shortcode-scan';

/** Posts up to this long are parsed whole: a piece would save less than the second step costs. */
export const PIECES_MIN_CHARS = 8_000;
/**
 * The first piece: with the form above it, about the first screen of the post (25 lines or
 * so; it ends at the next heading, usually further). The rest follows a frame later.
 */
export const FIRST_PIECE_CHARS = 2_000;
/** The later pieces: each is parsed in one task, about 40 ms here, so typing is never held long. */
export const PIECE_CHARS = 32_000;

const HEADING_LINE = /^#{1,6}(?:[ \t]|\r?\n|\r|$)/;
const BLANK_LINE = /^[ \t]*$/;

/** True when a top-level ATX heading starts at `at`, right after a blank line. */
function headingAfterBlank(body: string, at: number): boolean {
  if (!HEADING_LINE.test(body.slice(at, at + 8))) return false;
  const prevEnd = at - 1;
  if (prevEnd < 1 || body[prevEnd] !== '\n') return false;
  const prevStart = body.lastIndexOf('\n', prevEnd - 1) + 1;
  return BLANK_LINE.test(body.slice(prevStart, prevEnd).replace(/\r$/, ''));
}

/**
 * Offsets where pieces start, ascending: the first at or after `first` characters, each next
 * one at least `size` after the one before. Empty when the body must be parsed whole.
 */
export function pieceCuts(body: string, first = FIRST_PIECE_CHARS, size = PIECE_CHARS, minChars = PIECES_MIN_CHARS): number[] {
  if (body.length <= minChars || body.charCodeAt(0) === 0xfeff || body.includes(']:')) return [];
  const cuts: number[] = [];
  const paired = pairedSpans(body);
  const ok = (at: number) => headingAfterBlank(body, at) && !paired.some(([s, e]) => s < at && at < e);
  let from = first;
  while (from < body.length) {
    let at = body.indexOf('\n#', from - 1);
    while (at !== -1 && !ok(at + 1)) at = body.indexOf('\n#', at + 2);
    if (at === -1) break;
    cuts.push(at + 1);
    from = at + 1 + size;
  }
  return cuts;
}

/** [opening tag's start, closing tag's end) of every paired shortcode in the body. */
function pairedSpans(body: string): Array<[number, number]> {
  if (!body.includes('{{')) return [];
  const spans: Array<[number, number]> = [];
  for (const [start, closer] of pairShortcodes(body)) if (closer) spans.push([start, closer.end]);
  return spans;
}

const HTML_OPENERS: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/**
 * True when a block's source may still be open at its end: a fence without its closing fence,
 * or an HTML block of kinds 1 to 5 without its end. Judged on the text alone, so a paragraph
 * that merely starts with three backticks counts as open too (the cut is then not made).
 */
export function mayBeOpen(source: string): boolean {
  const fence = /^ {0,3}(`{3,}|~{3,})/.exec(source);
  if (fence) {
    const lines = source.split(/\r\n|\r|\n/);
    const last = lines[lines.length - 1].trim();
    const marker = fence[1];
    return lines.length < 2 || last.length < marker.length || [...last].some((c) => c !== marker[0]);
  }
  for (const [open, close] of HTML_OPENERS) {
    const m = open.exec(source);
    if (m) return !close.test(source.slice(m[0].length));
  }
  return false;
}

/**
 * Whether a parsed piece ends cleanly: its last block (`last`, offsets in `piece`) ends before
 * the piece's trailing blank lines and is closed. A piece with no block ends cleanly.
 */
export function endsClosed(piece: string, last: readonly [number, number] | undefined): boolean {
  if (!last) return true;
  const closedBy = piece.replace(/\s+$/, '').length;
  return last[1] <= closedBy && !mayBeOpen(piece.slice(last[0], last[1]));
}
