// Internal links a post makes: `{{< ref "x" >}}` / `{{< relref "x" >}}` (either spacing, also
// with `%`), and relative Markdown links to other pages (`[x](../other-post/)`,
// `[x](other.md)`). Code blocks, code spans and HTML comments are skipped: Hugo publishes
// neither as links.
import { markdownLines } from '../text-stats/markdown-lines';
import { isMarkdownFile } from '../post/post-files';

export interface FoundLink {
  kind: 'ref' | 'relref' | 'relative';
  /** The target as written, without any `#anchor`. */
  target: string;
  line: number;
}

const REF = /\{\{[<%]\s*(relref|ref)\s+(?:"([^"]*)"|'([^']*)'|`([^`]*)`|([^\s>%]+))[^}]*?[>%]\}\}/g;
const MD_LINK = /(!?)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+["'][^)]*["'])?\s*\)/g;
const IMAGE_EXT = /\.(png|jpe?g|gif|webp|avif|svg|bmp|ico|tiff?)$/i;

/** A relative link worth checking: no scheme, not an anchor, not site-absolute, a page not a file. */
export function isRelativePageLink(href: string): boolean {
  if (!href || href.startsWith('#') || href.startsWith('/') || href.startsWith('{{')) return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return false;
  const path = href.replace(/[?#].*$/, '');
  if (!path) return false;
  const last = path.replace(/\/+$/, '').split('/').pop() ?? '';
  if (isMarkdownFile(last)) return true;
  // `../other-post/` or `other-post`: a page. `files/report.pdf`: a file, not checked here.
  return !/\.[a-z0-9]{1,5}$/i.test(last);
}

function stripCodeSpans(line: string): string {
  return line.replace(/(`+)[^`]*?\1/g, (m) => ' '.repeat(m.length));
}

function stripComments(line: string): string {
  return line.replace(/<!--.*?-->/g, (m) => ' '.repeat(m.length));
}

/** Internal links of a post body. `lineBase` is the number of lines before the body. */
export function findInternalLinks(body: string, lineBase = 0): FoundLink[] {
  const out: FoundLink[] = [];
  for (const l of markdownLines(body)) {
    if (l.inCode || l.inComment) continue;
    const text = stripComments(stripCodeSpans(l.text));
    for (const m of text.matchAll(REF)) {
      const target = (m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').replace(/#.*$/, '');
      // `{{< ref "#anchor" >}}` points inside the same page.
      if (target) out.push({ kind: m[1] as 'ref' | 'relref', target, line: l.line + lineBase });
    }
    for (const m of text.replace(REF, (s) => ' '.repeat(s.length)).matchAll(MD_LINK)) {
      if (m[1] === '!' || IMAGE_EXT.test(m[2])) continue; // images have their own rule
      if (!isRelativePageLink(m[2])) continue;
      out.push({ kind: 'relative', target: m[2].replace(/#.*$/, ''), line: l.line + lineBase });
    }
  }
  return out;
}
