// The bubble on a link in the post's text: where it goes, with Open, Edit and Remove. It shows
// while the caret is in a link, and while the pointer rests on one, so a writer sees a link's
// address without ever seeing Markdown.
//
// The bubble asks the app to act by events on the editor's element (the editor knows neither
// the post list nor the Link dialog): `pw-open-link` {href} and `pw-edit-link` {href}.
// Reference-style links (`[text][ref]`, the link_ref mark) get the same bubble: their address is
// their definition's, and Edit changes that definition (engine/link-definitions.ts).
import { $prose } from '@milkdown/kit/utils';
import { Plugin, PluginKey, TextSelection, type EditorState } from '@milkdown/kit/prose/state';
import type { EditorView } from '@milkdown/kit/prose/view';

import { EDIT_LINK_EVENT, OPEN_LINK_EVENT } from './link-events';

export interface LinkRange {
  from: number;
  to: number;
  href: string;
  /** A reference-style link (`[text][ref]`): its reference as written; its address is on the `[ref]: …` line. */
  ref?: string;
}

/** The whole link around document position `pos` (its neighbouring text with the same address). */
export function linkRangeAt(state: EditorState, pos: number): LinkRange | null {
  const linkType = state.schema.marks.link;
  const refType = state.schema.marks.link_ref;
  if (!linkType && !refType) return null;
  const $pos = state.doc.resolve(pos);
  const parent = $pos.parent;
  if (!parent.inlineContent) return null;
  const start = $pos.start();
  // The inline child at the position (or just before it, at a link's end).
  let offset = 0;
  const children: { from: number; to: number; href: string | null; ref?: string; key: string | null }[] = [];
  parent.forEach((child) => {
    const mark = linkType?.isInSet(child.marks);
    const refMark = mark ? undefined : refType?.isInSet(child.marks);
    const href = mark ? String(mark.attrs.href) : refMark ? String(refMark.attrs.href) : null;
    const ref = refMark ? String(refMark.attrs.label) : undefined;
    // Neighbours are one link when they go to the same address the same way.
    const key = href === null ? null : ref === undefined ? `link ${href}` : `ref ${ref} ${href}`;
    children.push({ from: start + offset, to: start + offset + child.nodeSize, href, ref, key });
    offset += child.nodeSize;
  });
  const i = children.findIndex((c) => c.href !== null && c.from <= pos && pos <= c.to && (pos < c.to || pos > c.from));
  if (i < 0) return null;
  const { href, ref, key } = children[i];
  let a = i;
  let b = i;
  while (a > 0 && children[a - 1].key === key) a--;
  while (b < children.length - 1 && children[b + 1].key === key) b++;
  return { from: children[a].from, to: children[b].to, href: href!, ...(ref !== undefined ? { ref } : {}) };
}

/** The link the selection is in (both ends in the same link), or null. */
export function linkAtSelection(state: EditorState): LinkRange | null {
  const { from, to, empty } = state.selection;
  const link = linkRangeAt(state, empty ? from : from + 1);
  if (!link || from < link.from || to > link.to) return null;
  // A caret at a link's very start or end is beside it, not in it (typing there is not linked).
  if (empty && (from === link.from || from === link.to)) return null;
  return link;
}

/** Selects the whole link at the selection and returns it (for Ctrl+K and Edit on a link). */
export function selectLinkAtSelection(view: EditorView): LinkRange | null {
  const link = linkAtSelection(view.state);
  if (link) view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, link.from, link.to)));
  return link;
}

const key = new PluginKey('link-bubble');

