// A pure scanner for Hugo shortcode tags (`{{< name params >}}`, `{{% name params %}}`), used by
// the block-merging step and the parameter editor. Hugo's own lexer allows spaces or none after
// `{{<`, a `/` for closing tags, quoted ("…", `…`) params that may contain `>}}`, and params on
// several lines. `{{</* x */>}}` is Hugo's way of writing a shortcode as text: not a tag.

export interface ShortcodeTag {
  /** Offset of the first `{`. */
  start: number;
  /** Offset just after the last `}`. */
  end: number;
  /** `<` or `%`. */
  delim: '<' | '%';
  name: string;
  /** `{{< /name >}}` */
  closing: boolean;
  /** `{{< name />}}` */
  selfClosing: boolean;
  /** Offsets of the text between the name and the closing delimiter (the params). */
  paramsStart: number;
  paramsEnd: number;
}

const NAME = /[A-Za-z0-9_.\-/]/;

/** Scans a tag starting exactly at `from` (which must hold `{{`), or returns null. */
export function scanShortcode(text: string, from: number): ShortcodeTag | null {
  if (text[from] !== '{' || text[from + 1] !== '{') return null;
  const delim = text[from + 2];
  if (delim !== '<' && delim !== '%') return null;
  const close = delim === '<' ? '>' : '%';
  let i = from + 3;
  while (i < text.length && /\s/.test(text[i])) i++;
  if (text[i] === '/' && text[i + 1] === '*') return null; // commented-out shortcode
  let closing = false;
  if (text[i] === '/') {
    closing = true;
    i++;
    while (i < text.length && /\s/.test(text[i])) i++;
  }
  const nameStart = i;
  while (i < text.length && NAME.test(text[i]) && !(text[i] === '/' && text[i + 1] === close)) i++;
  const name = text.slice(nameStart, i);
  if (!name) return null;
  const paramsStart = i;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === '`') {
      const close = findQuoteEnd(text, i);
      if (close === -1) return null;
      i = close;
      continue;
    }
    if (c === close && text[i + 1] === '}' && text[i + 2] === '}') {
      let paramsEnd = i;
      const selfClosing = text[i - 1] === '/';
      if (selfClosing) paramsEnd--;
      return { start: from, end: i + 3, delim, name, closing, selfClosing, paramsStart, paramsEnd };
    }
    // A shortcode never contains another tag opener; stop early on malformed input.
    if (c === '{' && text[i + 1] === '{') return null;
  }
  return null;
}

function findQuoteEnd(text: string, open: number): number {
  const q = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (q === '"' && text[i] === '\\') i++;
    else if (text[i] === q) return i;
  }
  return -1;
}

/**
 * Finds the tag that closes the paired shortcode `open` (same name, nesting counted), searching
 * from `open.end`. Returns null when the shortcode is not closed (it is then a single tag).
 */
export function findClosingTag(text: string, open: ShortcodeTag): ShortcodeTag | null {
  let depth = 1;
  let i = text.indexOf('{{', open.end);
  while (i !== -1) {
    const tag = scanShortcode(text, i);
    if (tag && tag.name === open.name) {
      if (tag.closing) {
        depth--;
        if (depth === 0) return tag;
      } else if (!tag.selfClosing) depth++;
    }
    i = text.indexOf('{{', tag ? tag.end : i + 2);
  }
  return null;
}

/**
 * Every paired-shortcode opener in `text` (by start offset) with its closing tag, or null when it
 * is not closed: one pass over the text, where calling findClosingTag for each opener would scan
 * the rest of the post each time (slow on long posts with many unclosed tags like `figure`).
 * Same pairing as findClosingTag: the nearest closer of that name with balanced nesting between.
 */
export function pairShortcodes(text: string): Map<number, ShortcodeTag | null> {
  const pairs = new Map<number, ShortcodeTag | null>();
  const open = new Map<string, ShortcodeTag[]>();
  let i = text.indexOf('{{');
  while (i !== -1) {
    const tag = scanShortcode(text, i);
    if (tag && !tag.selfClosing) {
      const stack = open.get(tag.name) ?? [];
      if (!tag.closing) {
        stack.push(tag);
        open.set(tag.name, stack);
        pairs.set(tag.start, null);
      } else {
        const opener = stack.pop();
        if (opener) pairs.set(opener.start, tag);
      }
    }
    i = text.indexOf('{{', tag ? tag.end : i + 2);
  }
  return pairs;
}
