// The list of posts (newest first, as main sorts them). Arrow keys move between posts, Enter
// opens one; the list is one Tab stop, landing on the open post.
//
// A site can hold 100,000 posts: past WINDOW_FROM posts only the rows in and near the visible
// part of the list are in the page (windowed), each placed at its offset, so scrolling and
// opening stay one frame whatever the size. Rows differ in height (tags, badges, a problem
// line), so each row's height is measured once drawn and unmeasured rows count as the average.
// The keyboard works on indexes, not on the buttons in the page, so arrows and End reach posts
// that are not drawn yet; aria-setsize/aria-posinset tell a screen reader where each row sits.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PostSummary } from '../../shared/ipc/channels/site';
import { PostListItem } from './PostListItem';
import { RowOffsets } from './row-offsets';

interface Props {
  posts: PostSummary[];
  /** Being read (aria-busy): assistive tools and tests wait for the list to settle. */
  busy?: boolean;
  currentPath: string | null;
  onOpen(path: string): void;
}

/** Lists up to this size are drawn whole (plain flow); longer ones are windowed. */
export const WINDOW_FROM = 200;
/** Drawn above and below the visible part, so a fast scroll or a key never shows a gap. */
const OVERSCAN_PX = 600;
/** A row's height before any was measured; the gap between rows is counted in each row. */
const ESTIMATED_ROW_PX = 60;
const ROW_GAP_PX = 2;
/** The list's own padding (app.css .post-list), which windowed rows are placed inside. */
const PAD_TOP_PX = 4;
const PAD_BOTTOM_PX = 12;
/** Rows drawn when the list's height is not known yet (hidden, or before the first layout). */
const ROWS_WITHOUT_VIEWPORT = 40;

