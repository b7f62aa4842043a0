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
  attrs: { value: { default: '' } },
  parseDOM: [{ tag: 'div[data-type="shortcode-block"]', getAttrs: (dom) => parseValue(dom as HTMLElement) }],
  toDOM: (node: PmNode) => ['div', { 'data-type': 'shortcode-block', 'data-value': node.attrs.value, class: 'pw-shortcode' }, node.attrs.value],
  parseMarkdown: {
    match: (node) => node.type === 'shortcodeBlock',
    runner: (state, node, type) => {
      state.addNode(type, { value: valueOf(node) });
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
