// Parsing a body into an editor document with the source range of every top-level block, and
// serializing single blocks in a given style. Both use the Milkdown setup's own schema and remark
// processor (taken from a created editor's ctx), so the window and the CLI behave the same.
import type { Ctx } from '@milkdown/kit/ctx';
import { remarkCtx, remarkStringifyOptionsCtx, schemaCtx } from '@milkdown/kit/core';
import type { Node as PmNode, Schema } from '@milkdown/kit/prose/model';
import { SerializerState } from '@milkdown/kit/transformer';
import type { MarkdownNode } from '@milkdown/kit/transformer';
import type { Root } from 'mdast';
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import type { MarkdownStyle } from '../shared/markdown/style';
import type { ShortcodeInnerMap } from '../shared/markdown/shortcode-inner';
import { FastParserState } from './fast-parser-state';
import { installLinearEditMap } from './micromark-edit-map';
import { installFastAutolinkLiterals } from './autolink-literals';
import { textKeepingAddresses } from './text-escapes';

type RemarkProcessor = Parameters<SerializerState['toString']>[0];

export interface ParsedBody {
  doc: PmNode;
  /** [start, end) offsets in the body of each top-level block, in document order. */
  ranges: Array<[number, number]>;
  /** Why blocks could not be mapped 1:1 to their source, or null. */
  unsafeReason: string | null;
}

export interface MarkdownCore {
  schema: Schema;
  /**
   * What the site's `{{< >}}` pairs hold (shortcode-inner.ts): set once the site's templates are
   * known, before parsing its posts. Unset: `{{% %}}` pairs and Hugo's built-ins only.
   */
  shortcodeInner: ShortcodeInnerMap | undefined;
  parse(body: string): ParsedBody;
  /** One top-level block as markdown (LF endings, no trailing newline). */
  serializeBlock(node: PmNode, style: MarkdownStyle): string;
}

export function createMarkdownCore(ctx: Ctx): MarkdownCore {
  installLinearEditMap();
  const schema = ctx.get(schemaCtx);
  const remark = ctx.get(remarkCtx);
  const baseOptions = ctx.get(remarkStringifyOptionsCtx) as ToMarkdownOptions;
  const extensions = (remark.data('toMarkdownExtensions') ?? []) as ToMarkdownOptions[];
  installFastAutolinkLiterals((remark.data('fromMarkdownExtensions') ?? []) as unknown[]);

  const parse = (body: string): ParsedBody => {
    // The transformers read the map from the file's data (remark-shortcodes.ts).
    const tree = remark.runSync(remark.parse(body), { value: body, data: { shortcodeInner: core.shortcodeInner } }) as Root;
    const ranges: Array<[number, number]> = [];
    for (const child of tree.children) {
      const s = child.position?.start.offset;
      const e = child.position?.end.offset;
      if (s === undefined || e === undefined) break;
      ranges.push([s, e]);
    }
    let doc: PmNode;
    let errors: unknown[];
    try {
      ({ doc, errors } = FastParserState.parse(schema, tree as unknown as MarkdownNode));
    } catch (e) {
      errors = [e];
      doc = schema.topNodeType.createAndFill()!;
    }
    let unsafeReason: string | null = null;
    if (errors.length) unsafeReason = `Part of this post could not be read by the editor (${describe(errors[0])}).`;
    else if (ranges.length !== tree.children.length) unsafeReason = 'Some blocks of this post have no known position in the file.';
    else if (tree.children.length === 0 ? !isEmptyDoc(doc) : doc.childCount !== tree.children.length)
      unsafeReason = `The editor made ${doc.childCount} blocks out of the ${tree.children.length} in the file.`;
    else if (!containersMapped(doc)) unsafeReason = 'The editor could not map the text inside a shortcode to the file.';
    return { doc, ranges, unsafeReason };
  };

  const stringifiers = new Map<string, (tree: Root) => string>();
  const stringifierFor = (style: MarkdownStyle) => {
    const key = JSON.stringify(style);
    let fn = stringifiers.get(key);
    if (!fn) {
      const { hardBreak, ...markers } = style;
      const options: ToMarkdownOptions = {
        ...markers,
        listItemIndent: 'one',
        fences: true,
        ...baseOptions,
        handlers: {
          ...baseOptions.handlers,
          ...(baseOptions.handlers?.text ? { text: textKeepingAddresses(baseOptions.handlers.text) } : {}),
          break: hardBreak === 'spaces' ? spacesBreak : backslashBreak,
        },
        extensions,
      };
      fn = (tree) => toMarkdown(tree, options);
      stringifiers.set(key, fn);
    }
    return fn;
  };

  const serializeBlock = (node: PmNode, style: MarkdownStyle): string => {
    const doc = schema.topNodeType.create(null, [node]);
    const stringify = stringifierFor(style);
    const state = new SerializerState(schema);
    state.run(doc);
    const out = state.toString({ stringify } as unknown as RemarkProcessor);
    return out.endsWith('\n') ? out.slice(0, -1) : out;
  };

  const core: MarkdownCore = { schema, parse, serializeBlock, shortcodeInner: undefined };
  return core;
}

/** Every shortcode container has one child per inner source range (as top-level blocks do). */
function containersMapped(doc: PmNode): boolean {
  let ok = true;
  doc.descendants((node) => {
    if (!ok) return false;
    if (node.type.name === 'shortcode_container') {
      if (node.childCount !== (node.attrs.ranges as unknown[]).length) ok = false;
      return true;
    }
    // Containers are only top-level or inside containers.
    return false;
  });
  return ok;
}

type BreakHandler = NonNullable<NonNullable<ToMarkdownOptions['handlers']>['break']>;
type BreakState = Parameters<BreakHandler>[2];

/** Where a line ending may not appear (tables, setext headings), a break is written as a space. */
function breakNotAllowed(state: BreakState): boolean {
  return state.unsafe.some(
    (p) => p.character === '\n' && !p.before && !p.after && inScope(state.stack, p),
  );
}

function inScope(stack: readonly string[], pattern: { inConstruct?: unknown; notInConstruct?: unknown }): boolean {
  const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? (v as string[]) : [v as string]);
  const inside = list(pattern.inConstruct);
  const notInside = list(pattern.notInConstruct);
  return (inside.length === 0 || inside.some((c) => stack.includes(c))) && !notInside.some((c) => stack.includes(c));
}

// Hard breaks written the way the file writes them: two trailing spaces or a backslash.
const spacesBreak: BreakHandler = (_node, _parent, state, info) =>
  breakNotAllowed(state) ? (/[\t ]/.test(info.before) ? '' : ' ') : '  \n';
const backslashBreak: BreakHandler = (_node, _parent, state, info) =>
  breakNotAllowed(state) ? (/[\t ]/.test(info.before) ? '' : ' ') : '\\\n';

export function isEmptyDoc(doc: PmNode): boolean {
  return doc.childCount === 1 && doc.firstChild!.type.name === 'paragraph' && doc.firstChild!.content.size === 0;
}

function describe(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.length > 120 ? `${msg.slice(0, 117)}...` : msg;
}
