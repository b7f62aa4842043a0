// A typed character is on the page at once and in the document after the frame that paints it
// (engine/commit-after-paint.ts): whatever reads the document before then (a second key, a save,
// the view going away) finds the character already there. jsdom has no layout, so the caret's
// rectangle and the page's size are given: the caret is well inside the page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { editorViewCtx } from '@milkdown/kit/core';
import { Plugin, TextSelection } from '@milkdown/kit/prose/state';
import type { EditorView } from '@milkdown/kit/prose/view';
import { installDom } from '../../../electron/cli/install-dom';
import { createMilkdown } from '../../../engine/create-milkdown';
import { createPostEditor } from '../../../renderer/editor/post-editor';

const dom = installDom();
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
  dom.body.replaceChildren();
});

/** A page of 1000×700 with the character before the caret at (100, 100): well in view. */
function caretInMiddleOfPage(): void {
  const range = dom.defaultView!.Range.prototype as unknown as Record<string, unknown>;
  const saved = { getBoundingClientRect: range.getBoundingClientRect, getClientRects: range.getClientRects };
  range.getBoundingClientRect = () => ({ top: 100, left: 100, bottom: 118, right: 108, width: 8, height: 18 });
  range.getClientRects = () => []; // ProseMirror's own scroll to the caret measures nothing
  const root = dom.documentElement;
  Object.defineProperties(root, { clientWidth: { value: 1000, configurable: true }, clientHeight: { value: 700, configurable: true } });
  cleanups.push(() => {
    Object.assign(range, saved);
    delete (root as unknown as Record<string, unknown>).clientWidth;
    delete (root as unknown as Record<string, unknown>).clientHeight;
  });
}

interface Typed {
  view: EditorView;
  /** Transactions that changed the document so far, counted without reading the view's state. */
  changes: () => number;
  destroy: () => Promise<unknown>;
}

async function typedView(body: string): Promise<Typed> {
  const root = dom.createElement('div');
  dom.body.append(root);
  const { editor } = await createMilkdown(root, body);
  let destroyed = false;
  const destroy = () => ((destroyed = true), editor.destroy());
  cleanups.push(() => void (destroyed || editor.destroy()));
  const view = editor.ctx.get(editorViewCtx);
  let changes = 0;
  const counter = new Plugin({ state: { init: () => 0, apply: (tr, n: number) => (tr.docChanged ? (changes = n + 1) : n) } });
  view.updateState(view.state.reconfigure({ plugins: [...view.state.plugins, counter] }));
  caretInMiddleOfPage();
  view.focus();
  let at = -1;
  view.state.doc.descendants((node, pos) => {
    if (at < 0 && node.isText && node.text!.includes('Tide')) at = pos + node.text!.indexOf('Tide') + 4;
  });
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at)));
  return { view, changes: () => changes, destroy };
}

function press(v: EditorView, ch: string): void {
  v.dom.dispatchEvent(new dom.defaultView!.KeyboardEvent('keypress', { key: ch, charCode: ch.codePointAt(0), bubbles: true, cancelable: true }));
}

const paragraphText = (v: EditorView) => v.dom.querySelector('p')!.textContent;

describe('a typed character commits after the frame that paints it', () => {
  it('is on the page at once, and in the document once the frame is drawn', async () => {
    const { view, changes } = await typedView('Tide tables.\n');
    press(view, 'x');
    expect(paragraphText(view)).toBe('Tidex tables.');
    expect(changes()).toBe(0);
    await vi.waitFor(() => expect(changes()).toBe(1));
    expect(view.state.doc.textContent).toBe('Tidex tables.');
    expect(view.state.selection.from).toBe(6);
  });

  it('is in the document for anything that reads it before then', async () => {
    const { view, changes } = await typedView('Tide tables.\n');
    press(view, 'x');
    expect(changes()).toBe(0);
    expect(view.state.doc.textContent).toBe('Tidex tables.');
    expect(changes()).toBe(1);
  });

  it('is committed by the next key before that key acts', async () => {
    const { view, changes } = await typedView('Tide tables.\n');
    press(view, 'x');
    press(view, 'y');
    expect(changes()).toBe(1);
    expect(paragraphText(view)).toBe('Tidexy tables.');
    expect(view.state.doc.textContent).toBe('Tidexy tables.');
    expect(view.state.selection.from).toBe(7);
    expect(changes()).toBe(2);
  });

  it("is committed when the post's editor is closed first", async () => {
    const root = dom.createElement('div');
    dom.body.append(root);
    let changed = 0;
    const handle = await createPostEditor({ root, body: 'Tide tables.\n', postPath: 'blog/recap/index.md', assetUrl: (p) => `/asset/${p}`, onChange: () => changed++ });
    caretInMiddleOfPage();
    handle.focus();
    const text = root.querySelector('p')!.firstChild as Text;
    dom.getSelection()!.collapse(text, 4);
    const before = changed;
    root.querySelector('.ProseMirror')!.dispatchEvent(new dom.defaultView!.KeyboardEvent('keypress', { key: 'x', charCode: 120, bubbles: true, cancelable: true }));
    expect(text.data).toBe('Tidex tables.');
    expect(changed).toBe(before);
    handle.destroy();
    expect(changed).toBe(before + 1);
  });

  it('commits at once when the caret is not sure to stay in view (the view may need to scroll)', async () => {
    const { view, changes } = await typedView('Tide tables.\n');
    const range = dom.defaultView!.Range.prototype as unknown as Record<string, unknown>;
    range.getBoundingClientRect = () => ({ top: 690, left: 100, bottom: 708, right: 108, width: 8, height: 18 });
    press(view, 'x');
    expect(changes()).toBe(1);
  });
});
