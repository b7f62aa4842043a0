// Finds Markdown images: inline `![alt](src "title")` (also `<src with spaces>`), and reference
// style `![alt][label]`, `![alt][]`, `![label]` resolved through `[label]: src` definitions.
// Runs on text where code and shortcodes are already blanked (see mask.ts), so anything found
// here is a real image. Hand-written rather than a full Markdown parse because the post list
// counts broken images for every post, and this scan costs a fraction of building an AST.
import { altOrNull, type RawRef } from './raw-ref';

interface Definition {
  src: string;
  srcStart: number;
  srcEnd: number;
}

/** CommonMark label matching: case-insensitive, inner whitespace collapsed. */
function normLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function findDefinitions(text: string, from: number): Map<string, Definition> {
  const defs = new Map<string, Definition>();
  const re = /^ {0,3}\[((?:[^\]\\\n]|\\.){1,999})\]:[ \t]*(?:\r?\n[ \t]*)?(?:<([^>\n]*)>|(\S+))/gm;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const key = normLabel(m[1]);
    if (defs.has(key)) continue; // the first definition wins
    const src = m[2] ?? m[3];
    const srcStart = m.index + m[0].length - src.length - (m[2] != null ? 1 : 0);
    defs.set(key, { src, srcStart, srcEnd: srcStart + src.length });
  }
  return defs;
}

/** Offset just after the `]` closing the bracket opened at `open`, or -1. */
function closeBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    } else if (c === '\n' && /^\n[ \t]*\r?\n/.test(text.slice(i, i + 64))) return -1;
  }
  return -1;
}

interface Inline {
  src: string;
  srcStart: number;
  end: number;
}

/** Parses `(dest "title")` starting at the `(`; null when it is not a valid link target. */
function parseInlineTarget(text: string, open: number): Inline | null {
  let i = open + 1;
  const skipWs = () => {
    let newlines = 0;
    while (i < text.length && /[ \t\r\n]/.test(text[i])) {
      if (text[i] === '\n' && ++newlines > 1) return false;
      i++;
    }
    return true;
  };
  if (!skipWs()) return null;
  let src: string;
  let srcStart: number;
  if (text[i] === '<') {
    const close = text.indexOf('>', i + 1);
    if (close === -1 || text.slice(i + 1, close).includes('\n')) return null;
    srcStart = i + 1;
    src = text.slice(srcStart, close);
    i = close + 1;
  } else {
    srcStart = i;
    let depth = 0;
    while (i < text.length) {
      const c = text[i];
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (/\s/.test(c)) break;
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      }
      i++;
    }
    src = text.slice(srcStart, i);
  }
  if (!skipWs()) return null;
  const q = text[i];
  if (q === '"' || q === "'" || q === '(') {
    const closeCh = q === '(' ? ')' : q;
    let j = i + 1;
    while (j < text.length && text[j] !== closeCh) j += text[j] === '\\' ? 2 : 1;
    if (j >= text.length) return null;
    i = j + 1;
    if (!skipWs()) return null;
  }
  if (text[i] !== ')') return null;
  return { src, srcStart, end: i + 1 };
}

export function scanMarkdownImages(text: string, from: number): RawRef[] {
  const defs = findDefinitions(text, from);
  const refs: RawRef[] = [];
  let i = text.indexOf('![', from);
  while (i !== -1) {
    let backslashes = 0;
    for (let k = i - 1; k >= 0 && text[k] === '\\'; k--) backslashes++;
    const labelEnd = backslashes % 2 ? -1 : closeBracket(text, i + 1);
    if (labelEnd === -1) {
      i = text.indexOf('![', i + 2);
      continue;
    }
    const label = text.slice(i + 2, labelEnd - 1);
    const alt = altOrNull(label);
    let next = labelEnd;
    if (text[labelEnd] === '(') {
      const t = parseInlineTarget(text, labelEnd);
      if (t) {
        refs.push({ kind: 'markdown', src: t.src, srcStart: t.srcStart, srcEnd: t.srcStart + t.src.length, at: i, alt });
        next = t.end;
      }
    } else {
      let key = label;
      if (text[labelEnd] === '[') {
        const refEnd = closeBracket(text, labelEnd);
        if (refEnd !== -1) {
          const inner = text.slice(labelEnd + 1, refEnd - 1);
          if (inner.trim()) key = inner;
          next = refEnd;
        }
      }
      const def = defs.get(normLabel(key));
      if (def) refs.push({ kind: 'markdown-ref', src: def.src, srcStart: def.srcStart, srcEnd: def.srcEnd, at: i, alt });
    }
    // An image's alt may itself hold an image (`![a ![b](x)](y)`): keep looking inside it.
    i = text.indexOf('![', Math.min(next, i + 2));
  }
  return refs;
}
