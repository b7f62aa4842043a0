// Windowed rendering for posts over a few screens (renderer/editor/long-post.ts says which, and
// how wide). A 1 MB recap has thousands of top-level blocks; with all of them laid out, every
// keystroke pays for the whole post (style, layout, the caret's forced layout), and even a 12 KB
// post's hundred blocks cost the browser's per-key work more than plain Milkdown's page. Here
// only a window of blocks around what the writer sees and around the cursor is
// displayed: the blocks outside it stay in the DOM (ProseMirror needs them) but are
// `display: none`, and one spacer per hidden run keeps the scroll height and position (measured
// heights where known, an estimate from the text length otherwise; Chromium's scroll anchoring
// absorbs the difference). Scrolling moves the window, and so does the cursor: its block is
// always shown with a margin of blocks around it, so arrow keys and Page Up/Down never reach a
// hidden block. Ctrl/Cmd+Home/End go through the document, not the DOM, for the same reason.
// A block that has never been shown is only an empty placeholder element (a node view without
// content): the browser's editing work on each key (syncing the selection, the text it keeps
// for input methods) walks the whole editable element, so what is not shown must not be there.
import type { Node as PmNode } from '@milkdown/kit/prose/model';
import { Plugin, PluginKey, Selection, TextSelection, type EditorState, type Transaction } from '@milkdown/kit/prose/state';
import { Decoration, DecorationSet, type EditorView, type NodeView, type NodeViewConstructor } from '@milkdown/kit/prose/view';
import { $prose } from '@milkdown/kit/utils';
import { takeInPageCaret } from './page-caret';

/** How many blocks the window keeps around what the writer sees and around the cursor. */
export interface WindowSize {
  /** Blocks shown before and after the visible ones and around the cursor. */
  margin: number;
  /** The window moves when the visible blocks or the cursor come this close to its edge. */
  slack: number;
  /**
   * Whether the browser may skip painting shown blocks out of sight (content-visibility, see
   * renderer/app/long-post.css). Worth it when few blocks are shown; with many, each skipped
   * block costs more in the browser's per-key text-input update than its painting would.
   */
  skipOffscreen: boolean;
}

export const WINDOWED_CLASS = 'pw-windowed';
/** On the editor when shown blocks out of sight are skipped (WindowSize.skipOffscreen). */
export const SKIP_OFFSCREEN_CLASS = 'pw-skip-offscreen';
export const SHOWN_CLASS = 'pw-shown';
export const SPACER_CLASS = 'pw-spacer';
export const PLACEHOLDER_CLASS = 'pw-placeholder';
const INDEX_ATTR = 'data-pw-block';

interface Range {
  from: number;
  to: number;
}

interface WindowState {
  /** Block indexes around the visible part of the post. */
  visible: Range;
  /** Block indexes shown (the visible window and the cursor's surroundings), in order. */
  shown: Range[];
  shownCount: number;
  deco: DecorationSet;
}

const key = new PluginKey<WindowState>('postwright-block-window');

function blockIndex(doc: PmNode, pos: number): number {
  return doc.resolve(Math.max(0, Math.min(pos, doc.content.size))).index(0);
}

function clamp(r: Range, count: number): Range {
  return { from: Math.max(0, Math.min(r.from, count)), to: Math.max(0, Math.min(r.to, count)) };
}

function around(index: number, count: number, margin: number): Range {
  return clamp({ from: index - margin, to: index + margin + 1 }, count);
}

/**
 * The visible window, the blocks around the selection's head and the anchor's block (so that a
 * long selection has both its ends in the DOM), merged where they touch.
 */
function shownRanges(doc: PmNode, visible: Range, head: number, anchor: number, margin: number): Range[] {
  const count = doc.childCount;
  const a = blockIndex(doc, anchor);
  const ranges = [around(blockIndex(doc, head), count, margin), clamp(visible, count), clamp({ from: a, to: a + 1 }, count)].sort((x, y) => x.from - y.from);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else merged.push({ ...r });
  }
  return merged;
}

/** Top-level block types shown as empty placeholders until they are first displayed. */
const PLACEHOLDER_TYPES = ['paragraph', 'heading', 'blockquote', 'bullet_list', 'ordered_list', 'code_block', 'table', 'hr'];

const shownIn = (decorations: readonly Decoration[]) => decorations.some((d) => (d.spec as { pwShown?: boolean }).pwShown === true);

const startsByDoc = new WeakMap<PmNode, Set<number>>();

/**
 * Where the document's top-level blocks start. A nested block never starts at one of these
 * positions, so this answers "is it top-level?" without `doc.resolve`, which scans the top-level
 * blocks one by one: asked for each of thousands of blocks while a long post is first drawn,
 * that scan was quadratic.
 */
