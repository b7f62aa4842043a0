// The keystroke path of long posts: typed characters become transactions (input rules still
// apply), ordered-list labels follow inserted items, and a long post is displayed in a window of
// blocks around the cursor without changing a byte of what is saved.
import { afterEach, describe, expect, it } from 'vitest';
import { editorViewCtx } from '@milkdown/kit/core';
import { Plugin, TextSelection } from '@milkdown/kit/prose/state';
import type { EditorView } from '@milkdown/kit/prose/view';
import { installDom } from '../../../electron/cli/install-dom';
import { createMilkdown } from '../../../engine/create-milkdown';
import { changedRanges } from '../../../engine/list-order-plugin';
import { createPostEditor } from '../../../renderer/editor/post-editor';
import { LONG_POST_CHARS } from '../../../renderer/editor/long-post';
import { topLevel } from '../../../engine/block-window';
import { Decoration, DecorationSet } from '@milkdown/kit/prose/view';
import type { PostEditorHandle } from '../../../renderer/editor/types';

const dom = installDom();
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  dom.body.replaceChildren();
});

async function view(body: string): Promise<EditorView> {
  const root = dom.createElement('div');
  dom.body.append(root);
  const { editor } = await createMilkdown(root, body);
  cleanups.push(() => void editor.destroy());
  return editor.ctx.get(editorViewCtx);
}

function press(v: EditorView, ch: string): boolean {
  const e = new dom.defaultView!.KeyboardEvent('keypress', { key: ch, charCode: ch.codePointAt(0), bubbles: true, cancelable: true });
  v.dom.dispatchEvent(e);
  return e.defaultPrevented;
}

function caretAt(v: EditorView, text: string, after = true): void {
  let found = -1;
  v.state.doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text) + (after ? text.length : 0);
  });
  v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, found)));
}

/**
 * Focuses the view, so that ProseMirror puts the DOM selection in the text as in a browser.
 * jsdom has no layout: scrolling the caret into view then measures empty rectangles.
 */
function focusWithoutLayout(v: EditorView): void {
  const range = dom.defaultView!.Range.prototype as unknown as Record<string, unknown>;
  const saved = { getClientRects: range.getClientRects, getBoundingClientRect: range.getBoundingClientRect };
  Object.assign(range, { getClientRects: () => [], getBoundingClientRect: () => ({ left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0 }) });
  cleanups.push(() => Object.assign(range, saved));
  v.focus();
}

describe('typing', () => {
  it('inserts typed characters as a transaction and keeps the browser out of it', async () => {
    const v = await view('Tide tables.\n\nFerries.\n');
    caretAt(v, 'Tide');
    expect(press(v, 'x')).toBe(true);
    expect(press(v, 'é')).toBe(true);
    expect(press(v, '🌊')).toBe(true);
    expect(v.state.doc.firstChild!.textContent).toBe('Tidexé🌊 tables.');
  });

  it('writes the character into the text node the caret is in with one change, and sets the caret once', async () => {
    const v = await view('Tide tables.\n\nFerries.\n');
    focusWithoutLayout(v);
    caretAt(v, 'Tide');
    const node = v.dom.querySelector('p')!.firstChild as Text;
    const sel = dom.getSelection()!;
    expect(sel.focusNode === node).toBe(true);
    const proto = dom.defaultView!.Selection.prototype;
    const calls: string[] = [];
    const originals = { collapse: proto.collapse, setBaseAndExtent: proto.setBaseAndExtent, addRange: proto.addRange };
    for (const name of Object.keys(originals) as Array<keyof typeof originals>) {
      proto[name] = function (this: Selection, ...args: unknown[]) {
        calls.push(name);
        return (originals[name] as (...a: unknown[]) => void).apply(this, args);
      } as never;
    }
    // One change to the text per key: a second one in the same frame made Chromium shape the whole
    // paragraph again (see writeAtCaret).
    const changes = new dom.defaultView!.MutationObserver(() => {});
    changes.observe(node, { characterData: true });
    let texts = 0;
    try {
      press(v, 'x');
      texts += changes.takeRecords().length;
      press(v, 'y');
      texts += changes.takeRecords().length;
    } finally {
      Object.assign(proto, originals);
      changes.disconnect();
    }
    expect(texts).toBe(2);
    // The caret is put after each character by the write, once; ProseMirror sets no selection of its own.
    expect(calls).toEqual(['collapse', 'collapse']);
    expect(v.dom.querySelector('p')!.firstChild === node).toBe(true);
    expect(node.data).toBe('Tidexy tables.');
    expect(sel.focusNode === node).toBe(true);
    expect(sel.focusOffset).toBe(6);
    expect(v.state.doc.firstChild!.textContent).toBe('Tidexy tables.');
    expect(v.state.selection.from).toBe(7);
  });

  it("takes ProseMirror's own path where the character gets other marks, or the caret starts a node", async () => {
    const v = await view('Tide **tables**.\n');
    focusWithoutLayout(v);
    caretAt(v, 'Tide ');
    // Bold turned on at the caret: the character goes into a new bold node.
    v.dispatch(v.state.tr.addStoredMark(v.state.schema.marks.strong.create()));
    press(v, 'x');
    // At the start of the paragraph: no character before the caret in its node.
    caretAt(v, 'Tide', false);
    press(v, 'y');
    expect(v.dom.querySelector('p')!.innerHTML).toBe('yTide <strong>xtables</strong>.');
    expect(v.state.doc.firstChild!.textContent).toBe('yTide xtables.');
  });

  it('redraws from the document when a plugin changed what the key did (the view never shows what is not saved)', async () => {
    const v = await view('Tide tables.\n');
    const noQ = new Plugin({ filterTransaction: (tr) => !tr.docChanged || !tr.doc.textContent.includes('q') });
    v.updateState(v.state.reconfigure({ plugins: [...v.state.plugins, noQ] }));
    focusWithoutLayout(v);
    caretAt(v, 'Tide');
    press(v, 'q');
    press(v, 's');
    expect(v.state.doc.firstChild!.textContent).toBe('Tides tables.');
    expect(v.dom.querySelector('p')!.textContent).toBe('Tides tables.');
  });

  it('still runs input rules: "> " at the start of a paragraph makes a quote', async () => {
    const v = await view('Tide tables.\n\nFerries.\n');
    caretAt(v, 'Ferries', false);
    press(v, '>');
    press(v, ' ');
    expect(v.state.doc.child(1).type.name).toBe('blockquote');
  });

  it('leaves shortcuts and control keys to the keymap and the browser', async () => {
    const v = await view('Tide tables.\n');
    caretAt(v, 'Tide');
    const e = new dom.defaultView!.KeyboardEvent('keypress', { key: 'b', charCode: 98, ctrlKey: true, bubbles: true, cancelable: true });
    v.dom.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(false);
    expect(press(v, '\r')).toBe(false);
    expect(v.state.doc.firstChild!.textContent).toBe('Tide tables.');
  });
});

