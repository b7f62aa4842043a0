// richTextShare: how much of a post's Markdown prose the editor shows as editable rich text.
//
// Prose (the denominator) is what Hugo renders from Markdown, counted as the non-blank characters
// of the text a reader reads: text and inline code, including link text, headings, list items,
// quotes, table cells and footnotes. Not prose: front matter (the caller passes the body only),
// fenced and indented code, raw HTML blocks and inline HTML, HTML comments, image sources and
// alt text, link URLs and other markup characters (`**`, `#`, `-`, `|`), shortcode tags (the
// delimiter lines are markup), and the inner content of shortcodes whose template does not
// render Markdown (see shortcode-inner.ts). It is read from the body as Hugo does it: each
// shortcode tag stands as one placeholder word, and the rest is parsed as CommonMark + GFM.
//
// Editable (the numerator) is measured on the editor's real document, the one the window shows:
// for each top-level block, the non-blank characters of text in its editable text blocks (not in
// code blocks, not in atoms such as a shortcode card shown as source), at most the prose of that
// block's source lines. A post the editor cannot map block by block counts as not editable.
// So when shortcode bodies become rich text inside their card, the figure rises on its own.
import type { Node as PmNode } from '@milkdown/kit/prose/model';
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { pairShortcodes, scanShortcode } from '../../../shared/markdown/shortcode-scan';
import type { HeadlessEngine } from '../../../engine/headless';
import type { ParsedBody } from '../../../engine/markdown-core';
import type { InnerIsMarkdown } from './shortcode-inner';

export interface ProseCount {
  /** Non-blank prose characters Hugo renders from Markdown. */
  prose: number;
  /** Those the editor shows in editable rich text. */
  editable: number;
}

/** Stands for a character that is not prose: a letter of no script, so never Markdown syntax. */
const MASK = '\uE000';
const parser = unified().use(remarkParse).use(remarkGfm);

/** `parsed`: the body as the editor opened it (engine.core.parse), when the caller has it. */
export function richTextCount(engine: HeadlessEngine, body: string, innerIsMarkdown: InnerIsMarkdown, parsed?: ParsedBody): ProseCount {
  const prose = proseByOffset(body, innerIsMarkdown);
  const total = prose.reduce((n, p) => n + p.count, 0);
  if (total === 0) return { prose: 0, editable: 0 };
  const { doc, ranges, unsafeReason } = parsed ?? engine.core.parse(body);
  if (unsafeReason) return { prose: total, editable: 0 };
  let editable = 0;
  let k = 0; // prose runs are in source order, and so are the blocks
  doc.forEach((block, _offset, i) => {
    const [from, to] = ranges[i];
    while (k < prose.length && prose[k].at < from) k++;
    let inBlock = 0;
    for (; k < prose.length && prose[k].at < to; k++) inBlock += prose[k].count;
    if (inBlock > 0) editable += Math.min(inBlock, editableChars(block));
  });
  return { prose: total, editable };
}

/** Non-blank characters of text in editable text blocks: not code, not inside an atom. */
export function editableChars(node: PmNode): number {
  if (node.isAtom && !node.isText) return 0;
  if (node.isTextblock) {
    if (node.type.spec.code) return 0;
    let n = 0;
    node.forEach((child) => {
      if (child.isText) n += nonBlank(child.text!);
    });
    return n;
  }
  let n = 0;
  node.forEach((child) => (n += editableChars(child)));
  return n;
}

/** The body's prose, as runs of `count` characters starting at source offset `at`. */
export function proseByOffset(body: string, innerIsMarkdown: InnerIsMarkdown): Array<{ at: number; count: number }> {
  const tree = parser.parse(maskShortcodes(body, innerIsMarkdown)) as Root;
  const out: Array<{ at: number; count: number }> = [];
  const walk = (node: Root | RootContent) => {
    switch (node.type) {
      case 'code':
      case 'html':
      case 'image':
      case 'imageReference':
      case 'definition':
        return;
      case 'text':
      case 'inlineCode': {
        const count = nonBlank(node.value);
        const at = node.position?.start.offset;
        if (count > 0 && at !== undefined) out.push({ at, count });
        return;
      }
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return out;
}

/**
 * The body with every shortcode tag, and the inner content of pairs that do not render
 * Markdown, written over with MASK (same length, so offsets stay those of the body). A tag is
 * one unbroken word, as Hugo's placeholder for it is.
 */
export function maskShortcodes(body: string, innerIsMarkdown: InnerIsMarkdown): string {
  const chars = body.split('');
  const mask = (from: number, to: number) => {
    for (let i = from; i < to; i++) chars[i] = MASK;
  };
  const pairs = pairShortcodes(body);
  let i = body.indexOf('{{');
  while (i !== -1) {
    const tag = scanShortcode(body, i);
    if (!tag) {
      i = body.indexOf('{{', i + 2);
      continue;
    }
    mask(tag.start, tag.end);
    const closer = !tag.closing && !tag.selfClosing ? pairs.get(tag.start) : null;
    if (closer && !innerIsMarkdown(tag.name, tag.delim)) {
      mask(tag.end, closer.end);
      i = body.indexOf('{{', closer.end);
    } else i = body.indexOf('{{', tag.end);
  }
  return chars.join('');
}

function nonBlank(text: string): number {
  let n = 0;
  for (const c of text) if (c !== MASK && !/\s/.test(c)) n++;
  return n;
}
