// A key acts where the caret is, even when the browser has not yet said where a click put it.
// ProseMirror learns of a caret moved by a click (or by a key it leaves to the browser, like End)
// from the document's `selectionchange` event, which Chromium queues behind input events when it
// is busy: a key handled before that event acted on the caret ProseMirror last knew, the post's
// start right after opening (the slash-menu test typed its "/" there). Before each key, this
// reads the caret from the page, as that event would (engine/page-caret.ts).
import { Plugin, PluginKey } from '@milkdown/kit/prose/state';
import { $prose } from '@milkdown/kit/utils';
import { takeInPageCaret } from '../../engine/page-caret';

export function caretBeforeKeys() {
  return $prose(
    () =>
      new Plugin({
        key: new PluginKey('postwright-caret-before-keys'),
        props: {
          handleDOMEvents: {
            keydown: (view, event) => {
              // 229: a key that belongs to an input method's composition, left to ProseMirror.
              if (!event.isComposing && event.keyCode !== 229) takeInPageCaret(view);
              return false; // the key itself is handled as before
            },
          },
        },
      }),
  );
}
