// GitHub-style alerts (`> [!NOTE]`, `> [!TIP]`, `> [!IMPORTANT]`, `> [!WARNING]`, `> [!CAUTION]`,
// rendered as callouts by Hugo 0.132+) look like callouts: the quote gets the alert's colour and
// its marker reads as a label ("NOTE"), its brackets hidden. Only decorations: the marker stays
// text of the quote's first paragraph, so the file keeps its syntax and an edit elsewhere in the
// quote changes only its own line.
import { Plugin, PluginKey, type Transaction } from '@milkdown/kit/prose/state';
import { Decoration, DecorationSet } from '@milkdown/kit/prose/view';
import type { Node as PmNode } from '@milkdown/kit/prose/model';
import { $prose } from '@milkdown/kit/utils';

const MARKER = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/i;

/** The alert kind of a blockquote, and where its marker sits in the quote's first text. */
export function alertOf(quote: PmNode): { kind: string; length: number } | null {
  const para = quote.firstChild;
  if (!para || para.type.name !== 'paragraph') return null;
  const first = para.firstChild;
  if (!first?.isText) return null;
  const m = MARKER.exec(first.text!);
  return m ? { kind: m[1].toLowerCase(), length: m[0].length } : null;
}

/** The decorations of the alerts in `parent`'s children `from` to `to` (indexes); `base`: where its content starts. */
function alertsIn(parent: PmNode, base: number, decos: Decoration[], from = 0, to = parent.childCount): void {
  // Alerts are top-level quotes (or inside shortcode cards): only those blocks are looked at,
  // so that a keystroke in a long post does not walk every nested block.
  let pos = base;
  for (let i = 0; i < to; i++) {
    const node = parent.child(i);
    if (i >= from) {
      if (node.type.name === 'shortcode_container') alertsIn(node, pos + 1, decos);
      const alert = node.type.name === 'blockquote' ? alertOf(node) : null;
      if (alert) {
        decos.push(Decoration.node(pos, pos + node.nodeSize, { class: `pw-alert pw-alert-${alert.kind}`, 'data-alert': alert.kind }));
        const text = pos + 2; // inside the quote, inside its paragraph
        decos.push(Decoration.inline(text, text + 2, { class: 'pw-alert-punct' }));
        decos.push(Decoration.inline(text + 2, text + alert.length - 1, { class: 'pw-alert-marker' }));
        decos.push(Decoration.inline(text + alert.length - 1, text + alert.length, { class: 'pw-alert-punct' }));
        // "> [!TIP]" on its own line: the label stands as the alert's title, as Hugo and GitHub
        // show it, instead of running into the first sentence (a soft break reads as a space).
        const para = node.firstChild!;
        if (para.childCount > 1 && para.firstChild!.text!.length === alert.length && para.child(1).type.name === 'hardbreak') {
          decos.push(Decoration.node(text + alert.length, text + alert.length + 1, { class: 'pw-alert-title-break' }));
        }
      }
    }
    pos += node.nodeSize;
  }
}

export function decorate(doc: PmNode): DecorationSet {
  const decos: Decoration[] = [];
  alertsIn(doc, 0, decos);
  return DecorationSet.create(doc, decos);
}

/** Where the transaction changed the document: ranges in the new document. */
function changedRanges(tr: Transaction): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  tr.mapping.maps.forEach((map, i) => {
    const after = tr.mapping.slice(i + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => ranges.push([after.map(newStart, -1), after.map(newEnd, 1)]));
  });
  return ranges;
}

/**
 * The alerts after a change: the old ones mapped, and the top-level blocks the change touched
 * looked at again. Looking at every block on each key walked all of a long post's thousands of
 * blocks (and built a new set for all of them), a cost per key that grew with the post.
 */
export function redecorate(tr: Transaction, old: DecorationSet): DecorationSet {
  const { doc } = tr;
  let set = old.map(tr.mapping, doc);
  for (const [from, to] of changedRanges(tr)) {
    // The blocks around the change too: an edit at a block's edge may be in either.
    const a = Math.max(0, doc.resolve(Math.max(0, Math.min(from, doc.content.size))).index(0) - 1);
    const b = Math.min(doc.childCount, doc.resolve(Math.max(0, Math.min(to, doc.content.size))).index(0) + 1);
    let start = 0;
    for (let i = 0; i < a; i++) start += doc.child(i).nodeSize;
    let end = start;
    for (let i = a; i < b; i++) end += doc.child(i).nodeSize;
    set = set.remove(set.find(start, end, () => true).filter((d) => d.from >= start && d.to <= end));
    const decos: Decoration[] = [];
    alertsIn(doc, 0, decos, a, b);
    if (decos.length) set = set.add(doc, decos);
  }
  return set;
}

const key = new PluginKey<DecorationSet>('pw-alerts');

export const alertDecorations = $prose(
  () =>
    new Plugin<DecorationSet>({
      key,
      state: {
        init: (_, state) => decorate(state.doc),
        apply: (tr, old) => (tr.docChanged ? redecorate(tr, old) : old),
      },
      props: { decorations: (state) => key.getState(state) },
    }),
);
