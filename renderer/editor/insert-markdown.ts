// Inserting Markdown text (an image or a `figure` shortcode from the gallery or a drop) as
// editor nodes: the text is parsed by the editor's own parser, so a figure becomes the shortcode
// card and `![alt](src)` an image node, exactly as they would after reopening the post. The
// blocks go between top-level blocks, so the source-preserving save writes them as new blocks
// and no existing line of the file changes.
import type { Node as PmNode } from '@milkdown/kit/prose/model';
import { NodeSelection, TextSelection } from '@milkdown/kit/prose/state';
import type { EditorView } from '@milkdown/kit/prose/view';
import { isEmptyDoc, type MarkdownCore } from '../../engine/markdown-core';

export type InsertAt = number | 'cursor';

/**
 * Inserts `markdown` as blocks near `at` (a document position, e.g. where files were dropped,
 * or the cursor) and returns the position right after them, so several images dropped together
 * land one after the other; null when nothing was inserted (read-only, empty or unreadable text).
 */
export function insertMarkdownAt(view: EditorView, core: MarkdownCore, at: InsertAt, markdown: string): number | null {
  if (!view.editable) return null;
  const parsed = core.parse(markdown.replace(/\r\n?/g, '\n').trim());
  if (parsed.unsafeReason || isEmptyDoc(parsed.doc)) return null;
  const nodes: PmNode[] = [];
  parsed.doc.forEach((n) => nodes.push(n));

  const { state } = view;
  const size = state.doc.content.size;
  // After a selected card (the image inserted just before), not in front of it.
  const pos = at === 'cursor' ? state.selection.to : Math.max(0, Math.min(at, size));
  const $pos = state.doc.resolve(pos);
  let from = pos;
  let to = pos;
  if ($pos.depth > 0) {
    const block = $pos.node(1);
    const start = $pos.before(1);
    const end = $pos.after(1);
    if (block.type.name === 'paragraph' && block.content.size === 0) {
      // An empty line the writer made: the image takes its place.
      to = end;
      from = start;
    } else if (at !== 'cursor' && pos - start < end - pos) {
      // Dropped on the upper half of a block: before it, where the pointer was.
      from = to = start;
    } else from = to = end;
  }
  const tr = state.tr.replaceWith(from, to, nodes);
  const after = from + nodes.reduce((n, node) => n + node.nodeSize, 0);
  const last = nodes[nodes.length - 1];
  // Select the inserted card (or put the cursor after an inserted paragraph's image).
  const sel = last.isAtom ? NodeSelection.create(tr.doc, after - last.nodeSize) : TextSelection.near(tr.doc.resolve(after - 1), -1);
  view.dispatch(tr.setSelection(sel).scrollIntoView());
  return after;
}