describe('ordered list labels', () => {
  it('renumber the items after the one inserted, only in the list that changed', async () => {
    const v = await view('1. Boats\n2. Ferries\n3. Kayaks\n\nText.\n\n5. Five\n6. Six\n');
    caretAt(v, 'Boats');
    const enter = new dom.defaultView!.KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    v.dom.dispatchEvent(enter);
    const labels: string[] = [];
    v.state.doc.descendants((n) => {
      if (n.type.name === 'list_item') labels.push(n.attrs.label as string);
    });
    expect(labels).toEqual(['1.', '2.', '3.', '4.', '5.', '6.']);
  });

  it('maps changed ranges through later steps', async () => {
    const v = await view('One.\n\nTwo.\n');
    const tr = v.state.tr.insertText('ab', 1).insertText('cd', 10);
    const ranges = changedRanges([tr], tr.doc.content.size);
    expect(ranges).toEqual([[0, 4], [9, 13]]);
  });
});

describe('long posts', () => {
  let handle: PostEditorHandle | null = null;
  afterEach(() => {
    handle?.destroy();
    handle = null;
  });

  it('display a window of blocks around the cursor and save every byte as it was', async () => {
    const blocks: string[] = [];
    for (let i = 0; blocks.join('\n\n').length < LONG_POST_CHARS + 5000; i++) {
      blocks.push(i % 10 === 0 ? `## Talk ${i}` : `Paragraph ${i} about the harbour, the ferries and the cannery archives, long enough to wrap.`);
    }
    const body = `${blocks.join('\n\n')}\n`;
    const root = dom.createElement('div');
    dom.body.append(root);
    handle = await createPostEditor({ root, body, postPath: 'blog/long/index.md', assetUrl: (p) => `/asset/${p}` });
    // The post's start first, then the rest, read in the background (progressive-open.ts).
    expect(handle.getBody()).toBe(body);
    await handle.whenLoaded;
    const pm = root.querySelector('.ProseMirror')!;
    expect(pm.classList.contains('pw-windowed')).toBe(true);
    const shown = () => [...pm.children].filter((c) => c.classList.contains('pw-shown'));
    expect(shown().length).toBeGreaterThan(20);
    expect(shown().length).toBeLessThan(200);
    expect(pm.querySelectorAll(':scope > .pw-spacer').length).toBe(1);
    expect(shown()[0].textContent).toBe('Talk 0');
    expect(handle.getBody()).toBe(body);

    // Find moves the cursor far down: its block is shown, with blocks around it.
    const status = handle.integration!.find({ query: 'Paragraph 601 ', matchCase: true, wholeWord: false });
    expect(status.count).toBe(1);
    expect(shown().some((c) => c.textContent!.startsWith('Paragraph 601 '))).toBe(true);
    expect(shown().some((c) => c.textContent!.startsWith('Paragraph 595 '))).toBe(true);
    expect(pm.querySelectorAll(':scope > .pw-spacer').length).toBe(2);
    handle.integration!.clearFind();
    expect(handle.getBody()).toBe(body);
  });

  it("answer ProseMirror's per-block question (inner decorations) without scanning the window", async () => {
    const v = await view('# One\n\nTwo *three*\n\nFour\n');
    const doc = v.state.doc;
    const decos = [Decoration.node(0, doc.child(0).nodeSize, { class: 'pw-shown' }), Decoration.widget(doc.content.size, () => dom.createElement('div'))];
    const set = topLevel(DecorationSet.create(doc, decos));
    // Answered at once, before and after mapping; still a DecorationSet with the same decorations.
    expect(set.forChild(0, doc.child(1))).toBe(DecorationSet.empty);
    const tr = v.state.tr.insertText('x', 2);
    const mapped = set.map(tr.mapping, tr.doc);
    expect(mapped).toBeInstanceOf(DecorationSet);
    expect(mapped.forChild(0, tr.doc.child(1))).toBe(DecorationSet.empty);
    expect(mapped.find().length).toBe(2);
    // Decorations inside a block keep the plain set (its answer is needed then).
    const inner = DecorationSet.create(doc, [Decoration.inline(2, 4, { class: 'x' })]);
    expect(topLevel(inner)).toBe(inner);
  });
});
