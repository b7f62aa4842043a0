// remark plugin: Hugo shortcodes. Inline tags become `shortcode` nodes (via the micromark
// extension); at the top level, a paragraph that is a single tag becomes ONE `shortcodeBlock`
// whose value is the exact source slice (an atomic editor block). A run of blocks from an opening
// tag to its matching closing tag (`{{< note >}} … {{< /note >}}`) becomes:
// - a `shortcodeContainer` when Hugo renders its inner content as Markdown (see
//   shortcode-inner.ts): its inner content is parsed as a document of its own (as markdownify
//   does), with positions in the whole body, so the editor shows it as rich text and the save
//   maps each inner block to its source slice, like top-level blocks;
// - a `shortcodeText` when the inner content is used as it is (mermaid, highlight, raw HTML):
//   the card shows it as plain editable text;
// - a `shortcodeBlock` as before when it cannot be mapped (tags crossing another pair's, a
//   template that could not be read): read-only, with a plain message.
import type { Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { hugoShortcodeSyntax } from './shortcode-syntax';
import { shortcodeFromMarkdown, shortcodeToMarkdown } from './shortcode-mdast';
import { findClosingTag, pairShortcodes, scanShortcode, type ShortcodeTag } from './shortcode-scan';
import { innerKind, type ShortcodeInnerMap } from './shortcode-inner';
import { deindent } from './inner-indent';

type Data = Record<string, unknown[] | undefined>;

function add(data: Data, field: string, value: unknown): void {
  const list = (data[field] ??= []);
  list.push(value);
}

export function remarkShortcodes(this: Processor) {
  const data = this.data() as Data;
  add(data, 'micromarkExtensions', hugoShortcodeSyntax());
  add(data, 'fromMarkdownExtensions', shortcodeFromMarkdown());
  add(data, 'toMarkdownExtensions', shortcodeToMarkdown());
  const parse = (text: string) => this.parse(text) as Root;
  return (tree: Root, file: VFile) => {
    const inner = (file.data as { shortcodeInner?: ShortcodeInnerMap }).shortcodeInner;
    // An inner document goes through the whole pipeline as a file of its own (so that every
    // step that reads the source by position, like Milkdown's emphasis markers, reads its text).
    // Nesting deeper than any real post (a hostile file) keeps the deeper pairs as written: each
    // level is parsed again, and the stack must not run out.
    const depth = (file.data as { shortcodeDepth?: number }).shortcodeDepth ?? 0;
    const run = depth >= MAX_DEPTH ? undefined : (text: string) => this.runSync(parse(text), { value: text, data: { ...file.data, shortcodeDepth: depth + 1 } }) as Root;
    mergeShortcodeBlocks(tree, String(file.value), { inner, parse, run });
  };
}

const MAX_DEPTH = 12;

export interface MergeOptions {
  /** What `{{< >}}` pairs hold (by name); `{{% %}}` pairs always hold Markdown. */
  inner?: ShortcodeInnerMap;
  /** Parses Markdown into mdast (the same processor); without it, pairs stay atomic blocks. */
  parse?: (text: string) => Root;
  /** Parses and transforms a document of its own (a pair's inner content). */
  run?: (text: string) => Root;
  /** The blocks are in a quote: its `>` markers are part of the indentation (inner-indent.ts). */
  quoted?: boolean;
}

/** Adds `by` to every offset in the tree (an inner document parsed alone, put in its place). */
function shift(node: { position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }, by: number): void {
  const p = node.position;
  if (p) {
    if (p.start.offset !== undefined) p.start = { ...p.start, offset: p.start.offset + by };
    if (p.end.offset !== undefined) p.end = { ...p.end, offset: p.end.offset + by };
  }
  if (node.children) for (const c of node.children) shift(c as typeof node, by);
}

/** Start offset of a paragraph's leading shortcode, when the paragraph starts with one. */
function leadingTag(node: RootContent, source: string) {
  if (node.type !== 'paragraph' || node.children[0]?.type !== 'shortcode') return null;
  const start = node.position?.start.offset;
  if (start === undefined || node.children[0].position?.start.offset !== start) return null;
  return scanShortcode(source, start);
}

interface Pairing {
  pairs: Map<number, ShortcodeTag | null> | null;
  /** Paired tags in source order: [tag start, partner start] (the partner of an opener is its closer). */
  tags: Array<[number, number]> | null;
}

export function mergeShortcodeBlocks(tree: Root, source: string, options: MergeOptions = {}, pairing: Pairing = { pairs: null, tags: null }): void {
  const out: RootContent[] = [];
  const kids = tree.children;
  const pairsOf = () => (pairing.pairs ??= pairShortcodes(source));
  const closerOf = (tag: ShortcodeTag): ShortcodeTag | null => {
    const found = pairsOf().get(tag.start);
    // A tag the one-pass scan did not see at this offset (it was inside another one's quotes).
    return found === undefined ? findClosingTag(source, tag) : found;
  };
  /** Whether a pair's content holds a tag of another pair that ends or starts outside it. */
  const crosses = (from: number, to: number): boolean => {
    if (!pairing.tags) {
      const tags: Array<[number, number]> = [];
      for (const [o, c] of pairsOf()) if (c) tags.push([o, c.start], [c.start, o]);
      pairing.tags = tags.sort((a, b) => a[0] - b[0]);
    }
    const tags = pairing.tags;
    let lo = 0;
    let hi = tags.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tags[mid][0] <= from) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < tags.length && tags[k][0] < to; k++) if (tags[k][1] < from || tags[k][1] > to) return true;
    return false;
  };
  let closers: Set<number> | null = null;
  /** A closing tag that closes no opening tag before it (Hugo fails the build on it). */
  const orphan = (tag: ShortcodeTag) => !(closers ??= new Set([...pairsOf().values()].flatMap((c) => (c ? [c.start] : [])))).has(tag.start);
  for (let i = 0; i < kids.length; i++) {
    const node = kids[i];
    const tag = leadingTag(node, source);
    const start = node.position?.start.offset;
    if (tag?.closing && start !== undefined && node.position && source.slice(tag.end, node.position.end.offset).trim() === '' && orphan(tag)) {
      // Shown as written, read-only, with a plain message, like the other pairs gone wrong.
      out.push({ type: 'shortcodeBlock', value: source.slice(start, node.position.end.offset), problem: 'orphan', position: node.position } as RootContent);
      continue;
    }
    if (!tag || tag.closing || start === undefined) {
      out.push(node);
      continue;
    }
    let endIndex = -1;
    const closer = tag.selfClosing ? null : closerOf(tag);
    if (closer) {
      for (let j = i; j < kids.length; j++) {
        const end = kids[j].position?.end.offset ?? -1;
        if (end < closer.end) continue;
        // The closing tag must end its block (only spaces may follow), else keep blocks as they are.
        if (source.slice(closer.end, end).trim() === '') endIndex = j;
        else if (options.parse && kids[j].position) {
          // Hugo reads shortcodes before Markdown, so `{{% /tab %}}` followed on the next line by
          // `{{% tab "Two" %}}` ends the first pair although Markdown sees one paragraph: the
          // block is cut after the closing tag's line, and the rest parsed as blocks of their own.
          const m = /^[ \t]*(\r\n|\n|\r)/.exec(source.slice(closer.end, end));
          if (m) {
            const cut = closer.end + m[0].length;
            const lineEnd = cut - m[1].length;
            const rest = options.parse(source.slice(cut, end));
            shift(rest, cut);
            const pos = kids[j].position!;
            kids[j] = { ...kids[j], position: { start: pos.start, end: { ...pos.end, offset: lineEnd } } } as RootContent;
            kids.splice(j + 1, 0, ...rest.children);
            endIndex = j;
          }
        }
        break;
      }
    }
    let problem: string | undefined;
    if (endIndex === -1 && source.slice(tag.end, node.position?.end.offset).trim() === '') {
      endIndex = i;
      // A shortcode known to take content, whose closing tag is missing.
      if (!closer && !tag.selfClosing && options.inner && Object.prototype.hasOwnProperty.call(options.inner, tag.name)) problem = 'unclosed';
    }
    if (endIndex === -1) {
      out.push(node);
      continue;
    }
    const last = kids[endIndex];
    const end = last.position?.end.offset ?? tag.end;
    const position = { start: node.position!.start, end: last.position!.end };
    out.push((closer && endIndex !== -1 && pairedNode(tag, closer, start, end, position)) || ({ type: 'shortcodeBlock', value: source.slice(start, end), problem, position } as RootContent));
    i = endIndex;
  }
  tree.children = out;
  if (options.run) for (const node of out) nestedIn(node);

  /**
   * Pairs inside list items and quotes (`1. Step` then an indented callout): the same merge on
   * their blocks. Never a list item's first block: the editor's list item starts with a paragraph.
   */
  function nestedIn(node: RootContent): void {
    if (node.type === 'list') {
      for (const item of node.children) {
        if (item.children.length < 2) continue;
        const rest = { type: 'root', children: item.children.slice(1) } as Root;
        mergeShortcodeBlocks(rest, source, options, pairing);
        item.children = [item.children[0], ...(rest.children as typeof item.children)];
        for (const c of item.children) nestedIn(c as RootContent);
      }
    } else if (node.type === 'blockquote') {
      const inner = { type: 'root', children: node.children } as Root;
      mergeShortcodeBlocks(inner, source, { ...options, quoted: true }, pairing);
      node.children = inner.children as typeof node.children;
    }
  }

  function pairedNode(tag: ShortcodeTag, closer: ShortcodeTag, start: number, end: number, position: NonNullable<RootContent['position']>): RootContent | null {
    if (closer.end > end || source.slice(closer.end, end).trim() !== '' || closer.start < tag.end) return null;
    const kind = innerKind(tag.name, tag.delim, options.inner);
    const open = source.slice(start, tag.end);
    const close = source.slice(closer.start, end);
    const inner = source.slice(tag.end, closer.start);
    if (kind === 'source' || crosses(tag.end, closer.start)) {
      const problem = kind === 'source' ? 'unreadable' : 'crossing';
      return { type: 'shortcodeBlock', value: source.slice(start, end), problem, position } as RootContent;
    }
    if (kind === 'text') return { type: 'shortcodeText', open, close, value: inner, position } as RootContent;
    if (!options.run) return null;
    // The inner content is a document of its own (positions relative to it), read without the
    // indentation all its lines share (inner-indent.ts). Its blocks are kept out of `children`
    // so that the outer pipeline does not read them against the outer text.
    const { text, indent, tail } = deindent(inner, options.quoted);
    // The inner document is not quoted any more: its own pairs are not either.
    const sub = options.run(text);
    if (sub.children.length === 0) return null;
    const ranges: Array<[number, number]> = [];
    for (const c of sub.children) {
      const s = c.position?.start.offset;
      const e = c.position?.end.offset;
      if (s === undefined || e === undefined) return null;
      ranges.push([s, e]);
    }
    return { type: 'shortcodeContainer', name: tag.name, open, close, inner: text, indent, tail, ranges, blocks: sub.children, position } as unknown as RootContent;
  }
}
