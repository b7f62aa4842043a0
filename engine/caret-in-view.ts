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

/** Ancestor walk as ProseMirror's scrollRectIntoView does it: slots and shadow roots included. */
const parentOf = (node: Node): Node | null => {
  const parent = (node as Element).assignedSlot ?? node.parentNode;
  return parent && parent.nodeType === 11 ? (parent as ShadowRoot).host : parent;
};

/** auto, scroll and hidden boxes can be scrolled (hidden ones by script, as ProseMirror does). */
const canScroll = (overflow: string) => overflow !== '' && overflow !== 'visible' && overflow !== 'clip';

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const inside = (caret: Box, room: number, box: Box) =>
  caret.top - room >= box.top && caret.bottom + room <= box.bottom && caret.left - room >= box.left && caret.right + room <= box.right;

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
 */
export function caretWellInView(textNode: Text, offset: number, margin = 5): boolean {
  const doc = textNode.ownerDocument;
  const win = doc.defaultView;
  if (!win || offset < 1 || offset > textNode.length) return false;
  const range = measuringRange(doc);
  range.setStart(textNode, offset - 1);
  range.setEnd(textNode, offset);
  const caret = range.getBoundingClientRect();
  range.collapse(true); // left collapsed: no text is kept selected by it
  if (!(caret.height > 0)) return false;
  const room = caret.height * 2 + margin;
  const vp = win.visualViewport;
  const windowBox = { left: 0, top: 0, right: vp ? vp.width : doc.documentElement.clientWidth, bottom: vp ? vp.height : doc.documentElement.clientHeight };
  if (win.scrollX !== 0 || !inside(caret, room, windowBox)) return false;
  for (let node: Node | null = textNode.parentNode; node && node !== doc.body && node !== doc.documentElement; ) {
    if (node.nodeType !== 1) {
      node = parentOf(node);
      continue;
    }
    const el = node as Element;
    const style = win.getComputedStyle(el);
    if (canScroll(style.overflowX) || canScroll(style.overflowY) || canScroll(style.overflow)) {
      if (el.scrollLeft !== 0 || !inside(caret, room, clientBox(el))) return false;
    }
    // As ProseMirror stops: a fixed or sticky box scrolls with nothing above it.
    if (style.position === 'fixed' || style.position === 'sticky') return true;
    node = style.position === 'absolute' ? (el as HTMLElement).offsetParent : parentOf(el);
  }
  return true;
}
