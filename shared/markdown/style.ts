// Detects how a file writes markdown, so that blocks the editor has to write anew follow the
// file's own habits (bullet marker, emphasis marker, fences, rules) and its line endings.

export interface MarkdownStyle {
  bullet: '-' | '*' | '+';
  bulletOrdered: '.' | ')';
  emphasis: '*' | '_';
  strong: '*' | '_';
  fence: '`' | '~';
  rule: '-' | '*' | '_';
  /** Hard line breaks: two trailing spaces, or a trailing backslash. */
  hardBreak: 'spaces' | 'backslash';
  /** Level 1 and 2 headings underlined (`===`, `---`) rather than `#`-prefixed. */
  setext: boolean;
}

export const DEFAULT_STYLE: MarkdownStyle = {
  bullet: '-',
  bulletOrdered: '.',
  emphasis: '*',
  strong: '*',
  fence: '`',
  rule: '-',
  hardBreak: 'backslash',
  setext: false,
};

function most<K extends string>(counts: Record<K, number>, fallback: K): K {
  let best = fallback;
  let n = 0;
  for (const k of Object.keys(counts) as K[]) {
    if (counts[k] > n) {
      best = k;
      n = counts[k];
    }
  }
  return best;
}

/** The most frequent choice of each kind in `text`, or `fallback`'s where the text shows none. */
export function detectStyle(text: string, fallback: MarkdownStyle = DEFAULT_STYLE): MarkdownStyle {
  const bullet = { '-': 0, '*': 0, '+': 0 };
  const ordered = { '.': 0, ')': 0 };
  const fence = { '`': 0, '~': 0 };
  const rule = { '-': 0, '*': 0, '_': 0 };
  const emphasis = { '*': 0, _: 0 };
  const strong = { '*': 0, _: 0 };
  const breaks = { spaces: 0, backslash: 0 };
  const heading = { setext: 0, atx: 0 };
  let inFence = false;
  const lines = text.split(/\r?\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const prev = i > 0 ? lines[i - 1] : '';
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!inFence) fence[f[1][0] as '`' | '~']++;
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    // A setext underline follows a line of paragraph text (not a heading, list item or quote).
    if (/^ {0,3}(?:=+|-+)[ \t]*$/.test(line) && /\S/.test(prev) && !/^\s{0,3}(?:#|>|[-*+][ \t]|\d{1,9}[.)][ \t]|`{3}|~{3})/.test(prev) && !/^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(prev)) {
      heading.setext++;
      continue;
    }
    if (/^ {0,3}#{1,2}(?:[ \t]|$)/.test(line)) heading.atx++;
    const r = /^\s{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.exec(line);
    if (r) {
      rule[r[1] as '-' | '*' | '_']++;
      continue;
    }
    // A hard break ends a line that the paragraph continues on the next one.
    if (i + 1 < lines.length && /\S/.test(lines[i + 1]) && !/^ {0,3}#/.test(line)) {
      if (/\S {2,}$/.test(line)) breaks.spaces++;
      else if (/(?:^|[^\\])(?:\\\\)*\\$/.test(line)) breaks.backslash++;
    }
    const b = /^[\s>]*([-*+])[ \t]+\S/.exec(line);
    if (b) bullet[b[1] as '-' | '*' | '+']++;
    const o = /^[\s>]*\d{1,9}([.)])[ \t]+\S/.exec(line);
    if (o) ordered[o[1] as '.' | ')']++;
    if (line.includes('*')) {
      strong['*'] += (line.match(/\*\*\S/g) ?? []).length;
      emphasis['*'] += (line.match(/(?:^|[^*])\*[^\s*]/g) ?? []).length - (b?.[1] === '*' ? 1 : 0);
    }
    if (line.includes('_')) {
      strong._ += (line.match(/(?:^|\W)__\S/g) ?? []).length;
      emphasis._ += (line.match(/(?:^|[^\w_])_[^\s_]/g) ?? []).length;
    }
  }
  return {
    bullet: most(bullet, fallback.bullet),
    bulletOrdered: most(ordered, fallback.bulletOrdered),
    emphasis: most(emphasis, fallback.emphasis),
    strong: most(strong, fallback.strong),
    fence: most(fence, fallback.fence),
    rule: most(rule, fallback.rule),
    hardBreak: most(breaks, fallback.hardBreak),
    setext: heading.setext === heading.atx ? fallback.setext : heading.setext > heading.atx,
  };
}

export type Eol = '\n' | '\r\n' | '\r';

/** The line ending used most in `text` (LF when it has none). */
export function detectEol(text: string): Eol {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text[i + 1] === '\n') crlf++;
    else cr++;
  }
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lf++;
  lf -= crlf;
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

/** Rewrites LF-only text with the given line ending. */
export function withEol(text: string, eol: Eol): string {
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}

/** Any line ending to LF. */
export function toLf(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
