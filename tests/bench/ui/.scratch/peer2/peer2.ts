// The bench's peer: plain Milkdown (commonmark + gfm + history, nothing of Postwright's) on a
// bare page. The bench calls window.peer.open(url) and times it like opening a post in the app.
import { Editor, defaultValueCtx, rootCtx, editorViewOptionsCtx } from '@milkdown/kit/core';
import { commonmark } from '@milkdown/kit/preset/commonmark';
import { gfm } from '@milkdown/kit/preset/gfm';
import { history } from '@milkdown/kit/plugin/history';
import { $prose } from '@milkdown/kit/utils';
import { Plugin, TextSelection } from '@milkdown/kit/prose/state';
const q = new URLSearchParams(location.search);
// Experiment: type characters as transactions (no native contenteditable insertion).
const intercept = $prose(() => new Plugin({ props: { handleKeyPress(view, event) {
  if (!q.has('intercept')) return false;
  if (view.composing || !event.charCode || event.ctrlKey || event.metaKey) return false;
  const text = String.fromCharCode(event.charCode);
  if (/[\r\n]/.test(text)) return false;
  const { from, to } = view.state.selection;
  if (!(view.state.selection instanceof TextSelection)) return false;
  const deflt = () => view.state.tr.insertText(text, from, to).scrollIntoView();
  if (!view.someProp('handleTextInput', (f) => f(view, from, to, text, deflt))) view.dispatch(deflt());
  return true;
} } }));
if (q.has('cv')) { const st = document.createElement('style'); st.textContent = '.ProseMirror > * { content-visibility: auto; contain-intrinsic-size: auto 3em; }'; document.head.append(st); }


export interface PeerApi {
  /** Fetches the markdown (not timed), then creates the editor; resolves with ms to the next paint. */
  open(url: string): Promise<number>;
  close(): Promise<void>;
}

let current: Editor | null = null;

/** Resolves after the next frame has been painted (rAF, then a task after it). */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve();
      ch.port2.postMessage(null);
    });
  });
}

const api: PeerApi = {
  async open(url) {
    const markdown = await (await fetch(url)).text();
    await api.close();
    const root = document.getElementById('root')!;
    const t0 = performance.now();
    current = await Editor.make()
      .config((ctx) => {
        ctx.set(rootCtx, root);
        ctx.set(defaultValueCtx, markdown);
        // Same accessible name as the app's body, so the bench finds both the same way.
        ctx.update(editorViewOptionsCtx, (prev) => ({ ...prev, attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Post body' } }));
      })
      .use(commonmark)
      .use(gfm)
      .use(history)
      .use(intercept)
      .create();
    await nextPaint();
    return performance.now() - t0;
  },
  async close() {
    if (current) await current.destroy();
    current = null;
    document.getElementById('root')!.replaceChildren();
  },
};

(window as unknown as { peer: PeerApi }).peer = api;
