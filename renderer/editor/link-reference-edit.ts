// The Link dialog on a reference-style link (`[text][ref]`): its words change in place (the link
// keeps its reference), and its address changes on the post's `[ref]: …` line
// (engine/link-definitions.ts), the one line that holds it. One undo step.
import type { EditorView } from '@milkdown/kit/prose/view';
import { referenceIdentifier, referenceUses, setReferenceAddress } from '../../engine/link-definitions';
import { linkAtSelection } from './views/link-bubble';

/** The reference-style link at the selection: its reference and how many links share its address line. */
export function linkReferenceAt(view: EditorView): { label: string; uses: number } | null {
  const link = linkAtSelection(view.state);
  if (link?.ref === undefined) return null;
  return { label: link.ref, uses: referenceUses(view.state.doc, referenceIdentifier(link.ref)) };
}

/** Gives the reference-style link at the selection `text` and `href`; returns why not, in plain words, or null. */
export function editLinkReference(view: EditorView, href: string, text: string): string | null {
  const { state } = view;
  const link = linkAtSelection(state);
  if (link?.ref === undefined) return 'The link is no longer where it was. Click it and try again.';
  const tr = state.tr;
  if (text && text !== state.doc.textBetween(link.from, link.to)) {
    // The new words take the marks of the first word (the link and any bold around it).
    tr.replaceWith(link.from, link.to, state.schema.text(text, state.doc.resolve(link.from + 1).marks()));
  }
  if (href !== link.href) {
    const result = setReferenceAddress(tr, link.ref, href);
    if (!result.ok) return result.reason;
  }
  if (tr.docChanged) view.dispatch(tr.scrollIntoView());
  view.focus();
  return null;
}
