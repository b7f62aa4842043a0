// Walks the lines of a Markdown body with their offsets, telling which lines sit inside fenced
// code (where `#` is not a heading and `![x](y)` is not an image) or an HTML comment.

export interface MdLine {
  text: string;
  /** Offset of the line's first character in the text given. */
  offset: number;
  /** 1-based line number in the text given. */
  line: number;
  /** Inside a fenced code block (the fence lines themselves included). */
  inCode: boolean;
  /** Entirely inside an HTML comment (`<!-- ... -->` spanning lines). */
  inComment: boolean;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function markdownLines(text: string): MdLine[] {
  const out: MdLine[] = [];
  let fence: string | null = null;
  let comment = false;
  let offset = 0;
  let line = 1;
  for (const raw of text.split('\n')) {
    const t = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const m = FENCE.exec(t);
    let inCode = fence !== null;
    if (fence === null && m && !comment) {
      fence = m[1];
      inCode = true;
    } else if (fence !== null && m && m[1][0] === fence[0] && m[1].length >= fence.length && t.trim() === m[1]) {
      fence = null;
    }
    let inComment = comment;
    if (!inCode) {
      // Track comments that open on one line and close on a later one.
      const open = t.lastIndexOf('<!--');
      const close = t.lastIndexOf('-->');
      if (comment && close !== -1 && close > open) comment = false;
      else if (!comment && open !== -1 && close < open) {
        comment = true;
        inComment = t.trimStart().startsWith('<!--');
      }
    }
    out.push({ text: t, offset, line, inCode, inComment });
    offset += raw.length + 1;
    line++;
  }
  return out;
}

/** Text of inline Markdown as a reader sees it: no emphasis marks, links as their text. */
export function plainInline(s: string): string {
  return s
    .replace(/\{\{[<%][\s\S]*?[>%]\}\}/g, '') // shortcodes
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>\n]+>/g, '') // HTML tags
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/(\*\*|__|~~)(.*?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .trim();
}
