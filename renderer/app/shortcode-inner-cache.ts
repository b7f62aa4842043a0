// What the open site's paired shortcodes hold (getShortcodeInner), asked for once per site and
// kept: an open must not wait for a round trip to main, or the browser paints the post's panels
// once with an empty body (post-list.spec.ts "a post opens in one paint"). Fetched early with the
// editor's code, forgotten when another site opens.
import type { ShortcodeInnerMap } from '../../shared/markdown/shortcode-inner';
import { api } from '../api';

let cached: Promise<ShortcodeInnerMap | undefined> | null = null;
let watching = false;

export function shortcodeInner(): Promise<ShortcodeInnerMap | undefined> {
  if (!watching) {
    watching = true;
    api.on('siteOpened', () => {
      cached = null;
    });
  }
  // If it cannot be read, paired shortcodes open as plain text (exact, editable), not at all.
  cached ??= api.getShortcodeInner({}).catch(() => undefined);
  return cached;
}
