// Keeps ordered-list item labels ("1.", "2.", ...) in step with their position, as Milkdown's
// syncListOrderPlugin does, but looks only at the lists a transaction touched. Milkdown's
// version walks every node of the document after each transaction, which in a long recap costs
// more than the keystroke itself. Same rules, bug for bug: a bullet list whose first item was
// parsed as ordered becomes an ordered list; items of an ordered list get listType "ordered"
// and the label of their index (plus the list's start number).
import type { Node as PmNode } from '@milkdown/kit/prose/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@milkdown/kit/prose/state';
import { $prose } from '@milkdown/kit/utils';

/** The ranges of the final document the transactions changed, each widened by one position. */
export function changedRanges(transactions: readonly Transaction[], size: number): Array<[number, number]> {
  let ranges: Array<[number, number]> = [];
  for (const tr of transactions) {
    for (const map of tr.mapping.maps) {
      ranges = ranges.map(([a, b]) => [map.map(a, -1), map.map(b, 1)]);
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => ranges.push([newStart, newEnd]));
    }
  }
  return ranges.map(([a, b]) => [Math.max(0, a - 1), Math.min(size, b + 1)]);
}

function relabel(tr: Transaction, list: PmNode, listPos: number, order: number, setListType: boolean): boolean {
  let changed = false;
  list.forEach((item, offset, index) => {
    if (item.type.name !== 'list_item') return;
    const attrs = { ...item.attrs };
    if (setListType && attrs.listType !== 'ordered') attrs.listType = 'ordered';
    // As in Milkdown: the label check decides (a listType-only difference is not written).
    const label = `${index + order}.`;
    if (attrs.label !== label) {
      attrs.label = label;
      tr.setNodeMarkup(listPos + 1 + offset, undefined, attrs);
      changed = true;
    }
  });
  return changed;
}

function syncLists(transactions: readonly Transaction[], newState: EditorState): Transaction | null {
  if (!newState.selection || !transactions.some((t) => t.docChanged)) return null;
  if (transactions.some((t) => t.getMeta('addToHistory') === false || !t.isGeneric)) return null;
  const { doc, schema } = newState;
  const ordered = schema.nodes.ordered_list;
  const bullet = schema.nodes.bullet_list;
  if (!ordered || !bullet) return null;
  const tr = newState.tr;
  let changed = false;
  const seen = new Set<number>();
  for (const [from, to] of changedRanges(transactions, doc.content.size)) {
    doc.nodesBetween(from, to, (node, pos) => {
      if (node.isTextblock) return false;
      if (seen.has(pos)) return true;
      if (node.type === bullet) {
        seen.add(pos);
        const first = node.maybeChild(0);
        if (first?.type.name === 'list_item' && first.attrs.listType === 'ordered') {
          tr.setNodeMarkup(pos, ordered, { spread: true });
          relabel(tr, node, pos, 1, false);
          changed = true;
        }
      } else if (node.type === ordered) {
        seen.add(pos);
        if (relabel(tr, node, pos, (node.attrs.order as number | undefined) ?? 1, true)) changed = true;
      }
      return true;
    });
  }
  return changed ? tr.setMeta('addToHistory', false) : null;
}

export const listOrderPlugin = $prose(
  () =>
    new Plugin({
      key: new PluginKey('postwright-list-order'),
      appendTransaction: (transactions, _old, newState) => syncLists(transactions, newState),
    }),
);
