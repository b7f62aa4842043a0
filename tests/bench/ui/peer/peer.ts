// The bench's peer: plain Milkdown (commonmark + gfm + history, nothing of Postwright's) on a
// bare page. The bench calls window.peer.open(url) and times it like opening a post in the app.
import { Editor, defaultValueCtx, rootCtx, editorViewOptionsCtx } from '@milkdown/kit/core';
import { commonmark } from '@milkdown/kit/preset/commonmark';
import { gfm } from '@milkdown/kit/preset/gfm';
import { history } from '@milkdown/kit/plugin/history';

export interface PeerApi {
  /** Fetches the markdown (not timed), then creates the editor; resolves with ms to the next paint. */
  open(url: string): Promise<number>;
  close(): Promise<void>;
  /**
   * The browser alone: the same post's HTML (as Milkdown renders it) in a plain contenteditable
   * element with no editor code at all. Typing there costs what Chromium itself needs per key
   * (input, text insertion, selection, style, layout, paint): the floor under any editor.
   */
  plain(url: string): Promise<void>;
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
      .create();
    await nextPaint();
    return performance.now() - t0;
  },
  async plain(url) {
    await api.open(url);
    const html = document.querySelector('#root .ProseMirror')!.innerHTML;
    await api.close();
    const editable = document.createElement('div');
    editable.className = 'ProseMirror';
    editable.contentEditable = 'true';
    for (const [k, v] of Object.entries({ role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Post body' })) editable.setAttribute(k, v);
    editable.innerHTML = html;
    document.getElementById('root')!.append(editable);
    await nextPaint();
  },
  async close() {
    if (current) await current.destroy();
    current = null;
    document.getElementById('root')!.replaceChildren();
  },
};

(window as unknown as { peer: PeerApi }).peer = api;
