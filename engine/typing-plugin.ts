// Typed characters go straight into the document as a transaction, instead of letting the
// browser edit the contenteditable DOM and ProseMirror read the change back. In a long post the
// browser's own text insertion forces style and layout of the whole editable region on every
// key (tens of milliseconds for a 1 MB recap); a transaction updates one text node and the next
// frame lays out only what changed. Input rules still run (through handleTextInput, as
// ProseMirror's own keypress fallback does). IME composition, dead keys, autocorrect and
// paste do not fire keypress and keep the browser's path.
import { TextSelection } from '@milkdown/kit/prose/state';
import { Plugin, PluginKey } from '@milkdown/kit/prose/state';
import type { EditorView } from '@milkdown/kit/prose/view';
import { $prose } from '@milkdown/kit/utils';

/** The character a keypress would insert, or null when the browser should handle the key. */
export function typedCharacter(event: KeyboardEvent): string | null {
  if (event.defaultPrevented || event.isComposing) return null;
  if ((event.ctrlKey && !event.altKey) || event.metaKey) return null;
  const code = event.charCode;
  if (!code || code < 32 || code === 127) return null;
  return String.fromCodePoint(code);
}

/** ProseMirror's DOM observer (internal, stable for years): flush() reads pending DOM changes. */
interface Observed {
  domObserver?: { flush(): void };
}

export function insertTypedText(view: EditorView, text: string): boolean {
  if (view.composing || !view.editable) return false;
  // The browser may have moved the cursor (End, a click) and not yet told ProseMirror with
  // its asynchronous selectionchange: read the DOM selection first, as the browser would use it.
  (view as unknown as Observed).domObserver?.flush();
  const sel = view.state.selection;
  if (!(sel instanceof TextSelection) || !sel.$from.sameParent(sel.$to) || !sel.$from.parent.inlineContent) return false;
  const { from, to } = sel;
  const insert = () => view.state.tr.insertText(text, from, to).scrollIntoView();
  if (!view.someProp('handleTextInput', (f) => f(view, from, to, text, insert))) view.dispatch(insert());
  return true;
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
      },
    }),
);
