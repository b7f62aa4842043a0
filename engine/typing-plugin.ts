// Typed characters go straight into the document as a transaction, instead of letting the
// browser edit the contenteditable DOM and ProseMirror read the change back. In a long post the
// browser's own text insertion forces style and layout of the whole editable region on every
// key (tens of milliseconds for a 1 MB recap); a transaction updates one text node and the next
// frame lays out only what changed. Input rules still run (through handleTextInput, as
// ProseMirror's own keypress fallback does). IME composition, dead keys, autocorrect and
// paste do not fire keypress and keep the browser's path.
import { Mark, type Node } from '@milkdown/kit/prose/model';
import { Plugin, PluginKey, TextSelection } from '@milkdown/kit/prose/state';
import type { EditorView } from '@milkdown/kit/prose/view';
import { $prose } from '@milkdown/kit/utils';
import { caretWellInView } from './caret-in-view';
import { commitAfterPaint, gateStateReads } from './commit-after-paint';
import { domObserverOf } from './page-caret';

/** The character a keypress would insert, or null when the browser should handle the key. */
export function typedCharacter(event: KeyboardEvent): string | null {
  if (event.defaultPrevented || event.isComposing) return null;
  if ((event.ctrlKey && !event.altKey) || event.metaKey) return null;
  const code = event.charCode;
  if (!code || code < 32 || code === 127) return null;
  return String.fromCodePoint(code);
}

export function insertTypedText(view: EditorView, text: string): boolean {
  if (view.composing || !view.editable) return false;
  const observer = domObserverOf(view);
  // The browser may have moved the cursor (End, a click) and not yet told ProseMirror with
  // its asynchronous selectionchange: read the DOM selection first, as the browser would use it.
  observer?.flush();
  const sel = view.state.selection;
  if (!(sel instanceof TextSelection) || !sel.$from.sameParent(sel.$to) || !sel.$from.parent.inlineContent) return false;
  const { from, to } = sel;
  const insert = () => view.state.tr.insertText(text, from, to).scrollIntoView();
  if (view.someProp('handleTextInput', (f) => f(view, from, to, text, insert))) return true;
  const inPlace = observer && from === to ? caretTextNode(view, from) : null;
  let staysInView = false;
  if (observer && inPlace) {
    // Measured before the write, while the layout is still the one the last frame drew.
    staysInView = caretWellInView(inPlace.textNode, inPlace.offset, scrollMarginOf(view));
    // Unobserved: this write is the transaction's own result, not a change for ProseMirror to read back.
    observer.stop();
    writeAtCaret(inPlace, text);
    observer.start();
  }
  const commit = () => {
    if (staysInView) caretStaysInView.add(view);
    try {
      view.dispatch(insert());
    } finally {
      caretStaysInView.delete(view);
    }
    if (inPlace) repairIfDiverged(view, inPlace.textNode);
  };
  // With the character on screen and nothing to scroll, the transaction can wait for the paint
  // (commit-after-paint.ts); anything that reads the state before then commits it first.
  if (!(inPlace && staysInView && commitAfterPaint(view, commit))) commit();
  return true;
}

/**
 * Views whose current transaction types a character where the caret is sure to stay in view
 * (see caret-in-view.ts): ProseMirror's scroll to the selection is skipped for it. Set only
 * around one dispatch; every other transaction scrolls as ProseMirror does.
 */
const caretStaysInView = new WeakSet<EditorView>();

function scrollMarginOf(view: EditorView): number {
  const margin = view.someProp('scrollMargin') ?? 5;
  return typeof margin === 'number' ? margin : Math.max(margin.top, margin.bottom, margin.left, margin.right);
}

