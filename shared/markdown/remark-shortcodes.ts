// remark plugin: Hugo shortcodes. Inline tags become `shortcode` nodes (via the micromark
// extension); at the top level, a paragraph that is a single tag, or a run of blocks from an
// opening tag to its matching closing tag (`{{< note >}} … {{< /note >}}`), becomes ONE
// `shortcodeBlock` whose value is the exact source slice, so it is one atomic editor block.
import type { Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { hugoShortcodeSyntax } from './shortcode-syntax';
import { shortcodeFromMarkdown, shortcodeToMarkdown } from './shortcode-mdast';
import { findClosingTag, pairShortcodes, scanShortcode, type ShortcodeTag } from './shortcode-scan';

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
  return (tree: Root, file: VFile) => {
    mergeShortcodeBlocks(tree, String(file.value));
  };
}

/** Start offset of a paragraph's leading shortcode, when the paragraph starts with one. */
function leadingTag(node: RootContent, source: string) {
  if (node.type !== 'paragraph' || node.children[0]?.type !== 'shortcode') return null;
  const start = node.position?.start.offset;
  if (start === undefined || node.children[0].position?.start.offset !== start) return null;
  return scanShortcode(source, start);
}

export function mergeShortcodeBlocks(tree: Root, source: string): void {
  const out: RootContent[] = [];
  const kids = tree.children;
  let pairs: Map<number, ShortcodeTag | null> | null = null;
  const closerOf = (tag: ShortcodeTag): ShortcodeTag | null => {
    pairs ??= pairShortcodes(source);
    const found = pairs.get(tag.start);
    // A tag the one-pass scan did not see at this offset (it was inside another one's quotes).
    return found === undefined ? findClosingTag(source, tag) : found;
  };
  for (let i = 0; i < kids.length; i++) {
    const node = kids[i];
    const tag = leadingTag(node, source);
    const start = node.position?.start.offset;
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
        break;
      }
    }
    if (endIndex === -1 && source.slice(tag.end, node.position?.end.offset).trim() === '') endIndex = i;
    if (endIndex === -1) {
      out.push(node);
      continue;
    }
    const last = kids[endIndex];
    const end = last.position?.end.offset ?? tag.end;
    out.push({
      type: 'shortcodeBlock',
      value: source.slice(start, end),
      position: { start: node.position!.start, end: last.position!.end },
    });
    i = endIndex;
  }
  tree.children = out;
}
