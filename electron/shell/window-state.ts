// Where the window was, kept in the settings store and put back on the next start, but only
// if it still fits on a screen (a monitor may have been unplugged since).
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 720, height: 480 };

function isRect(v: unknown): v is Rect {
  const r = v as Rect;
  return !!r && [r.x, r.y, r.width, r.height].every((n) => typeof n === 'number' && Number.isFinite(n));
}

/**
 * The window bounds to use: the saved ones when at least a good part of the title bar is on a
 * display, else a default-size window (centred by the OS). `workAreas` are the displays' work
 * areas.
 */
export function restoreWindowState(saved: unknown, workAreas: Rect[]): { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean } {
  const s = saved as Partial<WindowState> | undefined;
  const maximized = s?.maximized === true;
  if (!s || !isRect(s.bounds)) return { bounds: { ...DEFAULT_SIZE }, maximized };
  const width = Math.max(MIN_SIZE.width, Math.round(s.bounds.width));
  const height = Math.max(MIN_SIZE.height, Math.round(s.bounds.height));
  const { x, y } = s.bounds;
  // The top strip of the window (where the writer grabs it) must be visible by 100 x 40 px.
  const visible = workAreas.some((a) => {
    const w = Math.min(x + width, a.x + a.width) - Math.max(x, a.x);
    const h = Math.min(y + 40, a.y + a.height) - Math.max(y, a.y);
    return w >= 100 && h >= 40;
  });
  if (!visible) return { bounds: { width: Math.min(width, 4000), height: Math.min(height, 3000) }, maximized };
  return { bounds: { x: Math.round(x), y: Math.round(y), width, height }, maximized };
}
