// Editor nodes for text the editor keeps exactly as written: raw HTML blocks, `<!-- -->`
// comments, reference definitions and anything else without a model (block `raw_block`,
// inline `raw_inline`), and Hugo shortcodes (block `shortcode_block`, inline `shortcode_inline`).
// All are atoms holding their source in `value`; they serialize back to that exact text (blocks
// as mdast `html`, which remark-stringify writes verbatim; inline ones as `rawInline` and
// `shortcode`, whose handlers write the value, see remark-raw-blocks and shortcode-mdast).
// toDOM only ever sets textContent.
import { $node } from '@milkdown/kit/utils';
import type { Node as PmNode } from '@milkdown/kit/prose/model';
import type { MarkdownNode } from '@milkdown/kit/transformer';

const valueOf = (node: MarkdownNode): string => String((node as { value?: unknown }).value ?? '');
const parseValue = (dom: HTMLElement) => ({ value: dom.getAttribute('data-value') ?? '' });

export const rawBlockNode = $node('raw_block', () => ({
  group: 'block',
  atom: true,
  selectable: true,
  attrs: { kind: { default: 'raw' }, value: { default: '' } },
  parseDOM: [{ tag: 'pre[data-type="raw-block"]', getAttrs: (dom) => ({ ...parseValue(dom as HTMLElement), kind: (dom as HTMLElement).dataset.kind ?? 'raw' }) }],
  toDOM: (node: PmNode) => [
    'pre',
    { 'data-type': 'raw-block', 'data-kind': node.attrs.kind, 'data-value': node.attrs.value, class: 'pw-raw-block' },
    node.attrs.value,
  ],
  parseMarkdown: {
    match: (node) => node.type === 'rawBlock',
    runner: (state, node, type) => {
      state.addNode(type, { kind: (node as { kind?: string }).kind ?? 'raw', value: valueOf(node) });
    },
  },
  toMarkdown: {
    match: (node) => node.type.name === 'raw_block',
    runner: (state, node) => {
      state.addNode('html', undefined, node.attrs.value as string);
    },
  },
}));

export const rawInlineNode = $node('raw_inline', () => ({
  group: 'inline',
  inline: true,
  atom: true,
  attrs: { value: { default: '' } },
  parseDOM: [{ tag: 'code[data-type="raw-inline"]', getAttrs: (dom) => parseValue(dom as HTMLElement) }],
  toDOM: (node: PmNode) => ['code', { 'data-type': 'raw-inline', 'data-value': node.attrs.value, class: 'pw-raw-inline' }, node.attrs.value],
  parseMarkdown: {
    match: (node) => node.type === 'rawInline',
    runner: (state, node, type) => {
      state.addNode(type, { value: valueOf(node) });
    },
  },
  toMarkdown: {
    match: (node) => node.type.name === 'raw_inline',
    runner: (state, node) => {
      state.addNode('rawInline', undefined, node.attrs.value as string);
    },
  },
}));

export const shortcodeBlockNode = $node('shortcode_block', () => ({
  group: 'block',
  atom: true,
  selectable: true,
  // problem: why a paired shortcode is kept as written (remark-shortcodes.ts), or null.
  attrs: { value: { default: '' }, problem: { default: null } },
  parseDOM: [{ tag: 'div[data-type="shortcode-block"]', getAttrs: (dom) => parseValue(dom as HTMLElement) }],
  toDOM: (node: PmNode) => ['div', { 'data-type': 'shortcode-block', 'data-value': node.attrs.value, class: 'pw-shortcode' }, node.attrs.value],
  parseMarkdown: {
    match: (node) => node.type === 'shortcodeBlock',
    runner: (state, node, type) => {
      state.addNode(type, { value: valueOf(node), problem: (node as { problem?: string }).problem ?? null });
    },
  },
  toMarkdown: {
    match: (node) => node.type.name === 'shortcode_block',
    runner: (state, node) => {
      state.addNode('html', undefined, node.attrs.value as string);
    },
  },
}));

