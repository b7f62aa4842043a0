// ProseMirror learns where a click (or a key it leaves to the browser, like End) put the caret
// from the document's `selectionchange` event, which Chromium queues behind input events and
// timers when it is busy. A transaction dispatched before that event (a key's, or one of the
// editor's own: the rest of a long post joining, the window of drawn blocks moving) starts from
// the caret ProseMirror last knew, and drawing it puts the page's caret back there: the writer's
// click is undone and the next words land at the post's start. This reads the caret from the
// page first, as that event would (ProseMirror's own observer flush: it compares the page's
// selection with the last one it saw, so it costs nothing when they agree).
import type { EditorView } from '@milkdown/kit/prose/view';

/** ProseMirror's DOM observer (internal, stable for years): flush() reads pending DOM changes. */
export interface DomObserver {
  forceFlush(): void;
  flush(): void;
  stop(): void;
  start(): void;
}

/** The view's DOM observer, where ProseMirror keeps it (undefined if a version moved it). */
export function domObserverOf(view: EditorView): DomObserver | undefined {
  return (view as unknown as { domObserver?: DomObserver }).domObserver;
}

/** Takes in the caret the page holds, if ProseMirror has not seen it yet. */
export function takeInPageCaret(view: EditorView): void {
  const observer = domObserverOf(view);
  if (!observer || view.composing || view.isDestroyed) return;
  observer.forceFlush(); // a flush already scheduled runs now
  observer.flush(); // and the selection the page holds is taken in
}
