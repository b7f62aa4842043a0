// Runs work when the window is idle, in slices that stop when the idle period ends, so a key
// pressed meanwhile is handled first. Used for the status bar's word count and the exact
// "unsaved changes" check, which must never hold up typing.
import type { Deadline } from './word-count';

export interface IdleJob {
  cancel(): void;
}

const requestIdle: (cb: (d: Deadline) => void, opts: { timeout: number }) => number =
  typeof requestIdleCallback === 'function'
    ? (cb, opts) => requestIdleCallback(cb, opts)
    : (cb) => window.setTimeout(() => {
        const end = performance.now() + 8;
        cb({ timeRemaining: () => Math.max(0, end - performance.now()) });
      }, 1);
const cancelIdle: (id: number) => void = typeof cancelIdleCallback === 'function' ? (id) => cancelIdleCallback(id) : (id) => window.clearTimeout(id);

/**
 * After `delayMs`, calls `start` once in an idle period; the step it returns is called in that
 * and later idle periods until it returns true. The timeout makes sure the work ends even on a
 * window that is never idle.
 */
export function runWhenIdle(delayMs: number, start: () => ((deadline: Deadline) => boolean) | null): IdleJob {
  let idle = 0;
  let cancelled = false;
  const timer = window.setTimeout(() => {
    idle = requestIdle((first) => {
      const step = start();
      if (!step) return;
      const slice = (d: Deadline) => {
        if (cancelled) return;
        if (!step(d)) idle = requestIdle(slice, { timeout: 1000 });
      };
      slice(first);
    }, { timeout: 2000 });
  }, delayMs);
  return {
    cancel() {
      cancelled = true;
      window.clearTimeout(timer);
      if (idle) cancelIdle(idle);
    },
  };
}
