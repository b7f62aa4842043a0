// GitHub-style alerts (`> [!NOTE]`, `> [!TIP]`, `> [!IMPORTANT]`, `> [!WARNING]`, `> [!CAUTION]`,
// rendered as callouts by Hugo 0.132+) look like callouts: the quote gets the alert's colour and
// its marker reads as a label ("NOTE"), its brackets hidden. Only decorations: the marker stays
// text of the quote's first paragraph, so the file keeps its syntax and an edit elsewhere in the
// quote changes only its own line.
import { Plugin, PluginKey } from '@milkdown/kit/prose/state';
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

function decorate(doc: PmNode): DecorationSet {
  const decos: Decoration[] = [];
  // Alerts are top-level quotes (or inside shortcode cards): only those blocks are looked at,
  // so that a keystroke in a long post does not walk every nested block.
  const visit = (parent: PmNode, base: number) =>
    parent.forEach((node, offset) => {
      const pos = base + offset;
      if (node.type.name === 'shortcode_container') visit(node, pos + 1);
      if (node.type.name !== 'blockquote') return;
      const alert = alertOf(node);
      if (!alert) return;
      decos.push(Decoration.node(pos, pos + node.nodeSize, { class: `pw-alert pw-alert-${alert.kind}`, 'data-alert': alert.kind }));
      const text = pos + 2; // inside the quote, inside its paragraph
      decos.push(Decoration.inline(text, text + 2, { class: 'pw-alert-punct' }));
      decos.push(Decoration.inline(text + 2, text + alert.length - 1, { class: 'pw-alert-marker' }));
      decos.push(Decoration.inline(text + alert.length - 1, text + alert.length, { class: 'pw-alert-punct' }));
    });
  visit(doc, 0);
  return DecorationSet.create(doc, decos);
}

const key = new PluginKey<DecorationSet>('pw-alerts');

export const alertDecorations = $prose(
  () =>
    new Plugin<DecorationSet>({
      key,
      state: {
        init: (_, state) => decorate(state.doc),
        apply: (tr, old) => (tr.docChanged ? decorate(tr.doc) : old),
      },
      props: { decorations: (state) => key.getState(state) },
    }),
);
