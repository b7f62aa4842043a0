// A typed character skips ProseMirror's scroll to the caret only when the caret, measured before
// the write, is well inside every box that could scroll and inside the window. jsdom has no
// layout, so the boxes are given here; the browser side (typing at the bottom edge keeps the
// caret in view) is in tests/e2e/long-post.spec.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { editorViewCtx } from '@milkdown/kit/core';
import { TextSelection } from '@milkdown/kit/prose/state';
import type { EditorView } from '@milkdown/kit/prose/view';
import { installDom } from '../../../electron/cli/install-dom';
import { createMilkdown } from '../../../engine/create-milkdown';
import { caretWellInView } from '../../../engine/caret-in-view';

const dom = installDom();
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
  dom.body.replaceChildren();
});

interface Layout {
  /** The rectangle of the character before the caret. */
  caret: { top: number; left: number; height?: number };
  frameScrollLeft?: number;
  /** The frame's content width (default: no wider than the frame, so nothing to scroll sideways). */
  frameScrollWidth?: number;
  /** Paragraphs styled as the app styles the post body: lines wrap, long words too. */
  wrapping?: boolean;
  /** The frame's content height (default: no taller than the frame, so nothing to scroll down). */
  frameScrollHeight?: number;
}

/** A page 1000×700 with a scrolling frame at (0, 50) of 800×600 around the editor. */
function giveLayout(frame: HTMLElement, layout: Layout): void {
  const win = dom.defaultView!;
  const range = win.Range.prototype as unknown as Record<string, unknown>;
  const savedRange = range.getBoundingClientRect;
  const h = layout.caret.height ?? 18;
  const rect = { ...layout.caret, bottom: layout.caret.top + h, right: layout.caret.left + 8, width: 8, height: h };
  range.getBoundingClientRect = () => rect;
  cleanups.push(() => void (range.getBoundingClientRect = savedRange));
  const root = dom.documentElement;
  Object.defineProperties(root, { clientWidth: { value: 1000, configurable: true }, clientHeight: { value: 700, configurable: true } });
  cleanups.push(() => {
    delete (root as unknown as Record<string, unknown>).clientWidth;
    delete (root as unknown as Record<string, unknown>).clientHeight;
  });
  frame.style.overflow = 'auto';
  frame.getBoundingClientRect = () => ({ top: 50, left: 0, bottom: 650, right: 800, width: 800, height: 600, x: 0, y: 50, toJSON: () => null });
  Object.defineProperties(frame, {
    clientWidth: { value: 800, configurable: true },
    clientHeight: { value: 600, configurable: true },
    scrollLeft: { value: layout.frameScrollLeft ?? 0, configurable: true },
    scrollWidth: { value: layout.frameScrollWidth ?? 800, configurable: true },
    scrollHeight: { value: layout.frameScrollHeight ?? 600, configurable: true },
    scrollTop: { value: 0, writable: true, configurable: true },
  });
  if (layout.wrapping) {
    const style = dom.createElement('style');
    style.textContent = 'p { white-space: pre-wrap; overflow-wrap: break-word; }';
    dom.head.append(style);
    cleanups.push(() => style.remove());
  }
}

async function editorIn(frame: HTMLElement, body: string): Promise<EditorView> {
  const root = dom.createElement('div');
  frame.append(root);
  dom.body.append(frame);
  const { editor } = await createMilkdown(root, body);
  cleanups.push(() => void editor.destroy());
  return editor.ctx.get(editorViewCtx);
}

function press(v: EditorView, ch: string): void {
  v.dom.dispatchEvent(new dom.defaultView!.KeyboardEvent('keypress', { key: ch, charCode: ch.codePointAt(0), bubbles: true, cancelable: true }));
}

/** Puts the caret after `text` and focuses, so the DOM selection is in the text as in a browser. */
function caretAfter(v: EditorView, text: string): void {
  let found = -1;
  v.state.doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text) + text.length;
  });
  v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, found)));
  v.focus();
}

/** How many times ProseMirror measured the caret to scroll to it while `keys` were typed. */
async function scrollsWhileTyping(layout: Layout | null, keys: string, storedBold = false): Promise<{ scrolls: number; text: string; frameScrollTop: number }> {
  const frame = dom.createElement('div');
  const v = await editorIn(frame, 'Tide tables for the ferry.\n');
  if (layout) giveLayout(frame, layout);
  else {
    // No layout at all (jsdom as it is): every rectangle is empty.
    const range = dom.defaultView!.Range.prototype as unknown as Record<string, unknown>;
    const saved = range.getBoundingClientRect;
    range.getBoundingClientRect = () => ({ top: 0, left: 0, bottom: 0, right: 0, width: 0, height: 0 });
    cleanups.push(() => void (range.getBoundingClientRect = saved));
  }
  caretAfter(v, 'Tide');
  if (storedBold) v.dispatch(v.state.tr.addStoredMark(v.state.schema.marks.strong.create()));
  const measure = vi.spyOn(v, 'coordsAtPos').mockReturnValue({ top: 0, bottom: 0, left: 0, right: 0 });
  for (const ch of keys) press(v, ch);
  return { scrolls: measure.mock.calls.length, text: v.state.doc.textContent, frameScrollTop: frame.scrollTop };
}