export const shortcodeInlineNode = $node('shortcode_inline', () => ({
  group: 'inline',
  inline: true,
  atom: true,
  attrs: { value: { default: '' } },
  parseDOM: [{ tag: 'span[data-type="shortcode-inline"]', getAttrs: (dom) => parseValue(dom as HTMLElement) }],
  toDOM: (node: PmNode) => ['span', { 'data-type': 'shortcode-inline', 'data-value': node.attrs.value, class: 'pw-shortcode-inline' }, node.attrs.value],
  parseMarkdown: {
    match: (node) => node.type === 'shortcode',
    runner: (state, node, type) => {
      state.addNode(type, { value: valueOf(node) });
    },
  },
  toMarkdown: {
    match: (node) => node.type.name === 'shortcode_inline',
    runner: (state, node) => {
      state.addNode('shortcode', undefined, node.attrs.value as string);
    },
  },
}));

export const verbatimNodes = [rawBlockNode, rawInlineNode, shortcodeBlockNode, shortcodeInlineNode];

// A paired shortcode whose inner content Hugo renders as Markdown: the card's header shows the
// name and parameters (from `open`), its content is ordinary editable blocks. `inner` and
// `ranges` describe the inner content as it was on disk, for the source-preserving save
// (engine/source-save.ts), which writes `open` + the saved inner content + `close`.
export const shortcodeContainerNode = $node('shortcode_container', () => ({
  group: 'block',
  content: 'block+',
  defining: true,
  isolating: true,
  attrs: { name: { default: '' }, open: { default: '' }, close: { default: '' }, inner: { default: '' }, indent: { default: '' }, tail: { default: '' }, ranges: { default: [] } },
  parseDOM: [
    {
      tag: 'div[data-type="shortcode-container"]',
      contentElement: '.pw-container-content',
      getAttrs: (dom) => {
        const d = (dom as HTMLElement).dataset;
        return { name: d.name ?? '', open: d.open ?? '', close: d.close ?? '' };
      },
    },
  ],
  toDOM: (node: PmNode) => [
    'div',
    { 'data-type': 'shortcode-container', 'data-name': node.attrs.name, 'data-open': node.attrs.open, 'data-close': node.attrs.close, class: 'pw-shortcode-container' },
    ['div', { class: 'pw-container-content' }, 0],
  ],
  parseMarkdown: {
    match: (node) => node.type === 'shortcodeContainer',
    runner: (state, node, type) => {
      const n = node as unknown as { name: string; open: string; close: string; inner: string; indent: string; tail: string; ranges: Array<[number, number]>; blocks?: MarkdownNode[] };
      state.openNode(type, { name: n.name, open: n.open, close: n.close, inner: n.inner, indent: n.indent, tail: n.tail, ranges: n.ranges }).next(n.blocks ?? node.children).closeNode();
    },
  },
  toMarkdown: {
    match: (node) => node.type.name === 'shortcode_container',
    runner: (state, node) => {
      state.openNode('shortcodeContainer', undefined, { name: node.attrs.name as string, open: node.attrs.open as string, close: node.attrs.close as string, inner: node.attrs.inner as string }).next(node.content).closeNode();
    },
  },
}));

// A paired shortcode whose inner content is used as it is (mermaid, highlight, raw HTML): plain
// text, edited in a code area in the card, written back as `open` + text + `close`.
export const shortcodeTextNode = $node('shortcode_text', () => ({
  group: 'block',
  content: 'text*',
  marks: '',
  code: true,
  defining: true,
  isolating: true,
  attrs: { open: { default: '' }, close: { default: '' } },
  parseDOM: [
    {
      tag: 'div[data-type="shortcode-text"]',
      preserveWhitespace: 'full',
      contentElement: 'code',
      getAttrs: (dom) => {
        const d = (dom as HTMLElement).dataset;
        return { open: d.open ?? '', close: d.close ?? '' };
      },
    },
  ],
  toDOM: (node: PmNode) => [
    'div',
    { 'data-type': 'shortcode-text', 'data-open': node.attrs.open, 'data-close': node.attrs.close, class: 'pw-shortcode-text' },
    ['pre', ['code', 0]],
  ],
  parseMarkdown: {
    match: (node) => node.type === 'shortcodeText',
    runner: (state, node, type) => {
      const n = node as unknown as { open: string; close: string; value: string };
      state.openNode(type, { open: n.open, close: n.close });
      if (n.value) state.addText(n.value);
      state.closeNode();
    },
  },
  toMarkdown: {
    match: (node) => node.type.name === 'shortcode_text',
    runner: (state, node) => {
      state.addNode('shortcodeText', undefined, node.textContent, { open: node.attrs.open as string, close: node.attrs.close as string });
    },
  },
}));

export const pairedShortcodeNodes = [shortcodeContainerNode, shortcodeTextNode];