class Bubble {
  private el: HTMLDivElement;
  private hrefEl: HTMLSpanElement;
  private shown: LinkRange | null = null;
  private hovered: LinkRange | null = null;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private view: EditorView) {
    this.el = document.createElement('div');
    this.el.className = 'link-bubble';
    this.el.setAttribute('role', 'group');
    this.el.setAttribute('aria-label', 'Link');
    this.el.hidden = true;
    this.hrefEl = document.createElement('span');
    this.hrefEl.className = 'link-bubble-href';
    this.el.append(this.hrefEl, this.button('Open', () => this.open()), this.button('Edit', () => this.edit()), this.button('Remove', () => this.remove()));
    // Over the bubble the pointer keeps it open (the writer is on the way to its buttons).
    this.el.addEventListener('mouseenter', () => clearTimeout(this.hideTimer));
    this.el.addEventListener('mouseleave', () => this.leave());
    document.body.append(this.el);
    view.dom.addEventListener('mouseover', this.onOver);
    view.dom.addEventListener('mouseout', this.onOut);
  }

  private button(label: string, run: () => void): HTMLButtonElement {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.setAttribute('aria-label', `${label} link`);
    // The editor keeps its focus and selection: the buttons act on them.
    b.addEventListener('mousedown', (e) => e.preventDefault());
    b.addEventListener('click', run);
    return b;
  }

  private onOver = (e: MouseEvent) => {
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || !this.view.dom.contains(a)) return;
    clearTimeout(this.hideTimer);
    const pos = this.view.posAtDOM(a, 0);
    this.hovered = linkRangeAt(this.view.state, pos + 1) ?? linkRangeAt(this.view.state, pos);
    this.render();
  };

  private onOut = (e: MouseEvent) => {
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || (e.relatedTarget instanceof Node && a.contains(e.relatedTarget))) return;
    this.leave();
  };

  /** The pointer left the link or the bubble: hide soon, unless it reaches the other first. */
  private leave() {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => {
      this.hovered = null;
      this.render();
    }, 300);
  }

  private current(): LinkRange | null {
    return this.hovered ?? (this.view.hasFocus() || this.el.contains(document.activeElement) ? linkAtSelection(this.view.state) : null);
  }

  render() {
    const link = this.current();
    this.shown = link;
    if (!link || !this.view.editable) {
      // Only when it changes: this runs on every key, and setting `hidden`, even to the value it
      // has, makes the browser work out the page's styles again before the next frame.
      if (!this.el.hidden) this.el.hidden = true;
      return;
    }
    this.hrefEl.textContent = link.href;
    this.hrefEl.title = link.href;
    const at = this.view.coordsAtPos(link.from);
    this.el.hidden = false;
    this.el.style.left = `${Math.max(4, Math.min(at.left, window.innerWidth - this.el.offsetWidth - 4))}px`;
    this.el.style.top = `${at.bottom + 6}px`;
  }

  private open() {
    if (this.shown) this.view.dom.dispatchEvent(new CustomEvent(OPEN_LINK_EVENT, { bubbles: true, detail: { href: this.shown.href } }));
  }

  private edit() {
    const link = this.shown;
    if (!link) return;
    this.hovered = null;
    this.view.dispatch(this.view.state.tr.setSelection(TextSelection.create(this.view.state.doc, link.from, link.to)));
    this.view.focus();
    this.view.dom.dispatchEvent(new CustomEvent(EDIT_LINK_EVENT, { bubbles: true, detail: { href: link.href } }));
  }

  /** Unlinks the words (they stay), as one undo step. A reference's address line stays: other links may use it. */
  private remove() {
    const link = this.shown;
    const linkType = link?.ref !== undefined ? this.view.state.schema.marks.link_ref : this.view.state.schema.marks.link;
    if (!link || !linkType) return;
    this.hovered = null;
    this.view.dispatch(this.view.state.tr.removeMark(link.from, link.to, linkType));
    this.view.focus();
  }

  destroy() {
    clearTimeout(this.hideTimer);
    this.view.dom.removeEventListener('mouseover', this.onOver);
    this.view.dom.removeEventListener('mouseout', this.onOut);
    this.el.remove();
  }
}

export const linkBubblePlugin = $prose(
  () =>
    new Plugin({
      key,
      view(view) {
        const bubble = new Bubble(view);
        // Focus moves do not update the view: the caret's bubble follows them too.
        const refresh = () => bubble.render();
        view.dom.addEventListener('focus', refresh);
        view.dom.addEventListener('blur', refresh);
        return {
          update: () => bubble.render(),
          destroy: () => {
            view.dom.removeEventListener('focus', refresh);
            view.dom.removeEventListener('blur', refresh);
            bubble.destroy();
          },
        };
      },
    }),
);