export function PostList({ posts, busy, currentPath, onOpen }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  const windowed = posts.length > WINDOW_FROM;
  // Measured heights by post path (kept across filtering), and their running average.
  const heights = useRef(new Map<string, number>());
  const measuredSum = useRef(0);
  const [measured, setMeasured] = useState(0);
  const [viewport, setViewport] = useState({ top: 0, height: 0 });
  // The row that holds the Tab stop once the writer moved with the arrows or clicked.
  const [focusPath, setFocusPath] = useState<string | null>(null);
  const pendingFocus = useRef<string | null>(null);
  // The row a key moved to: kept in view while the rows around it are measured (each measured
  // row may move it), until the heights settle.
  const keepInView = useRef<number | null>(null);
  // Bumped once the first rows are measured: unmeasured rows then count as their average.
  const [estimate, setEstimate] = useState(0);

  // Opening a post gives the Tab stop back to it.
  useEffect(() => setFocusPath(null), [currentPath]);

  const indexByPath = useMemo(() => new Map(posts.map((p, i) => [p.path, i])), [posts]);
  const stopPath = focusPath != null && indexByPath.has(focusPath) ? focusPath : currentPath != null && indexByPath.has(currentPath) ? currentPath : (posts[0]?.path ?? null);

  // Each row's top. Built once per list (filtering makes a new one), updated in place as rows
  // are measured; `measured` counts those updates, so what depends on the offsets recomputes.
  const built = useMemo(() => {
    const average = heights.current.size ? measuredSum.current / heights.current.size : ESTIMATED_ROW_PX;
    const h = new Float64Array(windowed ? posts.length : 0);
    for (let i = 0; i < h.length; i++) h[i] = heights.current.get(posts[i].path) ?? average;
    return { offsets: new RowOffsets(h), guessed: heights.current.size === 0 };
    // `estimate`: rebuilt once with the measured average.
  }, [posts, windowed, estimate]);
  const rows = built.offsets;

  const readViewport = useCallback(() => {
    const el = listRef.current;
    if (el) setViewport((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
  }, []);

  useEffect(() => {
    const el = listRef.current;
    if (!el || !windowed) return;
    readViewport();
    const observer = new ResizeObserver(readViewport);
    observer.observe(el);
    return () => observer.disconnect();
  }, [windowed, readViewport]);

  // Which rows are drawn: the visible ones with a margin, plus the Tab stop (so Tab always
  // lands in the list and a focused row scrolled out of view keeps its focus).
  const drawn = useMemo(() => {
    if (!windowed) return posts.map((_, i) => i);
    let first: number;
    let last: number;
    if (viewport.height <= 0) {
      first = 0;
      last = Math.min(posts.length, ROWS_WITHOUT_VIEWPORT) - 1;
    } else {
      const from = Math.max(0, viewport.top - PAD_TOP_PX - OVERSCAN_PX);
      const to = viewport.top - PAD_TOP_PX + viewport.height + OVERSCAN_PX;
      first = rows.rowAt(from);
      last = rows.rowAt(to);
    }
    const out: number[] = [];
    const stop = stopPath == null ? -1 : (indexByPath.get(stopPath) ?? -1);
    if (stop >= 0 && stop < first) out.push(stop);
    for (let i = first; i <= last; i++) out.push(i);
    if (stop > last) out.push(stop);
    return out;
    // `measured`: the offsets changed in place.
  }, [windowed, posts, viewport, rows, measured, stopPath, indexByPath]);

  // Measures the drawn rows before the frame is painted; rows above the visible part that turn
  // out taller or shorter than counted move the scroll position by as much, so nothing jumps.
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el || !windowed) return;
    let changed = false;
    let shiftAbove = 0;
    const firstVisible = rows.rowAt(el.scrollTop - PAD_TOP_PX);
    for (const li of el.querySelectorAll<HTMLLIElement>(':scope > li[data-index]')) {
      const h = li.offsetHeight;
      if (h <= 0) continue; // hidden: nothing to learn
      const path = li.dataset.path ?? '';
      const index = Number(li.dataset.index);
      const height = h + ROW_GAP_PX;
      const before = heights.current.get(path);
      if (before === height) continue;
      if (index < firstVisible) shiftAbove += height - rows.height(index);
      measuredSum.current += height - (before ?? 0);
      heights.current.set(path, height);
      rows.setHeight(index, height);
      changed = true;
    }
    if (changed) {
      if (shiftAbove) el.scrollTop += shiftAbove;
      if (built.guessed) setEstimate((v) => v + 1);
      else setMeasured((m) => m + 1);
    }
    const keep = keepInView.current;
    if (keep != null && keep < rows.length) scrollToRow(el, keep);
    if (!changed) keepInView.current = null;
  });

  function scrollToRow(el: HTMLElement, index: number): void {
    const top = PAD_TOP_PX + rows.top(index);
    const bottom = top + rows.height(index);
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight;
  }

  // Focus a row that was just scrolled to and drawn.
  useLayoutEffect(() => {
    const path = pendingFocus.current;
    if (path == null) return;
    const button = listRef.current?.querySelector<HTMLElement>(`li[data-path="${CSS.escape(path)}"] .post-button`);
    if (button) {
      pendingFocus.current = null;
      button.focus();
    }
  });

  const focusRow = (index: number) => {
    const path = posts[index].path;
    const el = listRef.current;
    if (windowed && el) {
      keepInView.current = index;
      scrollToRow(el, index);
      readViewport();
    }
    pendingFocus.current = path;
    setFocusPath(path);
    // Already drawn (the usual case): focus now, not a frame later.
    const button = el?.querySelector<HTMLElement>(`li[data-path="${CSS.escape(path)}"] .post-button`);
    if (button) {
      pendingFocus.current = null;
      button.focus();
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const row = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('li[data-index]');
    if (!row || !e.currentTarget.contains(row)) return;
    const index = Number(row.dataset.index);
    let target = -1;
    if (e.key === 'ArrowDown') target = Math.min(posts.length - 1, index + 1);
    else if (e.key === 'ArrowUp') target = Math.max(0, index - 1);
    else if (e.key === 'Home') target = 0;
    else if (e.key === 'End') target = posts.length - 1;
    if (target < 0) return;
    e.preventDefault();
    focusRow(target);
  };

  const onFocus = (e: React.FocusEvent<HTMLUListElement>) => {
    const path = (e.target as HTMLElement).closest<HTMLElement>('li[data-index]')?.dataset.path;
    if (path && path !== stopPath) setFocusPath(path);
  };

  return (
    <ul
      ref={listRef}
      role="list"
      aria-label="Posts"
      aria-busy={busy || undefined}
      className={windowed ? 'post-list post-list-windowed' : 'post-list'}
      style={windowed ? ({ '--post-list-height': `${PAD_TOP_PX + rows.total + PAD_BOTTOM_PX}px` } as React.CSSProperties) : undefined}
      onScroll={windowed ? readViewport : undefined}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      {drawn.map((i) => {
        const p = posts[i];
        return (
          <PostListItem
            key={p.path}
            post={p}
            index={i}
            setSize={posts.length}
            top={windowed ? PAD_TOP_PX + rows.top(i) : undefined}
            current={p.path === currentPath}
            tabStop={p.path === stopPath}
            onOpen={onOpen}
          />
        );
      })}
    </ul>
  );
}
