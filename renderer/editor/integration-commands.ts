// What the app shell's panels need from the editor beyond formatting: jump to a heading (the
// outline), find and replace (highlighting matches, one undo step per replace), replace a
// literal run everywhere (the garbled-characters fix) and the selected text (selection counts).
// Edits go through ProseMirror transactions, so they are undoable and saved by the same
// source-preserving save as typing: only the edited blocks' lines change on disk.
import type { Node as PmNode } from '@milkdown/kit/prose/model';
import { TextSelection, type EditorState } from '@milkdown/kit/prose/state';
import { Decoration, DecorationSet, type EditorView } from '@milkdown/kit/prose/view';
import type { EditorIntegration, FindQuery, FindStatus } from './types';

type Range = readonly [from: number, to: number];

/** Stands for an inline node that is not text (a hard break, an inline shortcode card). */
const OBJECT = '\uFFFC';

/** The text of one textblock and, for each UTF-16 unit, its document position. */
function blockText(block: PmNode, start: number): { text: string; pos: number[] } {
  let text = '';
  const pos: number[] = [];
  block.forEach((child, offset) => {
    const at = start + offset;
    if (child.isText) {
      const t = child.text ?? '';
      for (let i = 0; i < t.length; i++) pos.push(at + i);
      text += t;
    } else {
      pos.push(at);
      text += OBJECT;
    }
  });
  return { text, pos };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function pattern(q: FindQuery): RegExp | null {
  if (!q.query) return null;
  const body = escapeRegExp(q.query);
  // Whole word: not glued to a letter, digit or underscore of any script.
  const src = q.wholeWord ? `(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])` : body;
  return new RegExp(src, q.matchCase ? 'gu' : 'giu');
}

/** Every match in the document's textblocks (a match never spans two blocks). */
export function findRanges(doc: PmNode, q: FindQuery): Range[] {
  const re = pattern(q);
  if (!re) return [];
  const out: Range[] = [];
  doc.descendants((node, p) => {
    if (!node.isTextblock) return true;
    const { text, pos } = blockText(node, p + 1);
    for (const m of text.matchAll(re)) {
      if (!m[0].length) continue;
      const end = m.index + m[0].length;
      out.push([pos[m.index], pos[end - 1] + 1]);
    }
    return false;
  });
  return out;
}

/**
 * `wholePost` reads in the rest of a long post still being read (post-editor.ts): what searches
 * or jumps through the post calls it first, so it never works on the post's start alone.
 */
export function editorIntegration(view: EditorView, wholePost: () => void = () => {}): EditorIntegration {
  let query: FindQuery | null = null;
  let current = -1;
  let cache: { doc: PmNode; ranges: Range[] } | null = null;

  const ranges = (state: EditorState = view.state): Range[] => {
    if (!query) return [];
    if (cache?.doc !== state.doc) cache = { doc: state.doc, ranges: findRanges(state.doc, query) };
    return cache.ranges;
  };

  // Matches are drawn as decorations from the current state, so they follow every edit. A
  // direct view prop (not a plugin) keeps the editor's own plugin list untouched.
  const previous = view.props.decorations;
  view.setProps({
    decorations(state) {
      const own = previous?.call(this, state);
      const found = ranges(state);
      if (!found.length) return own ?? null;
      const decos = found.map(([from, to], i) => Decoration.inline(from, to, { class: i === current ? 'pw-find-match pw-find-current' : 'pw-find-match' }));
      return DecorationSet.create(state.doc, decos);
    },
  });

  const status = (): FindStatus => {
    const found = ranges();
    if (current >= found.length) current = found.length - 1;
    return { count: found.length, current: found.length ? current + 1 : 0 };
  };

  /** Selects match `i` and scrolls it into view without taking the focus from the find bar. */
  const show = (i: number): FindStatus => {
    const found = ranges();
    if (!found.length) {
      current = -1;
      view.dispatch(view.state.tr); // redraw (no highlights)
      return status();
    }
    current = ((i % found.length) + found.length) % found.length;
    const [from, to] = found[current];
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)).scrollIntoView());
    scrollToPos(view, from);
    return status();
  };

  /** The first match at or after the selection, so finding starts where the writer is. */
  const nearest = (): number => {
    const found = ranges();
    const head = view.state.selection.from;
    const i = found.findIndex(([from]) => from >= head);
    return i === -1 ? 0 : i;
  };

  const replaceRanges = (list: readonly Range[], text: string): boolean => {
    if (!list.length || !view.editable) return false;
    let tr = view.state.tr;
    // From the end, so earlier positions stay valid; one transaction is one undo step.
    for (const [from, to] of [...list].sort((a, b) => b[0] - a[0])) {
      tr = text ? tr.insertText(text, from, to) : tr.delete(from, to);
    }
    view.dispatch(tr.scrollIntoView());
    return true;
  };

  return {
    goToHeading(index, text) {
      wholePost();
      const headings: number[] = [];
      const named: number[] = [];
      view.state.doc.descendants((node, p) => {
        if (node.type.name === 'heading') {
          headings.push(p);
          if (node.textContent.trim() === text.trim()) named.push(p);
          return false;
        }
        return true;
      });
      // By name first (the outline is read from the Markdown, the editor may hold cards that
      // the outline skips), then by position.
      const before = headings.slice(0, index).filter((p) => named.includes(p)).length;
      const at = named[before] ?? named[0] ?? headings[index];
      if (at === undefined) return false;
      const sel = TextSelection.create(view.state.doc, at + 1);
      view.dispatch(view.state.tr.setSelection(sel));
      scrollToPos(view, at, true);
      view.focus();
      return true;
    },
    find(q) {
      if (q.query) wholePost();
      query = q.query ? q : null;
      cache = null;
      if (!query) {
        current = -1;
        view.dispatch(view.state.tr);
        return { count: 0, current: 0 };
      }
      return show(nearest());
    },
    findNext: () => show(current + 1),
    findPrevious: () => show(current - 1),
    replaceCurrent(replacement) {
      const found = ranges();
      if (current < 0 || current >= found.length) return status();
      const at = current;
      replaceRanges([found[at]], replacement);
      return show(at); // the next match now has this index
    },
    replaceAll(replacement) {
      const found = ranges();
      if (!replaceRanges(found, replacement)) return 0;
      current = -1;
      return found.length;
    },
    clearFind() {
      query = null;
      cache = null;
      current = -1;
      view.dispatch(view.state.tr);
    },
    replaceLiteral(original, replacement) {
      wholePost();
      const found = findRanges(view.state.doc, { query: original, matchCase: true, wholeWord: false });
      return replaceRanges(found, replacement) ? found.length : 0;
    },
    getSelectionText() {
      const { from, to, empty } = view.state.selection;
      return empty ? '' : view.state.doc.textBetween(from, to, '\n', ' ');
    },
  };
}

/** Scrolls the editor's scrolling ancestor so `pos` is in view (near the top for headings). */
function scrollToPos(view: EditorView, pos: number, toTop = false): void {
  try {
    const dom = view.domAtPos(pos).node;
    const el = (dom instanceof HTMLElement ? dom : dom.parentElement)?.closest('h1,h2,h3,h4,h5,h6,p,li,pre,blockquote,td') ?? (dom instanceof HTMLElement ? dom : dom.parentElement);
    el?.scrollIntoView({ block: toTop ? 'start' : 'nearest' });
  } catch {
    // A position without DOM (a collapsed node): ProseMirror's own scrollIntoView did what it could.
  }
}
