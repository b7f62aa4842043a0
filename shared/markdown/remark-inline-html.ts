// remark plugin: an inline HTML tag pair that wraps text (`<mark>words</mark>`,
// `<kbd>Ctrl</kbd>`, `<span class="x">…</span>`) becomes one `htmlWrap` node holding the words
// as ordinary phrasing content, with both tags kept byte for byte (`open`, `close`). CommonMark
// reads the text between inline tags as Markdown, so the editor can show it as rich text
// (engine/schema/html-wrap.ts) and write it back as `open` + the words + `close`. Tags that do
// not pair within the same parent (an opening tag in one paragraph, its end in another, or
// inside emphasis), void elements and self-closing tags stay as they were: read-only pieces.
import type { Nodes, Parent, PhrasingContent, Root } from 'mdast';
import type { Options as ToMarkdownExtension, State, Info } from 'mdast-util-to-markdown';
import type { Processor } from 'unified';

export interface HtmlWrapNode extends Parent {
  type: 'htmlWrap';
  /** The opening tag as written, e.g. `<span class="x">`. */
  open: string;
  /** The closing tag as written, e.g. `</span>`. */
  close: string;
  children: PhrasingContent[];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    htmlWrap: HtmlWrapNode;
  }
  interface RootContentMap {
    htmlWrap: HtmlWrapNode;
  }
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose content is not text a reader reads (and never Markdown in a browser). */
const NOT_TEXT = new Set(['script', 'style', 'textarea', 'title', 'iframe', 'object', 'svg', 'math', 'template', 'noscript', 'pre', 'code']);
const OPEN = /^<([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?>$/;
const CLOSE = /^<\/([A-Za-z][A-Za-z0-9-]*)\s*>$/;

/** The tag name of an opening tag that can wrap text, lower case, or null. */
export function openTagName(value: string): string | null {
  const m = OPEN.exec(value);
  if (!m || value.endsWith('/>')) return null;
  const name = m[1].toLowerCase();
  return VOID.has(name) || NOT_TEXT.has(name) ? null : name;
}

export function closeTagName(value: string): string | null {
  const m = CLOSE.exec(value);
  return m ? m[1].toLowerCase() : null;
}

export function remarkInlineHtml(this: Processor) {
  const data = this.data() as Record<string, unknown[] | undefined>;
  (data.toMarkdownExtensions ??= []).push(htmlWrapToMarkdown());
  return (tree: Root) => {
    wrapIn(tree);
  };
}

/** Nodes whose children are phrasing content (HTML among blocks is an HTML block, not a tag). */
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'htmlWrap']);

function wrapIn(node: Nodes): void {
  if (!('children' in node)) return;
  const parent = node as Parent;
  for (const c of parent.children) wrapIn(c as Nodes);
  if (!PHRASING_PARENTS.has(parent.type) || !parent.children.some((c) => c.type === 'html')) return;
  parent.children = pair(parent.children as PhrasingContent[]) as typeof parent.children;
}

/** Pairs opening and closing tags among siblings, innermost first (a stack, as HTML nests). */
function pair(kids: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const stack: Array<{ name: string; at: number }> = [];
  for (const kid of kids) {
    if (kid.type === 'html') {
      const open = openTagName(kid.value);
      if (open) {
        stack.push({ name: open, at: out.length });
        out.push(kid);
        continue;
      }
      const close = closeTagName(kid.value);
      if (close) {
        let k = stack.length - 1;
        while (k >= 0 && stack[k].name !== close) k--;
        if (k >= 0) {
          const { at } = stack[k];
          stack.length = k;
          const opener = out[at] as Extract<PhrasingContent, { type: 'html' }>;
          const inner = out.splice(at);
          const children = inner.slice(1);
          // A pair around nothing is no text to edit, and one whose words start or end with a
          // space or a line break cannot be written back so (the editor moves such spaces out
          // of a mark): both stay as written.
          if (children.length === 0 || !tight(children)) out.push(...inner, kid);
          else {
            const position = opener.position && kid.position ? { start: opener.position.start, end: kid.position.end } : undefined;
            out.push({ type: 'htmlWrap', open: opener.value, close: kid.value, children, position } as HtmlWrapNode);
          }
          continue;
        }
      }
    }
    out.push(kid);
  }
  return out;
}

function tight(children: PhrasingContent[]): boolean {
  const first = children[0];
  const last = children[children.length - 1];
  const edge = (node: PhrasingContent, re: RegExp) => node.type === 'break' || ((node.type === 'text' || node.type === 'html') && re.test(node.value));
  return !edge(first, /^\s/) && !edge(last, /\s$/);
}

/** Writes the tags as they were, and the words between them as phrasing content. */
export function htmlWrapToMarkdown(): ToMarkdownExtension {
  const handler = (node: HtmlWrapNode, _parent: unknown, state: State, info: Info): string => {
    const tracker = state.createTracker(info);
    let value = tracker.move(node.open);
    value += tracker.move(state.containerPhrasing(node, { before: value, after: node.close[0], ...tracker.current() }));
    value += tracker.move(node.close);
    return value;
  };
  return { handlers: { htmlWrap: handler as never } };
}