function topLevelStarts(doc: PmNode): Set<number> {
  let starts = startsByDoc.get(doc);
  if (!starts) {
    starts = new Set();
    const set = starts;
    doc.forEach((_node, offset) => set.add(offset));
    startsByDoc.set(doc, starts);
  }
  return starts;
}

/**
 * A top-level block outside the window: an empty element of no height and no text. Everything
 * else (and a block once it is shown) gets ProseMirror's usual rendering (a null view).
 */
function placeholderView(node: PmNode, view: EditorView, getPos: () => number | undefined, decorations: readonly Decoration[]): NodeView | null {
  if (shownIn(decorations)) return null;
  const pos = getPos();
  if (pos === undefined || !topLevelStarts(view.state.doc).has(pos)) return null;
  const dom = document.createElement('div');
  dom.className = PLACEHOLDER_CLASS;
  const type = node.type;
  return {
    dom,
    // Still hidden: nothing to draw, whatever changed inside. Shown: build it for real.
    update: (next, decos) => next.type === type && !shownIn(decos),
    ignoreMutation: () => true,
    stopEvent: () => false,
  };
}

/**
 * A node view of the app's own (a shortcode card, an HTML block) for a long post: an empty
 * placeholder while its block is outside the window, the app's view once shown. The app's views
 * are the editor's own props, which win over this plugin's, so they are wrapped here instead. A
 * 1 MB recap has more than a thousand cards; drawn in full while hidden, their elements made
 * the browser's selection work on each key walk thousands of nodes it never displays.
 */
export function windowedView(inner: NodeViewConstructor): NodeViewConstructor {
  return (node, view, getPos, decorations, innerDecorations) =>
    (placeholderView(node, view, getPos, decorations) as ReturnType<NodeViewConstructor> | null) ?? inner(node, view, getPos, decorations, innerDecorations);
}

const isShown = (ranges: Range[], i: number) => ranges.some((r) => i >= r.from && i < r.to);

/** Block heights by node (the same node object is the same, unchanged block), in CSS pixels. */
class HeightBook {
  private readonly heights = new WeakMap<PmNode, number>();
  private px = 0;
  private chars = 0;

  has(node: PmNode): boolean {
    return this.heights.has(node);
  }

  learn(node: PmNode, height: number): void {
    this.heights.set(node, height);
    this.px += height;
    this.chars += node.textContent.length + 60;
  }

  /** Measured height, or an estimate from the text length and what was measured so far. */
  of(node: PmNode): number {
    const known = this.heights.get(node);
    if (known !== undefined) return known;
    const perChar = this.chars > 3000 ? this.px / this.chars : 0.3;
    return (node.textContent.length + 60) * perChar;
  }
}

/**
 * The window's decorations are all top-level (a node decoration per shown block, a widget per
 * hidden run), so no block has decorations inside it. ProseMirror asks a decoration set for each
 * block's inner decorations on every update (`forChild`), and the plain set answers by scanning
 * all of its top-level decorations: thousands of blocks times a hundred decorations on every
 * keystroke. This set answers "none" at once. It stays a DecorationSet (ProseMirror groups and
 * compares sets by class) and keeps its kind when mapped.
 */
type SetInternals = { local: Decoration[]; children: unknown[] };
const DecorationSetCtor = DecorationSet as unknown as new (local: Decoration[], children: unknown[]) => DecorationSet;

class TopLevelDecorations extends DecorationSetCtor {
  override forChild(): DecorationSet {
    return DecorationSet.empty;
  }

  override map(...args: Parameters<DecorationSet['map']>): DecorationSet {
    return topLevel(super.map(...args));
  }
}

/** The same decorations as a TopLevelDecorations set, when none of them is inside a block. */
export function topLevel(set: DecorationSet): DecorationSet {
  const { local, children } = set as unknown as SetInternals;
  if (set === DecorationSet.empty || children.length > 0 || set instanceof TopLevelDecorations) return set;
  return new TopLevelDecorations(local, children);
}

function spacer(pos: number, height: number, from: number, to: number): Decoration {
  const px = Math.round(height);
  return Decoration.widget(
    pos,
    () => {
      const el = document.createElement('div');
      el.className = SPACER_CLASS;
      el.style.height = `${px}px`;
      el.dataset.from = String(from);
      el.dataset.to = String(to);
      el.setAttribute('aria-hidden', 'true');
      return el;
    },
    { side: -1, key: `pw-spacer-${from}-${to}-${px}`, ignoreSelection: true },
  );
}

