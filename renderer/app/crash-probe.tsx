// A test hook, to prove the error boundaries: a browser test calls
// window.postwrightFailRegion('editor') (or 'post list', 'form', 'side panel', 'dialog') and
// that region's next render throws, as a real bug would. Only code already running in the page
// can call it: a post's text never runs as script (the editor shows text, the page's CSP allows
// only the app's own scripts), so no post can trigger it. A region stays failed until its
// boundary is reset (React renders a failing part twice before it gives up).
import { useSyncExternalStore } from 'react';

export type Region = 'post list' | 'editor' | 'form' | 'side panel' | 'dialog';

const failing = new Set<Region>();
const listeners = new Set<() => void>();

declare global {
  interface Window {
    postwrightFailRegion?: (region: Region) => void;
  }
}

if (typeof window !== 'undefined') {
  window.postwrightFailRegion = (region) => {
    failing.add(region);
    for (const l of listeners) l();
  };
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The region draws normally again (its boundary was reset). */
export function recoverRegion(region: Region): void {
  failing.delete(region);
}

/** Rendered inside each region: throws while a test has asked that region to fail. */
export function CrashProbe({ region }: { region: Region }) {
  const fail = useSyncExternalStore(subscribe, () => failing.has(region));
  if (fail) throw new Error(`The ${region} failed to draw (test hook).`);
  return null;
}