// Writing the character into the DOM first (when it is sure to land in the text node the caret
// is in) spares the browser work on each key: ProseMirror finds the node's text already equal
// to the document's and writes nothing (it would replace the node's whole text, which the
// browser then shapes again in full). The write is one insertion at the caret, then the caret is
// put after it: the DOM leaves a live selection in front of text inserted at its own offset.
//
// An earlier version moved the caret by the write itself (the character before the caret written
// again together with the new one, and its old copy deleted). That is two changes to the text
// in one frame, and Chromium can reuse the shaping of the unchanged text for the first one only:
// the layout shaped the whole paragraph again on every key. Measured in the 12 KB bench post,
// typed in turns in one page (300 keys a turn, six turns): p95 5.87 ms with the two changes,
// 5.49 with one change and the caret set. Setting the caret makes the browser sync its selection
// inside the key's handler, but that sync (the text the browser keeps for input methods) is
// work the frame's commit did otherwise, not extra work.

/** ProseMirror's view description of a DOM node (internal, stable for years: `pmViewDesc`). */
interface ViewDescLike {
  node?: Node | null;
  nodeDOM?: globalThis.Node;
  posAtStart: number;
}

interface CaretText {
  textNode: Text;
  /** The caret's offset in it, at least 1 (the caret's check measures the character before it). */
  offset: number;
}

const descOf = (dom: globalThis.Node) => (dom as unknown as { pmViewDesc?: ViewDescLike }).pmViewDesc;

/**
 * The text node the DOM caret is in, when a character typed at `pos` lands in it: the caret is
 * collapsed in that node after at least one character, the node shows one whole text node of
 * the document (no decoration splits it) ending or going on at `pos`, and the marks the
 * transaction gives the character are that node's (no stored mark, no link that stops at the
 * caret). Anything else returns null and takes ProseMirror's own path.
 */
function caretTextNode(view: EditorView, pos: number): CaretText | null {
  const domSel = view.dom.ownerDocument.getSelection();
  if (!domSel?.isCollapsed) return null;
  const textNode = domSel.focusNode;
  const offset = domSel.focusOffset;
  if (!textNode || textNode.nodeType !== 3 || offset === 0) return null;
  const desc = descOf(textNode);
  const node = desc?.node;
  if (!desc || !node?.isText || desc.nodeDOM !== textNode || (textNode as Text).data !== node.text) return null;
  if (desc.posAtStart + offset !== pos || view.state.doc.nodeAt(pos - offset) !== node) return null;
  const marks = view.state.storedMarks ?? view.state.doc.resolve(pos).marks();
  if (!Mark.sameSet(marks, node.marks)) return null;
  return { textNode: textNode as Text, offset };
}

/** Inserts `text` at the caret and puts the caret after it (see above). */
function writeAtCaret({ textNode, offset }: CaretText, text: string): void {
  textNode.insertData(offset, text);
  textNode.ownerDocument.getSelection()?.collapse(textNode, offset + text.length);
}

/**
 * After the transaction: the node must show what the document holds. A plugin that changed the
 * transaction's outcome (a filter, an appended change) could leave the written character where
 * ProseMirror no longer expects it; then the whole view is redrawn from the document and the
 * selection set again, so what the writer sees is never other than what is saved.
 */
function repairIfDiverged(view: EditorView, textNode: Text): void {
  if (!textNode.isConnected) return; // ProseMirror replaced the node: the DOM is its own
  if (descOf(textNode)?.node?.text === textNode.data) return;
  const docView = (view as unknown as { docView: { markDirty(from: number, to: number): void } }).docView;
  docView.markDirty(0, view.state.doc.content.size);
  view.updateState(view.state);
}

export const typingPlugin = $prose(
  () =>
    new Plugin({
      key: new PluginKey('postwright-typing'),
      props: {
        handleKeyPress(view, event) {
          const text = typedCharacter(event);
          return text !== null && insertTypedText(view, text);
        },
        handleScrollToSelection: (view) => caretStaysInView.has(view),
      },
      // The owner of the editor commits a waiting character before tearing it down
      // (renderer/editor/post-editor.ts): Milkdown's teardown removes what a commit needs first.
      view(view) {
        gateStateReads(view);
        return {};
      },
    }),
);
