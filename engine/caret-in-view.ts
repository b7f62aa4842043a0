// Whether a character typed at the caret is sure to stay in view, so that ProseMirror's scroll
// to the selection can be skipped for it. That scroll measures the caret after the write
// (coordsAtPos: a range's client rects, which forces a layout inside the key's handler) and then
// walks every ancestor of the text; it is the largest part of a key's script in an ordinary post,
// and it scrolls nothing while the writer types in the middle of the view. Measured before the
// write instead, the layout is the one the last frame left clean, so reading it costs little.
//
// The caret counts as safe when, with room for two more lines and two more characters of the
// caret's line height on every side (one typed character can wrap a word onto the next line),
// it lies inside every ancestor that could scroll and inside the window, none of them scrolled
// sideways (a wrap returns the caret to its line's start). Anything not measurable (no layout,
// a zero-sized rect) is not safe and keeps ProseMirror's own scroll.
//
// Sideways, that room is waived for a box that has nothing to scroll sideways (its content no
// wider than it) when the text wraps long words too: ProseMirror's sideways scroll of such a box
// moves nothing, and a wrapping character cannot make the content wider. Without the waiver, the
// caret in the last two line heights of a line's width (the end of a paragraph, where writers
// type most) or its first took ProseMirror's measure on every key: a forced layout in the key's
// handler, the largest part of a key's script in the 12 KB bench post.

/** Ancestor walk as ProseMirror's scrollRectIntoView does it: slots and shadow roots included. */
const parentOf = (node: Node): Node | null => {
  const parent = (node as Element).assignedSlot ?? node.parentNode;
  return parent && parent.nodeType === 11 ? (parent as ShadowRoot).host : parent;
};

/** auto, scroll and hidden boxes can be scrolled (hidden ones by script, as ProseMirror does). */
const canScroll = (overflow: string) => overflow !== '' && overflow !== 'visible' && overflow !== 'clip';

/**
 * Whether either direction of a computed `overflow` can scroll. The shorthand alone holds both
 * ("visible", "hidden auto"): one read per box instead of three, on every key's walk.
 */
const eitherScrolls = (overflow: string) => {
  const space = overflow.indexOf(' ');
  return space < 0 ? canScroll(overflow) : canScroll(overflow.slice(0, space)) || canScroll(overflow.slice(space + 1));
};

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const insideVertically = (caret: Box, room: number, box: Box) => caret.top - room >= box.top && caret.bottom + room <= box.bottom;

/** With `sideways` false, only the vertical room is asked for (see the waiver above). */
const inside = (caret: Box, room: number, box: Box, sideways = true) =>
  insideVertically(caret, room, box) && (!sideways || (caret.left - room >= box.left && caret.right + room <= box.right));

/** Text that breaks its lines, long words included, so that typing never makes it wider than its box. */
function wrapsLongWords(style: CSSStyleDeclaration): boolean {
  const wraps = style.whiteSpace === 'normal' || style.whiteSpace === 'pre-wrap' || style.whiteSpace === 'pre-line' || style.whiteSpace === 'break-spaces';
  const breaksWords = style.overflowWrap === 'break-word' || style.overflowWrap === 'anywhere' || style.wordBreak === 'break-all';
  return wraps && breaksWords;
}

/** Whether the caret's sideways room must be checked in a box with this scroll width and client width. */
const needsSideRoom = (wraps: boolean, scrollWidth: number, clientWidth: number) => !(wraps && scrollWidth <= clientWidth);

/** The part of a box that shows its content: inside the borders, without scroll bars. */
function clientBox(el: Element): Box {
  const rect = el.getBoundingClientRect();
  const left = rect.left + el.clientLeft;
  const top = rect.top + el.clientTop;
  return { left, top, right: left + el.clientWidth, bottom: top + el.clientHeight };
}

// One range per document, reused for every key (as ProseMirror reuses one for its own
// measures): a range is live, the page moves it with every change of the text it is in, and a
// new one per key stayed live, one more for each typed character to keep up to date, until
// garbage collection dropped it.
const measuringRanges = new WeakMap<Document, Range>();