function build(doc: PmNode, visible: Range, sel: Selection, book: HeightBook, size: WindowSize): WindowState {
  const shown = shownRanges(doc, visible, sel.head, sel.anchor, size.margin);
  const decos: Decoration[] = [];
  let runFrom = -1;
  let runHeight = 0;
  let index = 0;
  doc.forEach((node, pos) => {
    if (isShown(shown, index)) {
      if (runFrom >= 0) decos.push(spacer(pos, runHeight, runFrom, index));
      runFrom = -1;
      runHeight = 0;
      decos.push(Decoration.node(pos, pos + node.nodeSize, { class: SHOWN_CLASS, [INDEX_ATTR]: String(index) }, { pwShown: true }));
    } else {
      if (runFrom < 0) runFrom = index;
      runHeight += book.of(node);
    }
    index++;
  });
  if (runFrom >= 0) decos.push(spacer(doc.content.size, runHeight, runFrom, index));
  const shownCount = shown.reduce((n, r) => n + r.to - r.from, 0);
  return { visible: clamp(visible, doc.childCount), shown, shownCount, deco: topLevel(DecorationSet.create(doc, decos)) };
}

/** Where the transaction's first change starts, in the new document. */
function firstChange(tr: Transaction): number {
  let first = Infinity;
  tr.mapping.maps.forEach((map, i) => {
    map.forEach((_oldStart, _oldEnd, newStart) => {
      first = Math.min(first, tr.mapping.slice(i + 1).map(newStart, -1));
    });
  });
  return Number.isFinite(first) ? first : 0;
}

function apply(tr: Transaction, prev: WindowState, old: EditorState, state: EditorState, book: HeightBook, size: WindowSize): WindowState {
  const moved = tr.getMeta(key) as Range | undefined;
  const { doc } = state;
  const head = state.selection.head;
  const sel = state.selection;
  let visible = moved ?? prev.visible;
  const delta = doc.childCount - old.doc.childCount;
  if (!moved && delta !== 0) {
    // Keep the window on the same blocks when blocks are added or removed before it; blocks
    // added after it (a long post's rest, read in: progressive-open.ts) stay hidden.
    const at = blockIndex(doc, firstChange(tr));
    if (at < visible.from) visible = { from: visible.from + delta, to: visible.to + delta };
    else if (at < visible.to) visible = { from: visible.from, to: Math.max(visible.from, visible.to + delta) };
  }
  if (moved || delta !== 0) return build(doc, visible, sel, book, size);
  const h = blockIndex(doc, head);
  const near =
    isShown(prev.shown, Math.max(0, h - size.slack)) && isShown(prev.shown, Math.min(doc.childCount - 1, h + size.slack)) && isShown(prev.shown, blockIndex(doc, sel.anchor));
  if (!near) return build(doc, visible, sel, book, size);
  if (!tr.docChanged) return prev;
  const deco = prev.deco.map(tr.mapping, doc);
  // A block replaced as a whole loses its decoration in the mapping: build again then.
  if (deco.find(undefined, undefined, (spec) => spec.pwShown === true).length !== prev.shownCount) return build(doc, visible, sel, book, size);
  return { ...prev, deco };
}

/** Blocks inside the scroller's viewport, read from the displayed blocks and the spacers. */
function visibleBlocks(view: EditorView, scroller: HTMLElement): Range | null {
  const box = scroller.getBoundingClientRect();
  let first = -1;
  let last = -1;
  const children = view.dom.children;
  for (let i = 0; i < children.length; i++) {
    const el = children[i] as HTMLElement;
    if (el.classList.contains(SPACER_CLASS)) {
      const r = el.getBoundingClientRect();
      const from = Number(el.dataset.from);
      const to = Number(el.dataset.to);
      if (r.height > 0 && r.bottom > box.top && r.top < box.bottom && to > from) {
        const per = r.height / (to - from);
        const a = from + Math.floor(Math.max(0, box.top - r.top) / per);
        const b = from + Math.ceil(Math.min(r.height, box.bottom - r.top) / per);
        if (first < 0) first = Math.min(a, to - 1);
        last = Math.max(last, Math.min(b, to - 1));
      }
      if (r.top >= box.bottom) break;
    } else if (el.classList.contains(SHOWN_CLASS)) {
      const r = el.getBoundingClientRect();
      const index = Number(el.getAttribute(INDEX_ATTR));
      if (r.bottom > box.top && r.top < box.bottom) {
        if (first < 0) first = index;
        last = Math.max(last, index);
      }
      if (r.top >= box.bottom) break;
    }
  }
  return first < 0 ? null : { from: first, to: last + 1 };
}

/** The nearest scrolling ancestor of the editor. */
function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowY;
    if (o === 'auto' || o === 'scroll') return p;
  }
  return null;
}

/** Shows the blocks of `visible` (with the margin), outside the undo history. */
function moveWindow(view: EditorView, visible: Range): void {
  takeInPageCaret(view); // a click not yet reported stays where it was (engine/page-caret.ts)
  view.dispatch(view.state.tr.setMeta(key, visible).setMeta('addToHistory', false));
}

