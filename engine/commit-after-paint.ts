// A typed character is on screen before the document knows it. The typing path writes the
// character into the text node and sets the caret (typing-plugin.ts); ProseMirror's transaction
// for it (plugins' state, the view's check that its DOM matches, the listeners) changes nothing
// the writer sees when the caret stays in view, so it can wait until the frame that paints the
// character is drawn. In the 12 KB bench post it was about 0.45 ms of a key's 4 to 5 (the
// plugins' state and ProseMirror's view update), the largest part of our script per key; plain
// Milkdown does the same work before its paint, the browser's own typing has none of it.
// The work is not less: it runs after the paint (in the key's keyup, the page's selectionchange
// or the posted message, whichever reads the state first), and it draws no second frame.
//
// Nothing may read the view's state in between and find it stale. So the view's `state` becomes a
// gate: reading it first commits the waiting character. Every reader (ProseMirror's own event
// handlers and selection reads, Milkdown's commands, the app's save, word count and drafts) goes
// through `view.state`, so the document is never seen without a character the page shows, and
// a second key, a click or Ctrl+S commits the first key's character before it acts. Left alone,
// the commit runs just after the frame is painted (a message posted from the frame's animation
// callback runs after that frame), or after a short wait when the page draws no frames (hidden).
import type { EditorState } from '@milkdown/kit/prose/state';
import type { EditorView } from '@milkdown/kit/prose/view';

/** Ms to wait for a frame before committing anyway (a hidden page draws none). */
const NO_FRAME_WAIT_MS = 100;

/** A gated view's state and the commit waiting for it (one at most: the next read commits it). */
interface Gate {
  current: EditorState;
  waiting: (() => void) | null;
}

const gates = new WeakMap<EditorView, Gate>();

/**
 * Makes reading `view.state` commit a waiting character first. False when the view's state is not
 * a plain own property (a ProseMirror version that keeps it otherwise): commits then never wait.
 * The getter costs a few nanoseconds a read (the view's fields are then kept in a dictionary:
 * about 4 ns a read here against 2), a few microseconds a key at most.
 */
export function gateStateReads(view: EditorView): boolean {
  if (gates.has(view)) return true;
  const own = Object.getOwnPropertyDescriptor(view, 'state');
  if (!own || !('value' in own) || !own.configurable) return false;
  const gate: Gate = { current: own.value as EditorState, waiting: null };
  Object.defineProperty(view, 'state', {
    configurable: true,
    enumerable: own.enumerable,
    get() {
      if (gate.waiting) commitGate(gate);
      return gate.current;
    },
    set(state: EditorState) {
      gate.current = state;
    },
  });
  gates.set(view, gate);
  return true;
}

function commitGate(gate: Gate): void {
  const commit = gate.waiting;
  gate.waiting = null; // before it runs: the commit reads the state itself
  commit?.();
}

/** Runs the waiting commit of `view`, if there is one. */
export function commitNow(view: EditorView): void {
  const gate = gates.get(view);
  if (gate) commitGate(gate);
}

/**
 * Holds `commit` until the frame now being prepared is painted, or until something reads the
 * view's state. False (and nothing held) when the view is not gated or a commit already waits:
 * the caller then commits at once.
 */
export function commitAfterPaint(view: EditorView, commit: () => void): boolean {
  const gate = gates.get(view);
  if (!gate || gate.waiting || view.isDestroyed) return false;
  gate.waiting = commit;
  const win = view.dom.ownerDocument.defaultView;
  const run = () => {
    if (gate.waiting === commit) commitGate(gate);
  };
  const fallback = setTimeout(run, NO_FRAME_WAIT_MS);
  win?.requestAnimationFrame(() => {
    clearTimeout(fallback);
    afterThisFrame(win, run);
  });
  return true;
}

const channels = new WeakMap<Window, { port: MessagePort; queue: Array<() => void> }>();

/** Runs `fn` in a task of its own after the current frame's rendering (paint and commit). */
function afterThisFrame(win: Window, fn: () => void): void {
  let channel = channels.get(win);
  const Channel = (win as Window & { MessageChannel?: typeof MessageChannel }).MessageChannel;
  if (!channel && typeof Channel !== 'function') {
    setTimeout(fn, 0);
    return;
  }
  if (!channel) {
    const { port1, port2 } = new Channel!();
    const queue: Array<() => void> = [];
    port1.onmessage = () => queue.shift()?.();
    channel = { port: port2, queue };
    channels.set(win, channel);
  }
  channel.queue.push(fn);
  channel.port.postMessage(null);
}