function measuringRange(doc: Document): Range {
  let range = measuringRanges.get(doc);
  if (!range) measuringRanges.set(doc, (range = doc.createRange()));
  return range;
}

/**
 * True when the caret, just after `offset` characters of `textNode`, is so far inside the
 * visible area that typing one character there cannot take it out of view.
 * `margin` is the editor's scroll margin (ProseMirror's default is 5 px).
 *
 * Near the bottom edge of the first box that scrolls, the box is scrolled here first, before
 * the write, by what the caret lacks and as much again (see `makeRoomBelow`), and the caret
 * then counts as safe: a writer typing on at the bottom of the view (the view following line
 * by line) otherwise took ProseMirror's measure after the write on every key. The view moves
 * once every two lines or so instead of a few pixels at every new line.
 */
export function caretWellInView(textNode: Text, offset: number, margin = 5): boolean {
  const doc = textNode.ownerDocument;
  const win = doc.defaultView;
  if (!win || offset < 1 || offset > textNode.length) return false;
  const range = measuringRange(doc);
  range.setStart(textNode, offset - 1);
  range.setEnd(textNode, offset);
  const measured = range.getBoundingClientRect();
  range.collapse(true); // left collapsed: no text is kept selected by it
  if (!(measured.height > 0)) return false;
  const room = measured.height * 2 + margin;
  let caret: Box = { left: measured.left, right: measured.right, top: measured.top, bottom: measured.bottom };
  const parent = textNode.parentElement;
  const wraps = !!parent && wrapsLongWords(win.getComputedStyle(parent));
  /** The box to scroll down before the write, and by how much (see makeRoomBelow). */
  let scroll: { el: Element; by: number } | null = null;
  for (let node: Node | null = textNode.parentNode; node && node !== doc.body && node !== doc.documentElement; ) {
    if (node.nodeType !== 1) {
      node = parentOf(node);
      continue;
    }
    const el = node as Element;
    const style = win.getComputedStyle(el);
    if (eitherScrolls(style.overflow)) {
      if (el.scrollLeft !== 0) return false;
      const box = clientBox(el);
      const sideways = needsSideRoom(wraps, el.scrollWidth, el.clientWidth);
      if (!inside(caret, room, box, sideways)) {
        const by: number = scroll ? 0 : makeRoomBelow(el, caret, room, box, sideways);
        if (!by) return false;
        scroll = { el, by };
        caret = { ...caret, top: caret.top - by, bottom: caret.bottom - by };
      }
    }
    // As ProseMirror stops: a fixed or sticky box scrolls with nothing above it.
    if (style.position === 'fixed' || style.position === 'sticky') break;
    node = style.position === 'absolute' ? (el as HTMLElement).offsetParent : parentOf(el);
  }
  const vp = win.visualViewport;
  const windowBox = { left: 0, top: 0, right: vp ? vp.width : doc.documentElement.clientWidth, bottom: vp ? vp.height : doc.documentElement.clientHeight };
  const page = doc.scrollingElement ?? doc.documentElement;
  if (win.scrollX !== 0 || !inside(caret, room, windowBox, needsSideRoom(wraps, page.scrollWidth, page.clientWidth))) return false;
  if (scroll) scroll.el.scrollTop += scroll.by;
  return true;
}

/**
 * How far to scroll `el` down so that the caret has `room` below it and as much again (0: not
 * possible). Only for a caret that is otherwise well inside the box (not near its top or,
 * where that counts, its sides) and a box with that much left to scroll.
 */
function makeRoomBelow(el: Element, caret: Box, room: number, box: Box, sideways: boolean): number {
  const by = Math.ceil(caret.bottom + 2 * room - box.bottom);
  const moved = { ...caret, top: caret.top - by, bottom: caret.bottom - by };
  if (by <= 0 || !inside(moved, room, box, sideways)) return 0;
  return el.scrollHeight - el.clientHeight - el.scrollTop >= by ? by : 0;
}