export function blockWindowPlugin(size: WindowSize) {
  const book = new HeightBook();
  return $prose(
    () =>
      new Plugin<WindowState>({
        key,
        state: {
          init: (_config, state) => build(state.doc, around(blockIndex(state.doc, state.selection.head), state.doc.childCount, size.margin), state.selection, book, size),
          apply: (tr, prev, old, state) => apply(tr, prev, old, state, book, size),
        },
        props: {
          decorations: (state) => key.getState(state)?.deco,
          attributes: { class: size.skipOffscreen ? `${WINDOWED_CLASS} ${SKIP_OFFSCREEN_CLASS}` : WINDOWED_CLASS },
          // A null view means ProseMirror's usual rendering (the typings do not say so).
          nodeViews: Object.fromEntries(PLACEHOLDER_TYPES.map((t) => [t, placeholderView as unknown as NodeViewConstructor])),
          handleKeyDown(view, event) {
            if ((event.key === 'PageDown' || event.key === 'PageUp') && !(event.ctrlKey || event.metaKey || event.altKey)) {
              // The browser moves the caret a screen down or up among the displayed blocks: the
              // window first takes in a screen's worth more blocks that way, then the key acts.
              const cur = key.getState(view.state)?.visible;
              if (!cur) return false;
              const page = Math.max(1, cur.to - cur.from) + size.margin;
              const next = clamp(event.key === 'PageDown' ? { from: cur.from, to: cur.to + page } : { from: cur.from - page, to: cur.to }, view.state.doc.childCount);
              if (next.from !== cur.from || next.to !== cur.to) moveWindow(view, next);
              return false;
            }
            // Ctrl/Cmd+Home and +End: the browser would stop at the last displayed block.
            if (!(event.ctrlKey || event.metaKey) || event.altKey || (event.key !== 'Home' && event.key !== 'End')) return false;
            const { doc, selection } = view.state;
            const target = event.key === 'Home' ? Selection.atStart(doc) : Selection.atEnd(doc);
            const sel = event.shiftKey ? TextSelection.between(doc.resolve(selection.anchor), doc.resolve(target.head)) : target;
            view.dispatch(view.state.tr.setSelection(sel).scrollIntoView());
            return true;
          },
        },
        view(view) {
          const scroller = scrollParent(view.dom);
          // A displayed block off screen has its content skipped (content-visibility: auto in
          // long-post.css) and a stand-in height, so only blocks the browser has drawn are
          // measured. The browser reports each change of that state, the first one included.
          const drawn = new WeakSet<EventTarget>();
          const onDrawnChange = (e: Event) => {
            if (!e.target) return;
            if ((e as Event & { skipped: boolean }).skipped) drawn.delete(e.target);
            else drawn.add(e.target);
          };
          view.dom.addEventListener('contentvisibilityautostatechange', onDrawnChange, true);
          /** Heights of the displayed blocks not measured yet (read when layout is clean). */
          const measure = () => {
            const children = view.dom.children;
            const { doc } = view.state;
            for (let i = 0; i < children.length; i++) {
              const el = children[i] as HTMLElement;
              if (!el.classList.contains(SHOWN_CLASS)) continue;
              const index = Number(el.getAttribute(INDEX_ATTR));
              if (index >= doc.childCount) continue;
              const node = doc.child(index);
              if (book.has(node)) continue;
              const style = getComputedStyle(el);
              if (style.contentVisibility === 'auto' && !drawn.has(el)) continue;
              const h = el.offsetHeight + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
              if (h > 0) book.learn(node, h);
            }
          };
          let frame = 0;
          const check = () => {
            frame = 0;
            if (!scroller || !view.dom.isConnected) return;
            measure();
            const seen = visibleBlocks(view, scroller);
            const cur = key.getState(view.state)?.visible;
            if (!seen || !cur) return;
            const count = view.state.doc.childCount;
            const inside = (seen.from - cur.from >= size.slack || cur.from === 0) && (cur.to - seen.to >= size.slack || cur.to === count);
            if (inside) return;
            const next = clamp({ from: seen.from - size.margin, to: seen.to + size.margin }, count);
            moveWindow(view, next);
          };
          const onScroll = () => {
            if (!frame) frame = requestAnimationFrame(check);
          };
          scroller?.addEventListener('scroll', onScroll, { passive: true });
          const first = requestAnimationFrame(() => check());
          return {
            destroy() {
              scroller?.removeEventListener('scroll', onScroll);
              view.dom.removeEventListener('contentvisibilityautostatechange', onDrawnChange, true);
              cancelAnimationFrame(first);
              if (frame) cancelAnimationFrame(frame);
            },
          };
        },
      }),
  );
}
