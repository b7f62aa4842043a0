// How much of a post the editor draws. Every post over a few screens is drawn in a window of
// blocks around what the writer sees and around the cursor (engine/block-window.ts): the browser's
// own work on each key (the text it keeps for input methods, the layer pass, layout) grows with
// what the editable element holds, so blocks far from the writer are left out. Shorter posts
// render whole.
import type { WindowSize } from '../../engine/block-window';

/** Posts longer than this (in characters of body) are long: a wider window, read in by parts. */
export const LONG_POST_CHARS = 100_000;

/** Posts longer than this are drawn in a window. */
export const WINDOWED_POST_CHARS = 4_000;

/**
 * A long post's window: wide, since its blocks are many and scrolling moves it often. Its shown
 * blocks are all painted, out of sight or not: with content-visibility on them, Chromium's
 * text-input update after each key (the whole editable's text) had to lay out every skipped
 * block again. In the 1 MB bench post, typed in turns in one page, that took 4.0 ms a key
 * against 1.4 without it; painting the blocks cost 0.7 ms more, and the p95 key went from
 * 11.8 to 9.6 ms.
 */
const LONG_WINDOW: WindowSize = { margin: 40, slack: 10, skipOffscreen: false };

/**
 * A shorter post's window. In the 12 KB bench post, typed in turns with the post drawn whole,
 * leaving the blocks more than a dozen away out took about 1 ms off the median key (session 17,
 * with a stand-in). Each block shown costs the browser's text-input update and layer pass on every
 * key: measured with this window, sixteen blocks of margin showed 49 of the post's 95 blocks and
 * cost about 0.3 ms more per key than twelve (30 shown).
 */
const POST_WINDOW: WindowSize = { margin: 12, slack: 4, skipOffscreen: true };

/** The window for a post body, or null when it is drawn whole. */
export function windowFor(body: string): WindowSize | null {
  if (body.length > LONG_POST_CHARS) return LONG_WINDOW;
  return body.length > WINDOWED_POST_CHARS ? POST_WINDOW : null;
}
