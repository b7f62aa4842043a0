// The headings of a post, to list beside the editor and jump to. Reads ATX (`## Title`) and
// setext (underlined) headings outside fenced code, front matter and HTML comments.
import { splitFrontMatter } from '../frontmatter/split';
import { markdownLines, plainInline } from './markdown-lines';

export interface OutlineItem {
  level: 1 | 2 | 3 | 4 | 5 | 6;
  /** The heading as a reader sees it (`### **Talk**` gives "Talk"). */
  text: string;
  /** Offset of the heading's line in the text given (the whole file, when given a file). */
  offset: number;
  /** 1-based line number in the text given. */
  line: number;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const BLOCK_START = /^ {0,3}([-*+]\s|\d+[.)]\s|>|#|\||<|\{\{)/;

/** Headings of a Markdown body (offsets relative to the body). */
export function outlineOfBody(body: string): OutlineItem[] {
  const lines = markdownLines(body);
  const out: OutlineItem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.inCode || l.inComment) continue;
    const atx = ATX.exec(l.text);
    if (atx) {
      out.push({ level: atx[1].length as OutlineItem['level'], text: plainInline(atx[2] ?? ''), offset: l.offset, line: l.line });
      continue;
    }
    const next = lines[i + 1];
    const prev = lines[i - 1];
    const startsParagraph = !prev || prev.text.trim() === '';
    if (next && !next.inCode && SETEXT.exec(next.text) && l.text.trim() && startsParagraph && !BLOCK_START.test(l.text)) {
      out.push({ level: next.text.trim()[0] === '=' ? 1 : 2, text: plainInline(l.text), offset: l.offset, line: l.line });
      i++;
    }
  }
  return out;
}

/** Headings of a whole post file: front matter skipped, offsets and lines in the file. */
export function outlineOfPost(raw: string): OutlineItem[] {
  const { bodyOffset, error } = splitFrontMatter(raw);
  const start = error ? 0 : bodyOffset;
  const linesBefore = raw.slice(0, start).split('\n').length - 1;
  return outlineOfBody(raw.slice(start)).map((h) => ({ ...h, offset: h.offset + start, line: h.line + linesBefore }));
}
