// A key acts where the caret is, even when the browser has not yet said where a click put it.
// ProseMirror learns of a caret moved by a click (or by a key it leaves to the browser, like End)
// from the document's `selectionchange` event, which Chromium queues behind input events when it
// is busy: a key handled before that event acted on the caret ProseMirror last knew, the post's
// start right after opening (the slash-menu test typed its "/" there). Before each key, this
// reads the caret from the page, as that event would (ProseMirror's own observer flush: it
// compares the page's selection with the last one it saw, so it costs nothing when they agree).
import { Plugin, PluginKey } from '@milkdown/kit/prose/state';
import type { EditorView } from '@milkdown/kit/prose/view';
import { $prose } from '@milkdown/kit/utils';

interface DomObserver {
  forceFlush(): void;
  flush(): void;
}

/** Takes in the caret the page holds, if the editor has focus and has not seen it yet. */
export function readCaretBeforeKeys(view: EditorView): void {
  const observer = (view as unknown as { domObserver?: DomObserver }).domObserver;
  if (!observer || view.composing) return;
  observer.forceFlush(); // a flush already scheduled runs now
  observer.flush(); // and the selection the page holds is taken in
}

export function caretBeforeKeys() {
  return $prose(
    () =>
      new Plugin({
        key: new PluginKey('postwright-caret-before-keys'),
        props: {
          handleDOMEvents: {
            keydown: (view, event) => {
              // 229: a key that belongs to an input method's composition, left to ProseMirror.
              if (!event.isComposing && event.keyCode !== 229) readCaretBeforeKeys(view);
              return false; // the key itself is handled as before
            },
          },
        },
      }),
  );
}