describe('scrolling to the caret while typing', () => {
  it('is skipped when the caret is in the middle of the view', async () => {
    const { scrolls, text } = await scrollsWhileTyping({ caret: { top: 300, left: 200 } }, 'xyz');
    expect(scrolls).toBe(0);
    expect(text).toBe('Tidexyz tables for the ferry.');
  });

  it('happens when one wrapped line could take the caret below the scrolling frame', async () => {
    // Frame bottom 650: 610 + 18 (the line) + 2 × 18 + 5 is past it.
    const { scrolls, text } = await scrollsWhileTyping({ caret: { top: 610, left: 200 } }, 'xy');
    expect(scrolls).toBe(2);
    expect(text).toBe('Tidexy tables for the ferry.');
  });

  it('happens near the top and the sides of the frame, and when the frame is scrolled sideways', async () => {
    expect((await scrollsWhileTyping({ caret: { top: 70, left: 200 } }, 'x')).scrolls).toBe(1);
    expect((await scrollsWhileTyping({ caret: { top: 300, left: 780 } }, 'x')).scrolls).toBe(1);
    expect((await scrollsWhileTyping({ caret: { top: 300, left: 200 }, frameScrollLeft: 40 }, 'x')).scrolls).toBe(1);
  });

  it('is skipped at the sides of a frame with nothing to scroll sideways, in text that wraps long words', async () => {
    // The end of a line (the caret's right edge 788, the frame's 800) and its start (left 4).
    expect((await scrollsWhileTyping({ caret: { top: 300, left: 780 }, wrapping: true }, 'xy')).scrolls).toBe(0);
    expect((await scrollsWhileTyping({ caret: { top: 300, left: 4 }, wrapping: true }, 'x')).scrolls).toBe(0);
    // Still measured: content wider than the frame, a frame scrolled sideways, or near its bottom.
    expect((await scrollsWhileTyping({ caret: { top: 300, left: 780 }, wrapping: true, frameScrollWidth: 900 }, 'x')).scrolls).toBe(1);
    expect((await scrollsWhileTyping({ caret: { top: 300, left: 200 }, wrapping: true, frameScrollLeft: 40 }, 'x')).scrolls).toBe(1);
    expect((await scrollsWhileTyping({ caret: { top: 610, left: 200 }, wrapping: true }, 'x')).scrolls).toBe(1);
  });

  it('near the bottom of a frame with more below, scrolls the frame first by twice the room the caret lacks, and skips the measure', async () => {
    // Caret bottom 628; room 2 × 18 + 5 = 41: it lacks 628 + 41 - 650 = 19 px, and gets 41 more.
    const typed = await scrollsWhileTyping({ caret: { top: 610, left: 200 }, frameScrollHeight: 2000 }, 'x');
    expect(typed).toEqual({ scrolls: 0, text: 'Tidex tables for the ferry.', frameScrollTop: 60 });
    // Not when the frame cannot scroll that far: then ProseMirror measures and scrolls, as before.
    const atEnd = await scrollsWhileTyping({ caret: { top: 610, left: 200 }, frameScrollHeight: 650 }, 'x');
    expect(atEnd).toEqual({ scrolls: 1, text: 'Tidex tables for the ferry.', frameScrollTop: 0 });
  });

  it('happens without layout, and for a character that does not go in place (bold turned on at the caret)', async () => {
    expect((await scrollsWhileTyping(null, 'x')).scrolls).toBe(1);
    expect((await scrollsWhileTyping({ caret: { top: 300, left: 200 } }, 'x', true)).scrolls).toBe(1);
  });
});

describe('caretWellInView', () => {
  it('needs the caret inside the window too, not only inside the frame', async () => {
    const frame = dom.createElement('div');
    const v = await editorIn(frame, 'Ferries.\n');
    giveLayout(frame, { caret: { top: 300, left: 200 } });
    const text = v.dom.querySelector('p')!.firstChild as Text;
    expect(caretWellInView(text, 3)).toBe(true);
    Object.defineProperty(dom.documentElement, 'clientHeight', { value: 320, configurable: true });
    expect(caretWellInView(text, 3)).toBe(false);
    expect(caretWellInView(text, 0)).toBe(false);
  });
});
