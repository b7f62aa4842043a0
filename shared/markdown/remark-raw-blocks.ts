// remark plugin: keeps what the editor has no model for as verbatim source.
// - HTML blocks and `<!-- -->` comments in block position become `rawBlock` (kind html/comment);
//   Milkdown's own transformer would wrap them in paragraphs and lose their line structure.
// - Link reference definitions become `rawBlock` (kind definition): kept as written.
// - Any node type the editor's schema does not know becomes `rawBlock` / `rawInline` holding
//   its exact source slice, instead of making the whole parse fail.
// - Link references (`[text][ref]`) get the address and title of their definition (`url`,
//   `title`), so that the editor can show where an editable reference link points.
import type { Literal, Nodes, Parent, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Processor } from 'unified';
import type { Options as ToMarkdownExtension } from 'mdast-util-to-markdown';

export type RawKind = 'html' | 'comment' | 'definition' | 'raw';

export interface RawBlockNode extends Literal {
  type: 'rawBlock';
  kind: RawKind;
}
export interface RawInlineNode extends Literal {
  type: 'rawInline';
}

declare module 'mdast' {
  interface PhrasingContentMap {
    rawInline: RawInlineNode;
  }
  interface RootContentMap {
    rawInline: RawInlineNode;
    rawBlock: RawBlockNode;
  }
}

const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

export interface RawBlocksOptions {
  /** mdast node types the editor's schema can parse. */
  known: ReadonlySet<string>;
}

/**
 * Verbatim inline source is written back as is. It has its own mdast type rather than `html`,
 * because remark-stringify turns the line ending before an inline `html` node into a space
 * (so that it cannot start an HTML block), which would join two lines of the writer's text.
 */
export function rawToMarkdown(): ToMarkdownExtension {
  return {
    handlers: {
      rawInline: (node: RawInlineNode) => node.value,
      rawBlock: (node: RawBlockNode) => node.value,
    },
  };
}

export function remarkRawBlocks(this: Processor, options: RawBlocksOptions) {
  const data = this.data() as Record<string, unknown[] | undefined>;
  (data.toMarkdownExtensions ??= []).push(rawToMarkdown());
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    if (options.known.has('linkReference')) resolveReferences(tree);
    convert(tree as Parent, source, options.known);
  };
}

/** Gives each link reference its definition's url and title (the first definition of a label wins). */
function resolveReferences(tree: Root): void {
  const defs = new Map<string, { url: string; title: string | null }>();
  const refs: Array<{ identifier: string; url?: string; title?: string | null }> = [];
  const walk = (node: Nodes) => {
    if (node.type === 'definition') {
      if (!defs.has(node.identifier)) defs.set(node.identifier, { url: node.url, title: node.title ?? null });
    } else if (node.type === 'linkReference') refs.push(node as unknown as (typeof refs)[number]);
    if ('children' in node) for (const c of node.children) walk(c as Nodes);
  };
  walk(tree);
  for (const ref of refs) {
    const def = defs.get(ref.identifier);
    ref.url = def?.url ?? '';
    ref.title = def?.title ?? null;
  }
}

function sliceOf(node: Nodes, source: string): string | null {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? null : source.slice(s, e);
}

function convert(parent: Parent, source: string, known: ReadonlySet<string>): void {
  const blockLevel = BLOCK_PARENTS.has(parent.type);
  parent.children = parent.children.map((child) => {
    const node = child as Nodes;
    if (blockLevel && (node.type === 'html' || node.type === 'definition' || !known.has(node.type))) {
      const value = node.type === 'html' ? node.value : sliceOf(node, source);
      if (value !== null) {
        const kind: RawKind =
          node.type === 'html'
            ? /^\s*<!--/.test(node.value) ? 'comment' : 'html'
            : node.type === 'definition' ? 'definition' : 'raw';
        return { type: 'rawBlock', kind, value, position: node.position } as unknown as typeof child;
      }
    } else if (!blockLevel && !known.has(node.type)) {
      const value = sliceOf(node, source);
      if (value !== null) return { type: 'rawInline', value, position: node.position } as unknown as typeof child;
    }
    // Milkdown's image node wants a string title; remark gives null when there is none.
    if (node.type === 'image' && node.title == null) node.title = '';
    if ('children' in node) convert(node as Parent, source, known);
    return child;
  });
}
